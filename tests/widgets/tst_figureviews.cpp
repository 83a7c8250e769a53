#include "CompositeFixture.h"
#include "Errors.h"
#include "QCustomPlotInclude.h"
#include "analysis/ConceptClustering.h"
#include "figures/ActivationGridView.h"
#include "figures/BlockSeriesView.h"
#include "figures/FigureExporter.h"
#include "figures/InterpretabilityScatterView.h"
#include "figures/KnockoutView.h"
#include "figures/PrecisionHistogramView.h"
#include "figures/SimilarityHeatmapView.h"
#include "figures/TrainingCurvesView.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace nad;

namespace {

// A similarity matrix with an obvious structure: {0, 1} and {2, 3, 4} are two groups.
QVector<QVector<double>> groupedSimilarity()
{
    return {{1.0, 0.9, 0.2, 0.25, 0.2},
            {0.9, 1.0, 0.3, 0.2, 0.22},
            {0.2, 0.3, 1.0, 0.8, 0.7},
            {0.25, 0.2, 0.8, 1.0, 0.75},
            {0.2, 0.22, 0.7, 0.75, 1.0}};
}

SimilarityHeatmapView::Data heatmapData()
{
    SimilarityHeatmapView::Data data;
    data.names = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d"),
                  QStringLiteral("e")};
    data.groups = {1, 1, 0, 0, -1};
    data.groupNames = {QStringLiteral("left"), QStringLiteral("right")};
    data.similarity = groupedSimilarity();
    std::vector<std::vector<double>> m;
    for (const auto& row : data.similarity)
        m.emplace_back(row.begin(), row.end());
    data.merges = ConceptClustering::averageLinkageOfSimilarity(m);
    return data;
}

CompositeImage composite()
{
    return nadtest::composite2x2();
}

ActivationMap mapPeakingIn(int hot)
{
    ActivationMap map;
    map.height = 20;
    map.width = 20;
    for (int y = 0; y < 20; ++y)
        for (int x = 0; x < 20; ++x) {
            const int tile = (y / 10) * 2 + x / 10;
            map.values.push_back(tile == hot ? 0.5f + 0.001f * float(y * 20 + x) : 0.01f * float(x));
        }
    return map;
}

double millimetres(const QString& text)
{
    return text.toDouble();
}

}  // namespace

