#include "QCustomPlotInclude.h"
#include "figures/FigureExporter.h"
#include "figures/FrontierView.h"

#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

using namespace nad;

namespace {

FrontierView::Point point(double lambda, double usage, double precision, double specificity, int causal = 0)
{
    FrontierView::Point p;
    p.lambda = lambda;
    p.usage = usage;
    p.precision = precision;
    p.specificity = specificity;
    p.auroc = 0.985;
    p.knockoutCausal = causal;
    p.concepts = 10;
    p.faithful = precision >= 0.911 - 0.02;
    p.specific = specificity >= 0.990 - 0.05;
    return p;
}

// The paper's objective (dense, then collapsing) and the specific one (a frontier), on one model.
QVector<FrontierView::Sweep> twoSweeps()
{
    FrontierView::Sweep paper;
    paper.label = QStringLiteral("paper");
    paper.points = {point(0.005, 0.99, 0.91, 0.99), point(0.01, 0.97, 0.91, 0.986), point(0.05, 0.80, 0.97, 0.49)};
    paper.originalPrecision = 0.911;
    paper.originalSpecificity = 0.990;
    paper.recommended = 1;
    paper.defaultIndex = 1;
    FrontierView::Sweep specific;
    specific.label = QStringLiteral("specific");
    specific.points = {point(0.4, 0.87, 0.93, 0.976, 5), point(0.8, 0.79, 0.919, 0.964, 7),
                       point(1.6, 0.04, 0.0, 1.0, 0)};
    specific.originalPrecision = 0.911;
    specific.originalSpecificity = 0.990;
    specific.recommended = 1;
    specific.defaultIndex = -1;
    return {paper, specific};
}

int straightLines(const FrontierView& view)
{
    int lines = 0;
    for (int i = 0; i < view.plot()->itemCount(); ++i)
        lines += qobject_cast<QCPItemStraightLine*>(view.plot()->item(i)) ? 1 : 0;
    return lines;
}

}  // namespace

class TestFrontierView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void curvesFollowLambdaOrderWithMarksAndReferenceLines()
    {
        FrontierView view;
        view.setSweeps(twoSweeps());
        // Two measures per sweep in the legend, and the marks of the recommended λ.
        QCOMPARE(view.plot()->legend->itemCount(), 6);
        auto* specificity = qobject_cast<QCPCurve*>(view.plot()->plottable(2));
        QVERIFY(specificity);
        QCOMPARE(specificity->name(), QStringLiteral("specific: specificity"));
        // A curve keeps the order swept (usage falls as λ grows), unlike a graph sorted by x.
        QCOMPARE(specificity->data()->size(), 3);
        QCOMPARE(specificity->data()->at(0)->key, 0.87);
        QCOMPARE(specificity->data()->at(2)->key, 0.04);
        QCOMPARE(specificity->data()->at(2)->value, 100.0);
        // The x axis reaches the sparsest point; the y axis the collapsed precision of 0.
        QVERIFY(view.plot()->xAxis->range().lower <= 0.04);
        QCOMPARE(view.plot()->yAxis->range().lower, 0.0);
        // Both sweeps share the original network: one pair of reference lines.
        QCOMPARE(straightLines(view), 2);
        QCOMPARE(view.markTexts(), (QStringList{QStringLiteral("paper: recommended λ 0.01, the default"),
                                                QStringLiteral("specific: recommended λ 0.8")}));
        // The reference lines are named on the right axis, not over the data.
        QVERIFY(view.plot()->yAxis2->visible());
        // λ beside the specificity points, but not where a label would sit on another: the
        // paper's 0.005 and 0.01 lie too close together for two labels.
        QVERIFY(view.lambdaLabelCount() >= 4);
        QVERIFY(view.lambdaLabelCount() < 6);

        auto sweeps = twoSweeps();
        sweeps[1].originalSpecificity = 0.97;  // other concepts: another original network
        sweeps[1].defaultIndex = 0;
        view.setSweeps(sweeps);
        QCOMPARE(straightLines(view), 4);
        QVERIFY(view.markTexts().contains(QStringLiteral("specific: default λ 0.4")));
    }

    void csvHasOneRowPerPointWithItsVerdicts()
    {
        FrontierView view;
        view.setSweeps(twoSweeps());
        const QStringList rows = view.csv().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 1 + 6);
        QCOMPARE(rows[0], QStringLiteral("sweep,lambda,usage,precision,specificity,auroc,original_precision,"
                                         "original_specificity,knockout_causal,concepts,faithful,specific,recommended,"
                                         "default"));
        QCOMPARE(rows[2], QStringLiteral("paper,0.01,0.97,0.91,0.986,0.985,0.911,0.99,0,10,1,1,1,1"));
        QCOMPARE(rows[3], QStringLiteral("paper,0.05,0.8,0.97,0.49,0.985,0.911,0.99,0,10,1,0,0,0"));
        QCOMPARE(rows[5], QStringLiteral("specific,0.8,0.79,0.919,0.964,0.985,0.911,0.99,7,10,1,1,1,0"));
    }

    void hoveringAPointReadsEveryMeasure()
    {
        FrontierView view;
        view.resize(600, 450);
        view.setSweeps(twoSweeps());
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.plot()->replot();
        const QPoint at(int(view.plot()->xAxis->coordToPixel(0.79)), int(view.plot()->yAxis->coordToPixel(96.4)));
        const QString text = view.hoverText(at);
        QVERIFY2(text.startsWith(QStringLiteral("specific, λ 0.8: usage 0.790")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("specificity 96.4 % (original 99.0 %)")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("precision 91.9 % (original 91.1 %)")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("own units causal for 7 of 10 concepts")), qPrintable(text));
        QVERIFY2(text.endsWith(QStringLiteral("faithful and specific; recommended")), qPrintable(text));
        // The collapsed point reads as not faithful.
        const QPoint collapsed(int(view.plot()->xAxis->coordToPixel(0.04)), int(view.plot()->yAxis->coordToPixel(0)));
        QVERIFY2(view.hoverText(collapsed).endsWith(QStringLiteral("not faithful")),
                 qPrintable(view.hoverText(collapsed)));
        QVERIFY(view.hoverText(at + QPoint(0, 80)).isEmpty());
    }

    void exportsAsAPaperFigure()
    {
        QTemporaryDir dir;
        FrontierView view;
        view.setSweeps(twoSweeps());
        view.setTitle(QStringLiteral("vgg: usage against fidelity"));
        FigureExportOptions options;
        options.format = QStringLiteral("png");
        options.dpi = 150;
        const QStringList files = FigureExporter::exportFigure(view, dir.filePath(QStringLiteral("f.png")), options);
        QCOMPARE(files.size(), 2);
        const QImage image(files[0]);
        QVERIFY(!image.isNull());
        QVERIFY(std::abs(image.width() - qRound(120.0 / 25.4 * 150)) <= 1);  // 120 mm at 150 dpi
        QFile csv(files[1]);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readAll().startsWith("sweep,lambda"));
    }

    void noSweepsDrawsNothing()
    {
        FrontierView view;
        view.setSweeps(twoSweeps());
        view.setSweeps({});
        QCOMPARE(view.plot()->plottableCount(), 0);
        QCOMPARE(straightLines(view), 0);
        QVERIFY(view.markTexts().isEmpty());
        QCOMPARE(view.csv().count(QLatin1Char('\n')), 1);
    }
};

QTEST_MAIN(TestFrontierView)
#include "tst_frontierview.moc"
