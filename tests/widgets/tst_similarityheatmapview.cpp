#include "QCustomPlotInclude.h"
#include "analysis/ConceptClustering.h"
#include "figures/SimilarityHeatmapView.h"

#include <QDir>
#include <QSignalSpy>
#include <QtTest>

using namespace nad;

namespace {

// Fashion-MNIST's ten classes (engine order) with a similarity that follows the hierarchy, so
// the dendrogram order differs from the engine order.
SimilarityHeatmapView::Data fashionData()
{
    SimilarityHeatmapView::Data data;
    data.names = {QStringLiteral("T-shirt/top"), QStringLiteral("Trouser"), QStringLiteral("Pullover"),
                  QStringLiteral("Dress"),       QStringLiteral("Coat"),    QStringLiteral("Sandal"),
                  QStringLiteral("Shirt"),       QStringLiteral("Sneaker"), QStringLiteral("Bag"),
                  QStringLiteral("Ankle boot")};
    data.groupNames = {QStringLiteral("tops"), QStringLiteral("footwear"), QStringLiteral("others")};
    data.groups = {0, 2, 0, 0, 0, 1, 0, 1, 2, 1};
    const int k = data.names.size();
    data.similarity = QVector<QVector<double>>(k, QVector<double>(k, 1.0));
    for (int i = 0; i < k; ++i)
        for (int j = i + 1; j < k; ++j) {
            const double base = data.groups[i] == data.groups[j] ? 0.62 : 0.31;
            const double m = base + 0.013 * ((i * 7 + j * 3) % 11);  // distinct, deterministic
            data.similarity[i][j] = data.similarity[j][i] = m;
        }
    std::vector<std::vector<double>> m;
    for (const auto& row : data.similarity)
        m.emplace_back(row.begin(), row.end());
    data.merges = ConceptClustering::averageLinkageOfSimilarity(m);
    return data;
}

QPoint cellCentre(const SimilarityHeatmapView& view, int column, int row)
{
    return QPoint(int(std::lround(view.colorMap()->keyAxis()->coordToPixel(column))),
                  int(std::lround(view.colorMap()->valueAxis()->coordToPixel(row))));
}

}  // namespace

class TestSimilarityHeatmapView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void clickNamesTheCellInEngineOrder()
    {
        const auto data = fashionData();
        const auto order = ConceptClustering::leafOrder(data.merges);
        // The test means something only if the dendrogram reorders the concepts.
        QVERIFY(order != std::vector<std::size_t>({0, 1, 2, 3, 4, 5, 6, 7, 8, 9}));
        SimilarityHeatmapView view;
        view.resize(700, 600);
        view.setData(data);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.plot()->replot();
        QSignalSpy clicked(&view, &SimilarityHeatmapView::cellClicked);
        for (int column = 0; column < 10; ++column)
            for (int row = 0; row < 10; ++row) {
                QTest::mouseClick(view.plot(), Qt::LeftButton, Qt::NoModifier, cellCentre(view, column, row));
                QCOMPARE(clicked.count(), 1);
                const int engineRow = clicked.at(0).at(0).toInt();
                const int engineColumn = clicked.at(0).at(1).toInt();
                QCOMPARE(engineRow, int(order[std::size_t(row)]));
                QCOMPARE(engineColumn, int(order[std::size_t(column)]));
                // The clicked cell shows M of exactly that pair.
                QCOMPARE(view.colorMap()->data()->cell(column, row), data.similarity[engineRow][engineColumn]);
                clicked.clear();
            }
        // Outside the map (on the dendrograms, past the last cell): nothing.
        QTest::mouseClick(view.plot(), Qt::LeftButton, Qt::NoModifier, cellCentre(view, 0, -1));
        QTest::mouseClick(view.plot(), Qt::LeftButton, Qt::NoModifier, cellCentre(view, -1, 0));
        QTest::mouseClick(view.plot(), Qt::LeftButton, Qt::NoModifier, QPoint(2, 2));
        QCOMPARE(clicked.count(), 0);
        // Other buttons do not pick.
        QTest::mouseClick(view.plot(), Qt::RightButton, Qt::NoModifier, cellCentre(view, 3, 3));
        QCOMPARE(clicked.count(), 0);
    }

    void hoverShowsThePairAndItsSimilarity()
    {
        const auto data = fashionData();
        const auto order = ConceptClustering::leafOrder(data.merges);
        SimilarityHeatmapView view;
        view.resize(700, 600);
        view.setData(data);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.plot()->replot();
        QCOMPARE(view.cellToolTip(4, 6), QStringLiteral("Coat vs Shirt: M = %1").arg(data.similarity[4][6], 0, 'f', 2));
        QVERIFY(view.cellToolTip(4, 10).isEmpty());
        const int column = 2, row = 7;
        QTest::mouseMove(view.plot(), cellCentre(view, column, row));
        const int a = int(order[std::size_t(row)]), b = int(order[std::size_t(column)]);
        QCOMPARE(
            view.plot()->toolTip(),
            QStringLiteral("%1 vs %2: M = %3").arg(data.names[a], data.names[b]).arg(data.similarity[a][b], 0, 'f', 2));
        QTest::mouseMove(view.plot(), QPoint(2, 2));
        QVERIFY(view.plot()->toolTip().isEmpty());
        // Zoom (as the wheel does) on the heat map: the dendrograms and row labels follow; a
        // double click's reset shows every concept again.
        view.heatRect()->axis(QCPAxis::atBottom)->scaleRange(0.5, 2.0);
        view.heatRect()->axis(QCPAxis::atLeft)->scaleRange(0.5, 2.0);
        QCOMPARE(view.heatRect()->axis(QCPAxis::atRight)->range(), view.heatRect()->axis(QCPAxis::atLeft)->range());
        QCOMPARE(view.heatRect()->axis(QCPAxis::atBottom)->range().size(), data.names.size() / 2.0);
        view.resetZoom();
        QCOMPARE(view.heatRect()->axis(QCPAxis::atBottom)->range(), QCPRange(-0.5, data.names.size() - 0.5));
        QCOMPARE(view.heatRect()->axis(QCPAxis::atRight)->range(), QCPRange(-0.5, data.names.size() - 0.5));
        const QString dir = qEnvironmentVariable("NAD_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(view.grab().save(QDir(dir).filePath(QStringLiteral("similarity-heatmap.png"))));
    }
};

QTEST_MAIN(TestSimilarityHeatmapView)
#include "tst_similarityheatmapview.moc"
