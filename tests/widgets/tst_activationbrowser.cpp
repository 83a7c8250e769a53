#include "ActivationBrowser.h"
#include "ActivationComparisonStrip.h"
#include "CompositeFixture.h"
#include "data/FashionMnist.h"

#include <QComboBox>
#include <QDir>
#include <QMimeData>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QToolTip>
#include <QUrl>
#include <QtTest>

#include <cmath>

using namespace nad;

namespace {

const QStringList kFashion = {QStringLiteral("T-shirt/top"), QStringLiteral("Trouser"), QStringLiteral("Pullover"),
                              QStringLiteral("Dress"),       QStringLiteral("Coat"),    QStringLiteral("Sandal"),
                              QStringLiteral("Shirt"),       QStringLiteral("Sneaker"), QStringLiteral("Bag"),
                              QStringLiteral("Ankle boot")};

CompositeImage composite()
{
    return nadtest::composite2x2();
}

// A 20 × 20 map that peaks in tile `hot`; `salt` makes blocks differ.
ActivationMap mapPeakingIn(int hot, int salt)
{
    ActivationMap map;
    map.height = 20;
    map.width = 20;
    for (int y = 0; y < 20; ++y)
        for (int x = 0; x < 20; ++x) {
            const int tile = (y / 10) * 2 + x / 10;
            map.values.push_back(tile == hot ? 0.5f + 0.001f * float((y * 20 + x + salt * 37) % 400)
                                             : 0.01f * float(x));
        }
    return map;
}

QVector<ActivationGridView::Row> rows()
{
    QVector<ActivationGridView::Row> out;
    out.push_back({QStringLiteral("original"), -1, {mapPeakingIn(0, 0), mapPeakingIn(1, 1), mapPeakingIn(2, 2)}, {}});
    out.push_back(
        {QStringLiteral("Coat"), 3, {mapPeakingIn(3, 0), mapPeakingIn(0, 1), mapPeakingIn(3, 2)}, {0.5, 1.0, 0.5}});
    return out;
}

QStringList blockNames()
{
    return {QStringLiteral("b1"), QStringLiteral("b2"), QStringLiteral("b3")};
}

// The widget pixel at the centre of image pixel (x, y) of an image drawn in `rect`.
QPoint pixelIn(const QRectF& rect, int x, int y, int imageWidth, int imageHeight)
{
    return QPoint(int(rect.left() + (x + 0.5) * rect.width() / imageWidth),
                  int(rect.top() + (y + 0.5) * rect.height() / imageHeight));
}

}  // namespace

