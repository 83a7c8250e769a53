#include "QCustomPlotInclude.h"
#include "figures/FigureExporter.h"
#include "figures/PathComparisonView.h"

#include <QDir>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace nad;

namespace {

QVector<bool> bits(const char* pattern)
{
    QVector<bool> out;
    for (const char* p = pattern; *p; ++p)
        out << (*p == '1');
    return out;
}

}  // namespace

class TestPathComparisonView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jaccardFollowsEquation10()
    {
        QCOMPARE(PathComparisonView::jaccard(bits("1100"), bits("1010")), 1.0 / 3.0);
        QCOMPARE(PathComparisonView::jaccard(bits("000"), bits("000")), 1.0);  // J(∅, ∅) = 1
        QCOMPARE(PathComparisonView::jaccard(bits("1000"), bits("0001")), 0.0);
        QCOMPARE(PathComparisonView::jaccard(bits("111"), bits("111")), 1.0);
        QCOMPARE(PathComparisonView::jaccard(bits("11"), bits("1")), 0.5);  // a missing unit is off
    }

    void handMadePathsGiveTheirCountsAndM()
    {
        PathComparisonView view;
        view.resize(500, 500);
        // Block 1: J = 1/3; block 2: both empty, J = 1; block 3: equal, J = 1; block 4: disjoint, J = 0.
        view.setPaths(QStringLiteral("Coat"), QStringLiteral("Shirt"),
                      {QStringLiteral("b1"), QStringLiteral("b2"), QStringLiteral("b3"), QStringLiteral("b4")},
                      {bits("1100"), bits("000"), bits("11"), bits("1000")},
                      {bits("1010"), bits("000"), bits("11"), bits("0001")});
        const QVector<double> expected = {1.0 / 3.0, 1.0, 1.0, 0.0};
        QCOMPARE(view.jaccardPerBlock(), expected);
        const double m = (1.0 / 3.0 + 1.0 + 1.0 + 0.0) / 4.0;
        QVERIFY(std::abs(view.similarity() - m) < 1e-12);
        QCOMPARE(view.title(), QStringLiteral("Coat vs Shirt: M = 0.58"));
        QCOMPARE(view.figureId(), QStringLiteral("path-comparison"));

        const auto counts = view.countsPerBlock();
        QCOMPARE(counts.size(), 4);
        QCOMPARE(counts[0].units, 4);
        QCOMPARE(counts[0].onlyA, 1);
        QCOMPARE(counts[0].both, 1);
        QCOMPARE(counts[0].onlyB, 1);
        QCOMPARE(counts[2].both, 2);
        QCOMPARE(counts[3].onlyA, 1);
        QCOMPARE(counts[3].onlyB, 1);

        // What is drawn: the line through the Jaccard values, stacked bars of the counts.
        QCOMPARE(view.jaccardLine()->data()->size(), 4);
        QCOMPARE(view.jaccardLine()->data()->at(1)->value, 1.0);
        QCOMPARE(view.jaccardLine()->data()->at(3)->value, 0.0);
        QCOMPARE(view.countBars().size(), 3);
        QCOMPARE(view.countBars()[1]->data()->at(2)->value, 2.0);  // both, block 3
        QCOMPARE(view.countBars()[1]->barBelow(), view.countBars()[0]);
        QCOMPARE(view.countBars()[2]->barBelow(), view.countBars()[1]);
        QVERIFY(view.countBars()[0]->name().contains(QStringLiteral("Coat")));
        QVERIFY(view.countBars()[2]->name().contains(QStringLiteral("Shirt")));
        QVERIFY(view.countRect()->axis(QCPAxis::atLeft)->range().contains(3));

        const QString csv = view.csv();
        QVERIFY2(csv.startsWith(QStringLiteral("block,block_name,units,only_a,both,only_b,jaccard\n")),
                 qPrintable(csv));
        QVERIFY2(csv.contains(QStringLiteral("1,\"b1\",4,1,1,1,0.33333333\n")), qPrintable(csv));
        QVERIFY2(csv.contains(QStringLiteral("2,\"b2\",3,0,0,0,1\n")), qPrintable(csv));
        QVERIFY2(csv.contains(QStringLiteral("4,\"b4\",4,1,0,1,0\n")), qPrintable(csv));
        QVERIFY2(csv.contains(QStringLiteral("mean,\"Coat vs Shirt\",,,,,0.58333333\n")), qPrintable(csv));

        view.clear();
        QVERIFY(view.jaccardPerBlock().isEmpty());
        QCOMPARE(view.csv(), QStringLiteral("block,block_name,units,only_a,both,only_b,jaccard\n"));
    }

    void exportsLikeTheOtherFigures()
    {
        PathComparisonView view;
        view.setPaths(QStringLiteral("Sneaker"), QStringLiteral("Sandal"), {QStringLiteral("b1"), QStringLiteral("b2")},
                      {bits("1101"), bits("10")}, {bits("0101"), bits("11")});
        QTemporaryDir dir;
        FigureExportOptions options;
        options.format = QStringLiteral("png");
        options.dpi = 150;
        const QStringList files = FigureExporter::exportFigure(view, dir.filePath(QStringLiteral("cmp.png")), options);
        QCOMPARE(files.size(), 2);
        QVERIFY(!QImage(files[0]).isNull());
        QFile csv(files[1]);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readAll().contains("1,\"b1\",4,1,2,0,0.66666667"));
    }

    void screenshot()
    {
        // Two VGG-like paths over 13 blocks of growing width, sharing most early units.
        QRandomGenerator random(7);
        const QVector<int> widths = {8, 8, 16, 16, 32, 32, 32, 64, 64, 64, 64, 64, 64};
        QStringList blocks;
        QVector<QVector<bool>> a, b;
        for (int i = 0; i < widths.size(); ++i) {
            blocks << QStringLiteral("features.%1").arg(i);
            QVector<bool> pa, pb;
            const double shared = 0.9 - 0.05 * i;
            for (int u = 0; u < widths[i]; ++u) {
                const bool on = random.generateDouble() < 0.35;
                pa << on;
                pb << (random.generateDouble() < shared ? on : random.generateDouble() < 0.3);
            }
            a << pa;
            b << pb;
        }
        PathComparisonView view;
        view.resize(520, 440);
        view.setPaths(QStringLiteral("Sneaker"), QStringLiteral("Ankle boot"), blocks, a, b);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.similarity() > 0 && view.similarity() < 1);
        const QString dir = qEnvironmentVariable("NAD_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            QVERIFY(view.grab().save(QDir(dir).filePath(QStringLiteral("path-comparison.png"))));
            FigureExportOptions options;
            options.format = QStringLiteral("png");
            FigureExporter::exportFigure(view, QDir(dir).filePath(QStringLiteral("path-comparison-export.png")),
                                         options);
        }
    }
};

QTEST_MAIN(TestPathComparisonView)
#include "tst_pathcomparisonview.moc"
