#include "QCustomPlotInclude.h"
#include "UnitExplorerView.h"
#include "figures/FigureExporter.h"
#include "figures/UnitProfileView.h"

#include <QComboBox>
#include <QDir>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace nad;

namespace {

// Unit 5 of block 2 ("conv2_1", 16 units): three 8 × 8 top images (gray 100, 150, 200) whose
// maps fire at full strength in the left half of the first image only; three classes, of which
// the path of "Sneaker" keeps the unit, "Bag"'s drops it and "Coat" has no path.
UnitProfile handProfile()
{
    UnitProfile p;
    p.runId = 4;
    p.block = 2;
    p.blockName = "conv2_1";
    p.unit = 5;
    p.units = 16;
    p.heldOutImages = 300;
    p.topImages.channels = 1;
    p.topImages.height = 8;
    p.topImages.width = 8;
    for (int k = 0; k < 3; ++k) {
        p.topImages.pixels.insert(p.topImages.pixels.end(), 64, std::uint8_t(100 + 50 * k));
        p.topImages.labels.push_back(k == 2 ? 2 : 0);
        ActivationMap map;
        map.height = map.width = 8;
        map.values.assign(64, 0.0f);
        if (k == 0)
            for (int y = 0; y < 8; ++y)
                for (int x = 0; x < 4; ++x)
                    map.values[std::size_t(y * 8 + x)] = 1.0f;
        p.topMaps.push_back(map);
    }
    p.topImageIndices = {17, 3, 250};
    p.topResponses = {2.5f, 1.25f, 0.5f};
    p.classes = {0, 1, 2};
    p.classNames = {"Sneaker", "Bag", "Coat, long"};
    p.classMeans = {1.5f, 0.25f, 0.75f};
    p.keptShare = {2.0 / 3.0, 0.0, -1.0};
    p.initializations = 3;
    return p;
}

}  // namespace

class TestUnitExplorerView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void profileIsDrawnAndReadOut()
    {
        UnitProfileView view;
        view.resize(700, 460);
        view.setProfile(handProfile());
        QCOMPARE(view.keptBy(), QStringList{QStringLiteral("Sneaker")});
        QCOMPARE(view.figureId(), QStringLiteral("unit-conv2_1-5"));
        // The map colours where the unit fires; where it is silent the image stays near gray.
        const QImage first = view.thumbnail(0);
        QCOMPARE(first.size(), QSize(8, 8));
        const QColor firing = first.pixelColor(1, 1), silent = first.pixelColor(6, 1);
        QVERIFY(qAbs(firing.red() - firing.blue()) > 60 || qAbs(firing.green() - firing.blue()) > 60);
        QVERIFY(qAbs(silent.red() - 100) < 40);
        QVERIFY(view.thumbnail(1).pixelColor(0, 0) != first.pixelColor(0, 0));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        // Hover read-outs: scan the widget for the first thumbnail's and a bar's sentences.
        bool sawImage = false, sawBar = false, sawNoPath = false;
        for (int y = 0; y < view.height(); y += 4)
            for (int x = 0; x < view.width(); x += 4) {
                const QString text = view.readOutAt(QPoint(x, y));
                sawImage |= text.contains(QStringLiteral("held-out image 17 (Sneaker)"));
                sawBar |= text.contains(QStringLiteral("Sneaker: mean response 1.5, kept in 67 %"));
                sawNoPath |= text.contains(QStringLiteral("Coat, long: mean response 0.75, no path"));
            }
        QVERIFY(sawImage);
        QVERIFY(sawBar);
        QVERIFY(sawNoPath);
    }

    void csvAndExport()
    {
        UnitProfileView view;
        view.setProfile(handProfile());
        const QStringList lines = view.csv().trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 1 + 3 + 3);
        QCOMPARE(lines[1], QStringLiteral("top,1,17,Sneaker,2.5,"));
        QCOMPARE(lines[3], QStringLiteral("top,3,250,\"Coat, long\",0.5,"));
        QCOMPARE(lines[4], QStringLiteral("concept,,,Sneaker,1.5,0.666667"));
        QCOMPARE(lines[6], QStringLiteral("concept,,,\"Coat, long\",0.75,"));
        QTemporaryDir dir;
        FigureExportOptions options;
        options.format = QStringLiteral("png");
        options.dpi = 150;
        const QStringList files = FigureExporter::exportFigure(view, dir.filePath(view.figureId() + ".png"), options);
        QCOMPARE(files.size(), 2);
        const QImage png(files[0]);
        QVERIFY(!png.isNull());
        QVERIFY(png.width() > 800);
        // The filled bar of "Sneaker" puts the palette's colour somewhere in the figure.
        bool coloured = false;
        for (int y = 0; y < png.height() && !coloured; y += 2)
            for (int x = 0; x < png.width() && !coloured; x += 2) {
                const QColor c = png.pixelColor(x, y);
                coloured = qAbs(c.red() - c.blue()) > 80;
            }
        QVERIFY(coloured);
        const QString shots = qEnvironmentVariable("NAD_SCREENSHOT_DIR");
        if (!shots.isEmpty())
            FigureExporter::exportFigure(view, QDir(shots).filePath(QStringLiteral("unit-profile.png")), options);
    }

    void explorerAsksForBlocksAndProfiles()
    {
        UnitExplorerView explorer;
        QSignalSpy blocks(&explorer, &UnitExplorerView::blockSelected);
        QSignalSpy profiles(&explorer, &UnitExplorerView::profileRequested);
        explorer.setBlocks({QStringLiteral("conv1"), QStringLiteral("conv2_1")}, {8, 16});
        QCOMPARE(explorer.blockSelector()->count(), 2);
        QCOMPARE(explorer.currentBlock(), -1);
        // The app answers blockSelected with the block's list.
        connect(&explorer, &UnitExplorerView::blockSelected, this, [&explorer](int block) {
            explorer.setUnits(block, {{5, 2, {QStringLiteral("Sneaker"), QStringLiteral("Bag")}}, {1, 0, {}}});
        });
        explorer.showUnit(1, 1);
        QCOMPARE(blocks.count(), 1);
        QCOMPARE(blocks.last().at(0).toInt(), 1);
        QCOMPARE(explorer.unitTable()->rowCount(), 2);
        QCOMPARE(explorer.unitTable()->item(0, 2)->text(), QStringLiteral("Sneaker, Bag"));
        QCOMPARE(profiles.count(), 1);
        QCOMPARE(profiles.last(), (QList<QVariant>{1, 1, explorer.topCount()}));
        // Picking another row asks for that unit; changing the image count asks again.
        explorer.unitTable()->selectRow(0);
        QCOMPARE(profiles.count(), 2);
        QCOMPARE(profiles.last().at(1).toInt(), 5);
        explorer.topSelector()->setValue(4);
        QCOMPARE(profiles.last(), (QList<QVariant>{1, 5, 4}));
        // A late answer for another unit is not shown; the current one is.
        UnitProfile stale = handProfile();
        stale.block = 1;
        stale.unit = 1;
        explorer.setProfile(stale);
        QVERIFY(!explorer.profileView()->hasProfile());
        UnitProfile current = handProfile();
        current.block = 1;
        explorer.setProfile(current);
        QVERIFY(explorer.profileView()->hasProfile());
        explorer.setStatus(QStringLiteral("Measuring"));
        QVERIFY(!explorer.statusLabel()->isHidden());
    }
};

QTEST_MAIN(TestUnitExplorerView)
#include "tst_unitexplorerview.moc"