class TestFigureViews : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void precisionBinsFollowThePaper()
    {
        QCOMPARE(PrecisionHistogramView::binOf(0), 0);
        QCOMPARE(PrecisionHistogramView::binOf(10), 0);
        QCOMPARE(PrecisionHistogramView::binOf(10.01), 1);
        QCOMPARE(PrecisionHistogramView::binOf(90), 8);
        QCOMPARE(PrecisionHistogramView::binOf(90.5), 9);
        QCOMPARE(PrecisionHistogramView::binOf(100), 9);
        PrecisionHistogramView view;
        view.resize(500, 400);
        view.setPrecisions({0.95, 0.97, 0.85, 0.05}, {1.0, 0.99, 0.93, 0.45});
        QCOMPARE(view.bars().size(), 2);
        QCOMPARE(view.bars()[0]->data()->size(), 10);
        QCOMPARE(view.bars()[0]->data()->at(9)->value, 2.0);  // 95 %, 97 %
        QCOMPARE(view.bars()[0]->data()->at(8)->value, 1.0);  // 85 %
        QCOMPARE(view.bars()[0]->data()->at(0)->value, 1.0);  // 5 %
        QCOMPARE(view.bars()[1]->data()->at(9)->value, 3.0);
        QCOMPARE(view.bars()[1]->data()->at(4)->value, 1.0);  // 45 %
        QVERIFY(view.csv().contains(QStringLiteral("\"(90,100]\",2,3")));
    }

    void blockSeriesDrawOneLinePerModel()
    {
        BlockSeriesView view(QStringLiteral("unit-usage"));
        view.resize(500, 400);
        view.setSeries(
            {{QStringLiteral("vgg"), {0.9, 0.8, 0.5}, {}}, {QStringLiteral("resnet"), {0.7, 0.6, 0.4, 0.3, 0.2}, {}}},
            QStringLiteral("unit usage"));
        QCOMPARE(view.lines().size(), 2);
        QCOMPARE(view.lines()[1]->data()->size(), 5);
        QCOMPARE(view.plot()->xAxis->range().upper, 5.5);  // the longest network sets the axis
        // The legend sits under the axes, never over a line, two entries a row.
        QCOMPARE(view.plot()->axisRect()->insetLayout()->elementCount(), 0);
        view.plot()->replot();
        QVERIFY2(view.plot()->legend->outerRect().top() >= view.plot()->axisRect()->rect().bottom(),
                 qPrintable(QStringLiteral("legend top %1, axes bottom %2")
                                .arg(view.plot()->legend->outerRect().top())
                                .arg(view.plot()->axisRect()->rect().bottom())));
        QCOMPARE(view.plot()->legend->columnCount(), 2);
        // With errors, a band goes with the line but only the line is in the legend.
        view.setReferenceLine(0.25, QStringLiteral("chance"));
        view.setSeries({{QStringLiteral("path"), {0.3, 0.5}, {0.1, 0.2}}}, QStringLiteral("hit rate"));
        QCOMPARE(view.lines().size(), 1);
        QCOMPARE(view.plot()->graphCount(), 4);  // band low, band high, line, chance
        QCOMPARE(view.plot()->legend->itemCount(), 2);
        QVERIFY(view.csv().contains(QStringLiteral("\"path\",2,0.5,0.2")));
    }

    void hoveringAPointReadsItOut()
    {
        BlockSeriesView view(QStringLiteral("unit-usage"));
        view.resize(500, 400);
        view.setSeries({{QStringLiteral("vgg"), {0.9, 0.8, 0.5}, {}}}, QStringLiteral("unit usage"));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.plot()->replot();
        // Block 2's point (key 2): the series, the block and the value.
        QCPGraph* line = view.lines()[0];
        const QPoint point(int(line->keyAxis()->coordToPixel(2)), int(line->valueAxis()->coordToPixel(0.8)));
        QCOMPARE(view.hoverText(point), QStringLiteral("vgg — block 2: unit usage 0.8"));
        QTest::mouseMove(view.plot(), point);
        QCOMPARE(view.plot()->toolTip(), QStringLiteral("vgg — block 2: unit usage 0.8"));
        QVERIFY(view.hoverText(point + QPoint(0, 60)).isEmpty());  // far from every point
    }

    void activationGridZoomsAndPansOnScreenOnly()
    {
        const CompositeImage image = composite();
        ActivationGridView view;
        view.resize(900, 300);
        QVector<ActivationGridView::Row> rows;
        rows.push_back({QStringLiteral("original"), -1, {mapPeakingIn(0), mapPeakingIn(1), mapPeakingIn(2)}, {}});
        view.setData(image, {QStringLiteral("tiles")},
                     {QStringLiteral("b1"), QStringLiteral("b2"), QStringLiteral("b3")}, rows);
        const QRectF before = view.cellRect(0, 2);
        const QPointF cursor = before.center();
        int row = -1, column = -1;
        QPoint pixel;
        QVERIFY(view.cellAt(cursor.toPoint(), &row, &column, &pixel));
        view.zoomAt(cursor, 2.0);
        QCOMPARE(view.zoom(), 2.0);
        QCOMPARE(view.cellRect(0, 2).width(), 2 * before.width());
        // The point under the cursor stays: same cell, same image pixel.
        QPoint zoomedPixel;
        QVERIFY(view.cellAt(cursor.toPoint(), &row, &column, &zoomedPixel));
        QCOMPARE(column, 2);
        QVERIFY((zoomedPixel - pixel).manhattanLength() <= 1);
        // A drag pans; the export ignores the view.
        QTest::mousePress(&view, Qt::LeftButton, Qt::NoModifier, cursor.toPoint());
        QTest::mouseMove(&view, cursor.toPoint() + QPoint(-30, 0));
        QMouseEvent move(QEvent::MouseMove, cursor + QPointF(-30, 0), view.mapToGlobal(cursor + QPointF(-30, 0)),
                         Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&view, &move);
        QVERIFY(std::abs(view.cellRect(0, 2).left() - (2 * before.left() - cursor.x() - 30)) < 1.0);
        QTest::mouseRelease(&view, Qt::LeftButton, Qt::NoModifier, cursor.toPoint() + QPoint(-30, 0));
        view.zoomAt(cursor, 100.0);
        QCOMPARE(view.zoom(), 8.0);
        view.resetView();
        QCOMPARE(view.cellRect(0, 2), before);
    }

    void scatterLabelsEveryModel()
    {
        InterpretabilityScatterView view;
        view.resize(500, 400);
        view.setPoints({{QStringLiteral("vgg"), 0.0056, 0.0001, 0.926, 0.0123},
                        {QStringLiteral("resnet"), 0.0030, 0.0002, 0.909, 0.0},
                        {QStringLiteral("darts"), 0.0031, 0.0, 0.9088, 0.0}});
        // Var(M) beside I in the data: the accuracy-free spread of the similarities.
        QVERIFY2(view.csv().contains(QStringLiteral("\"vgg\",0.0056,0.0001,0.926,0.0123\n")), qPrintable(view.csv()));
        QCOMPARE(view.pointCount(), 3);
        QCOMPARE(view.labels().size(), 3);
        QCOMPARE(view.labels()[1]->text(), QStringLiteral("resnet"));
        // Every point lies inside the axes.
        QVERIFY(view.plot()->xAxis->range().contains(0.0056 + 0.0001));
        QVERIFY(view.plot()->xAxis->range().contains(0.0030 - 0.0002));
        QVERIFY(view.plot()->yAxis->range().contains(92.6));
        // The two close points do not put their labels on the same side.
        QVERIFY(view.labels()[1]->positionAlignment() != view.labels()[2]->positionAlignment());
    }

    void heatmapFollowsTheEngineDendrogram()
    {
        const auto data = heatmapData();
        SimilarityHeatmapView view;
        view.resize(600, 500);
        view.setData(data);
        const auto order = ConceptClustering::leafOrder(data.merges);
        QCOMPARE(view.leafLabels().size(), 5);
        for (int i = 0; i < 5; ++i) {
            const int concept = int(order[std::size_t(i)]);
            const QString expected = data.groups[concept] >= 0 ? data.groupNames[data.groups[concept]] +
                                                                     QLatin1Char('-') + data.names[concept]
                                                               : data.names[concept];
            QCOMPARE(view.leafLabels()[i], expected);
        }
        // The two groups are contiguous leaves.
        const QString leaves = view.leafLabels().join(QLatin1Char(' '));
        QVERIFY2(std::abs(view.leafLabels().indexOf(QStringLiteral("right-a")) -
                          view.leafLabels().indexOf(QStringLiteral("right-b"))) == 1,
                 qPrintable(leaves));
        // Each dendrogram has k − 1 links; both are drawn.
        QCOMPARE(view.dendrogramLinkCount(), 2 * 4);
        QCOMPARE(view.colorMap()->data()->keySize(), 5);
        // The cell at (column i, row j) is M of the leaves there.
        QCOMPARE(view.colorMap()->data()->cell(0, 1), data.similarity[int(order[0])][int(order[1])]);
        QVERIFY(view.csv().startsWith(QStringLiteral("concept,\"") + view.leafLabels()[0]));
    }

    void activationGridKeepsTheTopPercent()
    {
        const CompositeImage image = composite();
        ActivationGridView view;
        view.resize(900, 300);
        QVector<ActivationGridView::Row> rows;
        rows.push_back({QStringLiteral("original"), -1, {mapPeakingIn(0), mapPeakingIn(1), mapPeakingIn(2)}, {}});
        rows.push_back({QStringLiteral("c"), 3, {mapPeakingIn(3), mapPeakingIn(3), mapPeakingIn(0)}, {}});
        view.setData(image, {QStringLiteral("tiles")},
                     {QStringLiteral("b1"), QStringLiteral("b2"), QStringLiteral("b3")}, rows);
        QCOMPARE(view.rowCount(), 2);
        QCOMPARE(view.columnCount(), 4);
        for (double percent : {5.0, 10.0}) {
            view.setTopPercent(percent);
            const QImage cell = view.cellImage(1, 0);
            QCOMPARE(cell.size(), QSize(20, 20));
            int bright = 0, brightInTile = 0;
            for (int y = 0; y < 20; ++y)
                for (int x = 0; x < 20; ++x)
                    if (qRed(cell.pixel(x, y)) > 100) {
                        ++bright;
                        brightInTile += (y >= 10 && x >= 10) ? 1 : 0;
                    }
            QCOMPARE(bright, int(400 * percent / 100));
            QCOMPARE(brightInTile, bright);  // the map peaks in tile 3
        }
        // The CSV reports the hit rate on the row's tile: 1 where the map peaks there, 0 elsewhere.
        const QString csv = view.csv();
        QVERIFY2(csv.contains(QStringLiteral("\"c\",3,1,\"b1\",10,1,,\n")), qPrintable(csv));
        QVERIFY2(csv.contains(QStringLiteral("\"c\",3,3,\"b3\",10,0,,\n")), qPrintable(csv));
        view.setMode(ActivationGridView::Mode::HeatMap);
        QVERIFY(view.cellImage(1, 0).pixel(19, 19) != view.cellImage(1, 0).pixel(0, 0));
    }

    void activationGridMarksWholeNetworkBlocksAndShowsTheDifference()
    {
        // Original: a ramp over x with channel sums in [0, 10]. Path row "c": the same map in
        // block 1 (it keeps every unit there), twice as strong in block 2, half in block 3.
        ActivationMap ramp;
        ramp.height = ramp.width = 20;
        for (int y = 0; y < 20; ++y)
            for (int x = 0; x < 20; ++x)
                ramp.values.push_back(float(x) / 19.0f);
        ramp.rawMin = 0;
        ramp.rawMax = 10;
        ActivationMap stronger = ramp, weaker = ramp;
        stronger.rawMax = 20;
        weaker.rawMax = 5;
        QVector<ActivationGridView::Row> rows;
        rows.push_back({QStringLiteral("original"), -1, {ramp, ramp, ramp}, {}});
        rows.push_back({QStringLiteral("c"), 3, {ramp, stronger, weaker}, {1.0, 0.5, 0.995}});
        ActivationGridView view;
        view.setData(composite(), {QStringLiteral("tiles")},
                     {QStringLiteral("b1"), QStringLiteral("b2"), QStringLiteral("b3")}, rows);
        QVERIFY(view.isWholeNetwork(1, 0));
        QVERIFY(!view.isWholeNetwork(1, 1));
        QVERIFY(view.isWholeNetwork(1, 2));
        QVERIFY(!view.isWholeNetwork(0, 0));  // the original row is no path
        const QString csv = view.csv();
        QVERIFY2(csv.contains(QStringLiteral("\"c\",3,1,\"b1\",5,0.5,1,1\n")), qPrintable(csv));
        QVERIFY2(csv.contains(QStringLiteral("\"c\",3,2,\"b2\",5,0.5,0.5,0\n")), qPrintable(csv));
        QVERIFY2(csv.contains(QStringLiteral("\"original\",-1,1,\"b1\",5,,,\n")), qPrintable(csv));

        // (path − original) over the original's range: 0 for the same map, + for stronger, − for weaker.
        QCOMPARE(ActivationGridView::relativeDifference(ramp, ramp, 3, 19), 0.0);
        QCOMPARE(ActivationGridView::relativeDifference(stronger, ramp, 3, 19), 1.0);
        QCOMPARE(ActivationGridView::relativeDifference(weaker, ramp, 3, 19), -0.5);
        QCOMPARE(ActivationGridView::relativeDifference(stronger, ramp, 3, 0), 0.0);  // both 0 at x = 0
        view.setMode(ActivationGridView::Mode::Difference);
        const QColor same = view.cellImage(1, 0).pixelColor(19, 3);
        const QColor more = view.cellImage(1, 1).pixelColor(19, 3);
        const QColor less = view.cellImage(1, 2).pixelColor(19, 3);
        QVERIFY2(more.red() > more.blue() + 60, qPrintable(more.name()));
        QVERIFY2(less.blue() > less.red() + 30, qPrintable(less.name()));
        QVERIFY2(std::abs(same.red() - same.blue()) < 10, qPrintable(same.name()));  // neutral: no difference
        // The original's own row stays its heat map (something to compare with), not blank.
        QVERIFY(view.cellImage(0, 0).pixel(19, 3) != view.cellImage(0, 0).pixel(0, 3));
    }

    void knockoutFigureShowsOwnOthersAndTheControl()
    {
        KnockoutView view;
        view.setConcepts({{QStringLiteral("Coat"), 12, 0.45, 0.05, 0.02, 0.01, 0.015, 0.005, 0.93, 0.99},
                          {QStringLiteral("Bag"), 7, 0.10, 0.08, 0.09, 0.03, 0.07, 0.02, 0.97, 0.99}});
        QCOMPARE(view.bars().size(), 3);
        QCOMPARE(view.bars()[0]->data()->at(0)->value, 45.0);  // own units off, on the concept (points)
        QCOMPARE(view.bars()[1]->data()->at(1)->value, 8.0);   // on the others
        QCOMPARE(view.bars()[2]->data()->at(0)->value, 2.0);   // the random control
        const QString csv = view.csv();
        QVERIFY2(csv.startsWith(QStringLiteral("concept,own_units,own_drop,others_drop,random_own_drop")),
                 qPrintable(csv));
        QVERIFY2(csv.contains(QStringLiteral("\"Coat\",12,0.45,0.05,0.02,0.01,0.015,0.005,0.93,0.99\n")),
                 qPrintable(csv));
        QCOMPARE(view.defaultSizeMm().width(), 85.0);
        // The legend sits under the axes, never over a bar: not in the axes' inset layout, and
        // drawn below the axis rectangle.
        QCOMPARE(view.plot()->axisRect()->insetLayout()->elementCount(), 0);
        view.resize(500, 320);
        view.plot()->replot();
        QVERIFY2(view.plot()->legend->outerRect().top() >= view.plot()->axisRect()->rect().bottom(),
                 qPrintable(QStringLiteral("legend top %1, axes bottom %2")
                                .arg(view.plot()->legend->outerRect().top())
                                .arg(view.plot()->axisRect()->rect().bottom())));
        QVERIFY(view.plot()->yAxis->range().upper < 45.0 * 1.2);  // no head room kept for a legend
        auto* ticker = dynamic_cast<QCPAxisTickerText*>(view.plot()->xAxis->ticker().data());
        QVERIFY(ticker);
        QCOMPARE(ticker->ticks().value(0), QStringLiteral("Coat"));
        view.setConcepts({{QStringLiteral("Shirt"), 0, 0, 0, 0, 0, 0, 0, 0.9, 0.9}});
        ticker = dynamic_cast<QCPAxisTickerText*>(view.plot()->xAxis->ticker().data());
        QCOMPARE(ticker->ticks().value(0), QStringLiteral("Shirt (no own units)"));
    }

    void figureNotesWrapAndGoAway()
    {
        PrecisionHistogramView view;
        view.resize(320, 300);  // about a single column on screen
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QString warning = QStringLiteral(
            "Warning: in block(s) 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 every path keeps at least 99 % of the units: there "
            "the path is the original network");
        view.setNote(warning + QStringLiteral("\nWarning: tied distances"));
        const QStringList lines = view.note().split(QLatin1Char('\n'));
        QVERIFY(lines.size() >= 3);
        for (const QString& line : lines)
            QVERIFY2(line.size() <= 80, qPrintable(line));
        QCOMPARE(QString(view.note()).replace(QLatin1Char('\n'), QLatin1Char(' ')),
                 warning + QStringLiteral(" Warning: tied distances"));
        // Wider, fewer lines: the note follows the width it is drawn at.
        view.resize(1200, 300);
        QVERIFY(view.note().split(QLatin1Char('\n')).size() < lines.size());
        const int rowsWithNote = view.plot()->plotLayout()->rowCount();
        view.setNote(QString());
        QVERIFY(view.note().isEmpty());
        QCOMPARE(view.plot()->plotLayout()->rowCount(), rowsWithNote - 1);
    }

    void trainingCurvesShowEveryLossTermAndTheUsageBand()
    {
        TrainingCurvesView view;
        view.resize(500, 500);
        const QVector<double> steps = {1, 10, 20, 30};
        view.setCurves(steps,
                       {{QStringLiteral("distance"), {300, 200, 100, 50}},
                        {QStringLiteral("sparsity"), {10, 11, 12, 13}},
                        {QStringLiteral("total"), {310, 211, 112, 63}}},
                       {0.5, 0.6, 0.7, 0.75}, {0.45, 0.5, 0.6, 0.7}, {0.55, 0.7, 0.8, 0.8});
        QCOMPARE(view.lossLines().size(), 3);
        QCOMPARE(view.lossLines()[0]->data()->size(), 4);
        QCOMPARE(view.plot()->legend->itemCount(), 3);   // the usage lines are not in the legend
        QCOMPARE(view.usageRect()->graphs().size(), 3);  // band low, band high, mean
        // The log axis holds every loss value.
        QVERIFY(view.plot()->yAxis->range().contains(10) && view.plot()->yAxis->range().contains(310));
        // Its ticks are 1-2-5 steps, evenly spread on the log scale (not linear steps crowding at
        // its top): 10, 20, 50, 100, 200 inside 6.7–465.
        auto ticks = view.plot()->yAxis->ticker().dynamicCast<QCPAxisTickerText>();
        QVERIFY(ticks);
        QCOMPARE(ticks->ticks().keys(), (QList<double>{10, 20, 50, 100, 200}));
        QCOMPARE(ticks->ticks().value(200), QStringLiteral("200"));
        QVERIFY(view.csv().contains(QStringLiteral("20,100,12,112,0.7,0.6,0.8")));
        // The demo's DARTS curve (losses 0.63–15): the ticks the linear fallback crowded.
        view.setCurves(steps, {{QStringLiteral("distance"), {15, 5, 1, 0.63}}}, {0.5, 0.6, 0.7, 0.75}, {}, {});
        ticks = view.plot()->yAxis->ticker().dynamicCast<QCPAxisTickerText>();
        QCOMPARE(ticks->ticks().keys(), (QList<double>{0.5, 1, 2, 5, 10, 20}));
    }

    void exportsMatchTheRequestedSize_data()
    {
        QTest::addColumn<QString>("format");
        QTest::newRow("png") << QStringLiteral("png");
        QTest::newRow("svg") << QStringLiteral("svg");
        QTest::newRow("pdf") << QStringLiteral("pdf");
    }
    void exportsMatchTheRequestedSize()
    {
        QFETCH(QString, format);
        QTemporaryDir dir;
        SimilarityHeatmapView view;
        view.setData(heatmapData());
        FigureExportOptions options;
        options.format = format;
        options.sizeMm = QSizeF(85, 60);
        options.dpi = 300;
        const QString path = dir.filePath(QStringLiteral("fig.") + format);
        options.style.fontPointSize = 7.0;
        const double screenFont = view.figureStyle().fontPointSize;
        const QStringList files = FigureExporter::exportFigure(view, path, options);
        QCOMPARE(view.figureStyle().fontPointSize, screenFont);  // the on-screen style is back
        QCOMPARE(files.size(), 2);
        QVERIFY(QFileInfo(path).size() > 1000);
        QVERIFY(!QFileInfo::exists(path + QStringLiteral(".part")));
        QFile csv(files[1]);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readAll().startsWith("concept,"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        if (format == QLatin1String("png")) {
            const QImage image(path);
            // 85 mm at 300 dpi is 1004 px (± rounding of the 96-dpi layout), and the DPI is stored.
            QVERIFY2(std::abs(image.width() - 1004) <= 3, qPrintable(QString::number(image.width())));
            QVERIFY2(std::abs(image.height() - 709) <= 3, qPrintable(QString::number(image.height())));
            QVERIFY(std::abs(image.dotsPerMeterX() - 11811) <= 2);
            // Something was drawn: not a blank page.
            QVERIFY(image.pixel(image.width() / 2, image.height() / 2) != qRgb(255, 255, 255) ||
                    image.pixel(image.width() / 3, image.height() / 2) != qRgb(255, 255, 255));
        } else if (format == QLatin1String("svg")) {
            const auto match = QRegularExpression(QStringLiteral("width=\"([0-9.]+)mm\" height=\"([0-9.]+)mm\""))
                                   .match(QString::fromUtf8(bytes));
            QVERIFY(match.hasMatch());
            QVERIFY(std::abs(millimetres(match.captured(1)) - 85) < 0.5);
            QVERIFY(std::abs(millimetres(match.captured(2)) - 60) < 0.5);
            QVERIFY(bytes.contains("<path") || bytes.contains("<rect"));
        } else {
            QVERIFY(bytes.startsWith("%PDF"));
            const auto match = QRegularExpression(QStringLiteral("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]"))
                                   .match(QString::fromLatin1(bytes));
            QVERIFY(match.hasMatch());
            QVERIFY(std::abs(match.captured(1).toDouble() - 85 / 25.4 * 72) < 1.5);
            QVERIFY(std::abs(match.captured(2).toDouble() - 60 / 25.4 * 72) < 1.5);
        }
    }

    void badExportRequestsFailCleanly()
    {
        QTemporaryDir dir;
        PrecisionHistogramView view;
        view.setPrecisions({0.5}, {0.6});
        FigureExportOptions options;
        options.format = QStringLiteral("gif");
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 FigureExporter::exportFigure(view, dir.filePath(QStringLiteral("a.gif")), options));
        options.format = QStringLiteral("png");
        options.dpi = 5;
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 FigureExporter::exportFigure(view, dir.filePath(QStringLiteral("a.png")), options));
        options.dpi = 300;
        const QString missing = dir.filePath(QStringLiteral("no/such/folder/a.png"));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, FigureExporter::exportFigure(view, missing, options));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());

        QCOMPARE(FigureExporter::parseSize(QStringLiteral("85mm"), QSizeF(4, 3)), QSizeF(85, 63.75));
        QCOMPARE(FigureExporter::parseSize(QStringLiteral("175x60"), QSizeF(4, 3)), QSizeF(175, 60));
        QCOMPARE(FigureExporter::parseSize(QStringLiteral("10cm"), QSizeF(1, 1)), QSizeF(100, 100));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, FigureExporter::parseSize(QStringLiteral("big"), QSizeF(1, 1)));
        QVERIFY_THROWS_EXCEPTION(InvalidArgument, FigureExporter::parseSize(QStringLiteral("5mm"), QSizeF(1, 1)));
    }
};

QTEST_MAIN(TestFigureViews)
#include "tst_figureviews.moc"