class TestActivationBrowser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tileCombosRequestComposites()
    {
        ActivationBrowser browser;
        QSignalSpy requested(&browser, &ActivationBrowser::compositeRequested);
        browser.setConceptNames(kFashion);
        QCOMPARE(requested.count(), 0);  // filling the combos asks for nothing
        QCOMPARE(browser.compositeLayout(), QStringLiteral("2x2"));
        QCOMPARE(browser.conceptPerTile(), (QVector<QString>{kFashion[0], kFashion[1], kFashion[2], kFashion[3]}));
        auto* third = browser.findChild<QComboBox*>(QStringLiteral("tileCombo2"));
        QVERIFY(third);
        third->setCurrentIndex(kFashion.indexOf(QStringLiteral("Bag")));
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).value<QVector<QString>>(),
                 (QVector<QString>{kFashion[0], kFashion[1], QStringLiteral("Bag"), kFashion[3]}));
        QCOMPARE(requested.at(0).at(1).toString(), QStringLiteral("2x2"));

        // A bigger layout keeps the chosen tiles and adds concepts not shown yet.
        auto* layout = browser.findChild<QComboBox*>(QStringLiteral("layoutCombo"));
        layout->setCurrentIndex(layout->findData(QStringLiteral("3x3")));
        QCOMPARE(requested.count(), 2);
        QCOMPARE(requested.at(1).at(1).toString(), QStringLiteral("3x3"));
        const auto nine = requested.at(1).at(0).value<QVector<QString>>();
        QCOMPARE(nine.size(), 9);
        QCOMPARE(nine.mid(0, 4), (QVector<QString>{kFashion[0], kFashion[1], QStringLiteral("Bag"), kFashion[3]}));
        QCOMPARE(QSet<QString>(nine.begin(), nine.end()).size(), 9);
        QVERIFY(browser.findChild<QComboBox*>(QStringLiteral("tileCombo8")));
        // A smaller one keeps the first tiles.
        layout->setCurrentIndex(layout->findData(QStringLiteral("1x2")));
        QCOMPARE(requested.at(2).at(0).value<QVector<QString>>(), (QVector<QString>{kFashion[0], kFashion[1]}));
        QVERIFY(!browser.findChild<QComboBox*>(QStringLiteral("tileCombo2")));

        // Random: distinct concepts from the list, one request.
        layout->setCurrentIndex(layout->findData(QStringLiteral("1x4")));
        requested.clear();
        QTest::mouseClick(browser.findChild<QPushButton*>(QStringLiteral("randomComposite")), Qt::LeftButton);
        QCOMPARE(requested.count(), 1);
        const auto random = requested.at(0).at(0).value<QVector<QString>>();
        QCOMPARE(random.size(), 4);
        QCOMPARE(QSet<QString>(random.begin(), random.end()).size(), 4);
        for (const QString& name : random)
            QVERIFY(kFashion.contains(name));
        QCOMPARE(browser.conceptPerTile(), random);
    }

    void blockSliderSelectsTheStripsBlock()
    {
        ActivationBrowser browser;
        browser.resize(1000, 800);
        browser.setData(composite(), {QStringLiteral("tiles")}, blockNames(), rows());
        auto* slider = browser.findChild<QSlider*>(QStringLiteral("blockSlider"));
        QVERIFY(slider && slider->isEnabled());
        QCOMPARE(slider->maximum(), 2);
        QCOMPARE(browser.selectedBlock(), 2);  // the deepest block first
        ActivationComparisonStrip* strip = browser.strip();
        QCOMPARE(strip->panelCount(), 3);  // input, original, Coat
        QVERIFY(strip->caption().contains(QStringLiteral("Block 3 of 3: b3")));
        QCOMPARE(strip->panel(2).image, browser.gridView()->cellImage(1, 2));
        slider->setValue(1);
        QVERIFY(strip->caption().contains(QStringLiteral("Block 2 of 3: b2")));
        QCOMPARE(strip->panel(1).image, browser.gridView()->cellImage(0, 1));
        QCOMPARE(strip->panel(2).image, browser.gridView()->cellImage(1, 1));
        QVERIFY(strip->panel(2).image != browser.gridView()->cellImage(1, 2));
        QCOMPARE(strip->panel(2).tile, 3);
        QCOMPARE(strip->panel(2).label, QStringLiteral("Coat"));
        // New data for the same network keeps the block.
        browser.setData(composite(), {QStringLiteral("tiles")}, blockNames(), rows());
        QCOMPARE(browser.selectedBlock(), 1);

        // Top-k and mode reach the grid and the strip.
        auto* spin = browser.findChild<QSpinBox*>(QStringLiteral("topPercentSpin"));
        QCOMPARE(spin->value(), 5);
        QCOMPARE(spin->minimum(), 1);
        QCOMPARE(spin->maximum(), 50);
        spin->setValue(20);
        QCOMPARE(browser.gridView()->topPercent(), 20.0);
        QCOMPARE(browser.findChild<QSlider*>(QStringLiteral("topPercentSlider"))->value(), 20);
        QCOMPARE(strip->panel(2).image, browser.gridView()->cellImage(1, 1));
        browser.findChild<QRadioButton*>(QStringLiteral("heatMapMode"))->click();
        QCOMPARE(browser.gridView()->mode(), ActivationGridView::Mode::HeatMap);
        QVERIFY(!spin->isEnabled());
        QCOMPARE(strip->panel(2).image, browser.gridView()->cellImage(1, 1));
        QVERIFY(strip->caption().contains(QStringLiteral("heat map")));
    }

    void droppedImageFilesAreAnnounced()
    {
        ActivationBrowser browser;
        QSignalSpy dropped(&browser, &ActivationBrowser::filesDropped);
        QMimeData mime;
        mime.setUrls(
            {QUrl::fromLocalFile(QStringLiteral("/tmp/a.png")), QUrl::fromLocalFile(QStringLiteral("/tmp/notes.txt")),
             QUrl::fromLocalFile(QStringLiteral("/tmp/b.BMP")), QUrl(QStringLiteral("https://example.org/c.png"))});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&browser, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&browser, &drop);
        QCOMPARE(dropped.count(), 1);
        QCOMPARE(dropped.at(0).at(0).toStringList(),
                 (QStringList{QStringLiteral("/tmp/a.png"), QStringLiteral("/tmp/b.BMP")}));
        // Nothing that is an image file: refused, nothing announced.
        QMimeData text;
        text.setUrls({QUrl::fromLocalFile(QStringLiteral("/tmp/notes.txt"))});
        QDragEnterEvent refuse(QPoint(10, 10), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
        refuse.setAccepted(false);
        QApplication::sendEvent(&browser, &refuse);
        QVERIFY(!refuse.isAccepted());
        QDropEvent none(QPointF(10, 10), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&browser, &none);
        QCOMPARE(dropped.count(), 1);
    }

    void tooltipsNameBlockTileAndValue()
    {
        ActivationBrowser browser;
        browser.resize(1000, 800);
        auto data = rows();
        // The channel sums' ranges before normalization, per row and block.
        const QVector<QVector<QPair<float, float>>> ranges{{{0, 10}, {0, 10}, {0, 10}}, {{-2, 2}, {5, 105}, {0, 1000}}};
        for (int r = 0; r < ranges.size() && r < data.size(); ++r)
            for (int b = 0; b < ranges[r].size() && b < int(data[r].maps.size()); ++b) {
                data[r].maps[std::size_t(b)].rawMin = ranges[r][b].first;
                data[r].maps[std::size_t(b)].rawMax = ranges[r][b].second;
            }
        browser.setData(composite(), {QStringLiteral("tiles")}, blockNames(), data);
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        browser.setSelectedBlock(1);

        // The strip: the Coat path's panel, pixel (15, 12) lies in tile 4 (bottom right).
        ActivationComparisonStrip* strip = browser.strip();
        const QRectF coat = strip->imageRect(2);
        QVERIFY(!coat.isEmpty());
        const QPoint at = pixelIn(coat, 15, 12, 20, 20);
        QPoint pixel;
        QCOMPARE(strip->panelAt(at, &pixel), 2);
        QCOMPARE(pixel, QPoint(15, 12));
        const double normalized = data[1].maps[1].at(12, 15);
        const QString text = browser.stripToolTip(at);
        QVERIFY2(text.contains(QStringLiteral("Block 2 of 3: b2")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Map: Coat")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Pixel (15, 12) in tile 4 of 4 (Coat)")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Channel sum: %1 (normalized %2)")
                                   .arg(QLocale().toString(5 + normalized * 100, 'g', 4),
                                        QLocale().toString(normalized, 'f', 3))),
                 qPrintable(text));
        // The same text reaches the user through a tooltip event.
        QHelpEvent help(QEvent::ToolTip, at, strip->mapToGlobal(at));
        QApplication::sendEvent(strip, &help);
        QTRY_COMPARE(QToolTip::text(), text);
        // Coat's path keeps every unit of block 2: the tooltip says it is the original network there.
        QVERIFY2(text.contains(QStringLiteral("keeps %1 % of this block's units: the original network here")
                                   .arg(QLocale().toString(100.0, 'f', 1))),
                 qPrintable(text));
        QVERIFY(browser.gridView()->isWholeNetwork(1, 1));
        QVERIFY(!browser.gridView()->isWholeNetwork(1, 0));

        // "Difference to original": the path's map minus the original's, in the original's range.
        auto* difference = browser.findChild<QRadioButton*>(QStringLiteral("differenceMode"));
        QVERIFY(difference);
        difference->click();
        QCOMPARE(browser.mode(), ActivationGridView::Mode::Difference);
        QVERIFY(!browser.findChild<QSpinBox*>(QStringLiteral("topPercentSpin"))->isEnabled());
        QVERIFY(strip->caption().contains(QStringLiteral("difference to original")));
        const double relative = ActivationGridView::relativeDifference(data[1].maps[1], data[0].maps[1], 12, 15);
        QVERIFY2(
            browser.stripToolTip(at).contains(
                QStringLiteral("Difference to original: %1 of its range").arg(QLocale().toString(relative, 'f', 3))),
            qPrintable(browser.stripToolTip(at)));
        browser.findChild<QRadioButton*>(QStringLiteral("topPercentMode"))->click();
        QCOMPARE(browser.mode(), ActivationGridView::Mode::TopPercent);
        QVERIFY(!difference->isChecked());

        // The grid: the original network at block 1, pixel (2, 3) in tile 1.
        ActivationGridView* grid = browser.gridView();
        const QRectF cell = grid->cellRect(0, 1);
        const QPoint gridAt = pixelIn(cell, 2, 3, 20, 20);
        const QString gridText = browser.gridToolTip(gridAt);
        QVERIFY2(gridText.contains(QStringLiteral("Block 1 of 3: b1")), qPrintable(gridText));
        QVERIFY2(gridText.contains(QStringLiteral("Map: original")), qPrintable(gridText));
        QVERIFY2(gridText.contains(QStringLiteral("Pixel (2, 3) in tile 1 of 4")), qPrintable(gridText));
        QVERIFY2(gridText.contains(
                     QStringLiteral("normalized %1").arg(QLocale().toString(data[0].maps[0].at(3, 2), 'f', 3))),
                 qPrintable(gridText));
        // Tile 1 peaks in block 1's original map: among the top 5 %? Pixel (2, 3) is not (the peak
        // values grow with the pixel index), pixel (9, 9) is.
        QVERIFY2(gridText.contains(QStringLiteral("Not among the top 5 %")), qPrintable(gridText));
        QVERIFY(browser.gridToolTip(pixelIn(cell, 9, 9, 20, 20)).contains(QStringLiteral("\nAmong the top 5 %")));
        // The input column and the gaps.
        QVERIFY(browser.gridToolTip(pixelIn(grid->cellRect(1, 0), 12, 2, 20, 20))
                    .startsWith(QStringLiteral("Input image\nPixel (12, 2) in tile 2 of 4")));
        QVERIFY(browser.gridToolTip(QPoint(1, 1)).isEmpty());
        QVERIFY(browser.stripToolTip(QPoint(1, 1)).isEmpty());

        // A click on a block's column in the grid selects that block.
        QCOMPARE(grid->highlightedBlock(), 1);
        QTest::mouseClick(grid, Qt::LeftButton, Qt::NoModifier, grid->cellRect(1, 3).center().toPoint());
        QCOMPARE(browser.selectedBlock(), 2);
        QCOMPARE(grid->highlightedBlock(), 2);
        QVERIFY(strip->caption().contains(QStringLiteral("Block 3 of 3: b3")));
        QTest::mouseClick(grid, Qt::LeftButton, Qt::NoModifier, grid->cellRect(1, 0).center().toPoint());  // the input
        QCOMPARE(browser.selectedBlock(), 2);
    }

    void screenshot()
    {
        // Real Fashion-MNIST tiles when the package is installed, synthetic ones otherwise; maps
        // are synthetic (computing them needs a network).
        const QStringList tileNames = {QStringLiteral("Coat"), QStringLiteral("Sneaker"), QStringLiteral("Bag"),
                                       QStringLiteral("Trouser")};
        CompositeImage image;
        try {
            const ImageSet test = FashionMnist::load(NAD_FASHION_MNIST_DIR, Split::Test);
            std::vector<std::int64_t> concepts;
            for (const QString& name : tileNames)
                concepts.push_back(kFashion.indexOf(name));
            image = CompositeBuilder::fromHeldOut(ImageSetSource(test), concepts, 2, 2, 3);
        } catch (const std::exception&) {
            image = composite();
        }
        const int h = image.image.height, w = image.image.width;
        const auto blob = [&](double cy, double cx, double spread, double noise, int seed) {
            ActivationMap map;
            map.height = h;
            map.width = w;
            for (int y = 0; y < h; ++y)
                for (int x = 0; x < w; ++x) {
                    const double d = ((y - cy) * (y - cy) + (x - cx) * (x - cx)) / (spread * spread);
                    map.values.push_back(
                        float(std::exp(-d) + noise * std::sin((x * 13 + y * 7 + seed) * 0.7) * 0.5 + noise * 0.5));
                }
            float lo = *std::min_element(map.values.begin(), map.values.end());
            float hi = *std::max_element(map.values.begin(), map.values.end());
            for (float& v : map.values)
                v = (v - lo) / (hi - lo);
            return map;
        };
        QStringList blocks;
        QVector<ActivationGridView::Row> rows;
        rows.push_back({QStringLiteral("original"), -1, {}, {}});
        for (int t = 0; t < 2; ++t)
            rows.push_back({tileNames[t], t, {}, {}});
        for (int b = 0; b < 8; ++b) {
            blocks << QStringLiteral("features.%1").arg(b * 3);
            const double spread = 4 + b * 2.5, noise = 0.6 - b * 0.07;
            rows[0].maps.push_back(blob(h * 0.5, w * 0.5, spread * 2, noise, b));
            rows[1].maps.push_back(blob(h * 0.25, w * 0.25, spread, noise, b + 1));
            rows[2].maps.push_back(blob(h * 0.25, w * 0.75, spread, noise, b + 2));
        }
        ActivationBrowser browser;
        browser.setConceptNames(kFashion);
        browser.setConceptPerTile({tileNames[0], tileNames[1], tileNames[2], tileNames[3]});
        browser.resize(1100, 820);
        browser.setData(image, {QStringLiteral("tiles 1: Coat, 2: Sneaker, 3: Bag, 4: Trouser")}, blocks, rows);
        browser.setSelectedBlock(5);
        browser.show();
        QVERIFY(QTest::qWaitForWindowExposed(&browser));
        QCOMPARE(browser.strip()->panelCount(), 4);
        const QString dir = qEnvironmentVariable("NAD_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            QVERIFY(browser.grab().save(QDir(dir).filePath(QStringLiteral("activation-browser.png"))));
            browser.setMode(ActivationGridView::Mode::HeatMap);
            QVERIFY(browser.grab().save(QDir(dir).filePath(QStringLiteral("activation-browser-heat.png"))));
            browser.setCompositeLayout(QStringLiteral("3x3"));
            browser.resize(820, 640);
            QCoreApplication::processEvents();
            QVERIFY(browser.grab().save(QDir(dir).filePath(QStringLiteral("activation-browser-small.png"))));
        }
    }
};

QTEST_MAIN(TestActivationBrowser)
#include "tst_activationbrowser.moc"
