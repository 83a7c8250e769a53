#include "QCustomPlotInclude.h"
#include "figures/FigureExporter.h"
#include "figures/PathFlowView.h"

#include <QDir>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace nad;

namespace {

using Path = QVector<QVector<bool>>;

QVector<bool> bits(const char* pattern)
{
    QVector<bool> out;
    for (const char* p = pattern; *p; ++p)
        out << (*p == '1');
    return out;
}

// Three concepts over three blocks, counted by hand unit by unit:
//   b1 (6 units): u0 ABC all, u1 AB some, u2 AC some, u3 B one, u4 C one, u5 none.
//   b2 (4 units, C's mask is 2 long): u0 AC some, u1 BC some, u2 none, u3 A one.
//   b3 (5 units): u0 u1 all, u2 AB some, u3 u4 A one.
// A and B have a fourth block that C lacks: it is left out.
const Path kA = {bits("111000"), bits("1001"), bits("11111"), bits("1")};
const Path kB = {bits("110100"), bits("0100"), bits("11100"), bits("1")};
const Path kC = {bits("101010"), bits("11"), bits("11000")};
const QStringList kBlocks = {QStringLiteral("b1"), QStringLiteral("b2"), QStringLiteral("b3"), QStringLiteral("b4")};

void setThree(PathFlowView& view)
{
    view.setPaths({QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")}, kBlocks, {kA, kB, kC});
}

void compareFlow(const PathFlowView::BlockFlow& f, int units, int all, int some, int one, int none,
                 const QVector<int>& only)
{
    QCOMPARE(f.units, units);
    QCOMPARE(f.all, all);
    QCOMPARE(f.some, some);
    QCOMPARE(f.one, one);
    QCOMPARE(f.none, none);
    QCOMPARE(f.onlyPerConcept, only);
    QCOMPARE(f.all + f.some + f.one + f.none, f.units);
}

// The share a column segment draws at block `key`; -1 when that segment is not drawn.
double shareAt(QCPBars* bars, int key)
{
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
        if (it->key == key)
            return it->value;
    return -1.0;
}

}  // namespace

class TestPathFlowView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void threeConceptsGiveTheHandCounts()
    {
        PathFlowView view;
        setThree(view);
        const auto flows = view.flowPerBlock();
        QCOMPARE(flows.size(), 3);  // b4 is beyond C's path
        compareFlow(flows[0], 6, 1, 2, 2, 1, {0, 1, 1});
        compareFlow(flows[1], 4, 0, 2, 1, 1, {1, 0, 0});  // C's missing units count as off
        compareFlow(flows[2], 5, 2, 1, 2, 0, {2, 0, 0});
        QCOMPARE(view.title(), QStringLiteral("Path flow of 3 concepts: A, B, C"));
        QCOMPARE(view.figureId(), QStringLiteral("path-flow"));
        QVERIFY(view.note().contains(QStringLiteral("not units")));
    }

    void oneAndTwoConcepts()
    {
        PathFlowView view;
        view.setPaths({QStringLiteral("A")}, kBlocks, {kA});
        auto flows = view.flowPerBlock();
        QCOMPARE(flows.size(), 4);
        compareFlow(flows[0], 6, 3, 0, 0, 3, {3});  // k = 1: kept is "all"
        compareFlow(flows[3], 1, 1, 0, 0, 0, {1});
        QCOMPARE(view.title(), QStringLiteral("Path flow of 1 concept: A"));
        // Some and one-only cannot occur: no legend entries, no bands for them.
        QCOMPARE(view.plot()->legend->itemCount(), 2);
        // Gaps b1→b2 and b2→b3 link kept and dropped; b3→b4 only kept (nothing dropped on either side).
        QCOMPARE(view.bands().size(), 5);

        view.setPaths({QStringLiteral("A"), QStringLiteral("B")}, kBlocks, {kA, kB});
        flows = view.flowPerBlock();
        compareFlow(flows[0], 6, 2, 0, 2, 2, {1, 1});
        compareFlow(flows[1], 4, 0, 0, 3, 1, {2, 1});  // u0 A, u1 B, u2 none, u3 A
        QCOMPARE(view.plot()->legend->itemCount(), 3);
        QCOMPARE(view.categoryName(PathFlowView::KeptByAll), QStringLiteral("kept by both"));
    }

    void longConceptListsAreShortened()
    {
        PathFlowView view;
        QStringList names;
        QVector<Path> paths;
        for (int c = 0; c < 6; ++c) {
            names << QStringLiteral("c%1").arg(c);
            paths << Path{bits("1010")};
        }
        view.setPaths(names, {QStringLiteral("b1")}, paths);
        QCOMPARE(view.title(), QStringLiteral("Path flow of 6 concepts: c0, c1, c2, c3, \u2026"));
        compareFlow(view.flowPerBlock()[0], 4, 2, 0, 0, 2, QVector<int>(6, 0));
    }

    void csvHasTheHeaderAndTheCounts()
    {
        PathFlowView view;
        setThree(view);
        QStringList lines = view.csv().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 4);
        QCOMPARE(lines[0], QStringLiteral("block,units,all,some,one,none,only A,only B,only C"));
        QCOMPARE(lines[1], QStringLiteral("b1,6,1,2,2,1,0,1,1"));
        QCOMPARE(lines[2], QStringLiteral("b2,4,0,2,1,1,1,0,0"));

        // Names with separators or quotes are quoted, quotes doubled.
        view.setPaths({QStringLiteral("T-shirt, top"), QStringLiteral("say \"hi\"")}, {QStringLiteral("conv1,1")},
                      {{bits("10")}, {bits("11")}});
        lines = view.csv().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines[0],
                 QStringLiteral("block,units,all,some,one,none,\"only T-shirt, top\",\"only say \"\"hi\"\"\""));
        QCOMPARE(lines[1], QStringLiteral("\"conv1,1\",2,1,0,1,0,0,1"));
    }

    void columnsStackTheSharesAndBandsLinkThem()
    {
        PathFlowView view;
        setThree(view);
        const auto bars = view.columnBars();
        QCOMPARE(bars.size(), int(PathFlowView::CategoryCount));
        QCOMPARE(bars[PathFlowView::KeptBySome]->barBelow(), bars[PathFlowView::KeptByAll]);
        QCOMPARE(bars[PathFlowView::KeptByNone]->barBelow(), bars[PathFlowView::KeptByOne]);
        QCOMPARE(shareAt(bars[PathFlowView::KeptBySome], 1), 0.5);  // b2: 2 of 4
        QCOMPARE(shareAt(bars[PathFlowView::KeptByOne], 2), 0.4);   // b3: 2 of 5
        // Empty segments are not drawn: b3 has no unit kept by none, b2 none kept by all.
        QCOMPARE(bars[PathFlowView::KeptByNone]->data()->size(), 2);
        QCOMPARE(shareAt(bars[PathFlowView::KeptByNone], 2), -1.0);
        QCOMPARE(shareAt(bars[PathFlowView::KeptByAll], 1), -1.0);
        // Every category has units on one side of each gap at least: 4 bands per gap.
        QCOMPARE(view.bands().size(), 8);
        // The "all" band from b1 (top at 1/6) to b2 (empty) ends at 0 on the right.
        const auto band = view.bands()[0]->data();
        QVERIFY(std::abs(band->at(0)->value - 1.0 / 6.0) < 1e-9);
        QVERIFY(std::abs(band->at(band->size() / 2 - 1)->value) < 1e-9);
        QVERIFY(view.bands()[0]->brush().color().alpha() < 255);  // translucent
    }

    void clickingAColumnEmitsItsBlock()
    {
        PathFlowView view;
        view.resize(700, 420);
        setThree(view);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.plot()->replot();
        QSignalSpy spy(&view, &PathFlowView::blockClicked);
        const int y = view.plot()->axisRect()->center().y();
        const int x1 = int(view.plot()->xAxis->coordToPixel(1));
        QTest::mouseClick(view.plot(), Qt::LeftButton, {}, QPoint(x1, y));
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toInt(), 1);
        // Between the columns (a band) and outside the axes nothing is clicked.
        QTest::mouseClick(view.plot(), Qt::LeftButton, {}, QPoint(int(view.plot()->xAxis->coordToPixel(1.5)), y));
        QTest::mouseClick(view.plot(), Qt::LeftButton, {}, QPoint(x1, 2));
        QCOMPARE(spy.count(), 1);
        const int x2 = int(view.plot()->xAxis->coordToPixel(2));
        QTest::mouseClick(view.plot(), Qt::LeftButton, {}, QPoint(x2, y));
        QCOMPARE(spy.count(), 2);
        QCOMPARE(spy.at(1).at(0).toInt(), 2);

        // Hover read-out: b2's "some" segment spans shares 0 to 0.5.
        int block = -1, category = -1;
        QVERIFY(view.segmentAt(QPoint(x1, int(view.plot()->yAxis->coordToPixel(0.25))), &block, &category));
        QCOMPARE(block, 1);
        QCOMPARE(category, int(PathFlowView::KeptBySome));
        QCOMPARE(view.segmentToolTip(block, category), QStringLiteral("b2 · kept by 2: 2 of 4 units (50%)"));
        QVERIFY(view.segmentAt(QPoint(x1, int(view.plot()->yAxis->coordToPixel(0.9))), &block, &category));
        QCOMPARE(category, int(PathFlowView::KeptByNone));
        QVERIFY(view.segmentToolTip(0, PathFlowView::KeptByOne).contains(QStringLiteral("only C: 1")));
    }

    void exportsAPngWithContent()
    {
        PathFlowView view;
        setThree(view);
        QTemporaryDir tmp;
        const QDir dir(qEnvironmentVariable("NAD_SCREENSHOT_DIR", tmp.path()));
        FigureExportOptions options;
        options.format = QStringLiteral("png");
        options.dpi = 150;
        const QStringList files =
            FigureExporter::exportFigure(view, dir.filePath(QStringLiteral("pathflow-small.png")), options);
        QCOMPARE(files.size(), 2);
        const QImage image(files[0]);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 500);  // 170 mm at 150 dpi ≈ 1004 px
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 10, qPrintable(QString::number(colours.size())));
        QFile csv(files[1]);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readAll().contains("b3,5,2,1,2,0,2,0,0"));
    }

    void clearEmptiesTheView()
    {
        PathFlowView view;
        setThree(view);
        QVERIFY(!view.flowPerBlock().isEmpty());
        view.clear();
        QVERIFY(view.flowPerBlock().isEmpty());
        QVERIFY(view.bands().isEmpty());
        QCOMPARE(view.plot()->plottableCount(), 0);
        QVERIFY(!view.title().isEmpty());  // a hint, not a blank figure
        QVERIFY(view.note().isEmpty());
        QCOMPARE(view.csv(), QStringLiteral("block,units,all,some,one,none\n"));
        // Concepts without blocks are empty input too; nothing throws.
        view.setPaths({QStringLiteral("A")}, {}, {Path{}});
        QVERIFY(view.flowPerBlock().isEmpty());
    }

    void realisticFigure()
    {
        // Four concepts over VGG-16's 13 blocks; units shared through a per-unit popularity,
        // usage dropping with depth.
        const QVector<int> widths = {16, 16, 32, 32, 64, 64, 64, 128, 128, 128, 128, 128, 128};
        const QVector<int> perStage = {2, 2, 3, 3, 3};
        QStringList blocks;
        for (int s = 0; s < perStage.size(); ++s)
            for (int i = 1; i <= perStage[s]; ++i)
                blocks << QStringLiteral("conv%1_%2").arg(s + 1).arg(i);
        QRandomGenerator random(11);
        QVector<Path> paths(4);
        for (int b = 0; b < widths.size(); ++b) {
            const double rate = 0.75 - 0.05 * b;
            QVector<double> popularity;
            for (int u = 0; u < widths[b]; ++u)
                popularity << random.generateDouble();
            for (Path& path : paths) {
                QVector<bool> mask;
                for (double p : popularity)
                    mask << (random.generateDouble() < std::min(1.0, rate * 2 * p));
                path << mask;
            }
        }
        PathFlowView view;
        view.setPaths({QStringLiteral("Sneaker"), QStringLiteral("Sandal"), QStringLiteral("Ankle boot"),
                       QStringLiteral("T-shirt/top")},
                      blocks, paths);
        const auto flows = view.flowPerBlock();
        QCOMPARE(flows.size(), 13);
        QVERIFY(double(flows.back().none) / flows.back().units > double(flows.front().none) / flows.front().units);
        QVERIFY(view.plot()->xAxis->tickLabelRotation() != 0);  // 13 names do not fit side by side
        QCOMPARE(view.plot()->legend->itemCount(), 4);

        QTemporaryDir tmp;
        const QString dir = qEnvironmentVariable("NAD_SCREENSHOT_DIR", tmp.path());
        FigureExportOptions options;
        options.format = QStringLiteral("png");
        const QStringList files =
            FigureExporter::exportFigure(view, QDir(dir).filePath(QStringLiteral("pathflow.png")), options);
        QVERIFY(!QImage(files[0]).isNull());
    }
};

QTEST_MAIN(TestPathFlowView)
#include "tst_pathflowview.moc"
