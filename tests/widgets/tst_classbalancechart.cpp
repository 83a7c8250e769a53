#include "ClassBalanceChart.h"
#include "QCustomPlotInclude.h"

#include <QtTest>

using namespace nad;

class TestClassBalanceChart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void oneBarSeriesPerSplitWithClassTicks()
    {
        ClassBalanceChart chart;
        chart.resize(600, 400);
        chart.setCounts(QStringLiteral("t"), {QStringLiteral("cat"), QStringLiteral("dog"), QStringLiteral("car")},
                        {QStringLiteral("train"), QStringLiteral("test")}, {{10, 12, 8}, {2, 3, 1}});
        QCOMPARE(chart.bars().size(), 2);
        QCOMPARE(chart.bars()[0]->name(), QStringLiteral("train"));
        QCOMPARE(chart.bars()[0]->data()->size(), 3);
        QCOMPARE(chart.bars()[0]->data()->at(1)->value, 12.0);
        QCOMPARE(chart.bars()[1]->data()->at(2)->value, 1.0);
        // The tallest bar fits under the top of the axis, with head room for the legend.
        QVERIFY(chart.plot()->yAxis->range().upper > 12.0);
        auto ticker = chart.plot()->xAxis->ticker().dynamicCast<QCPAxisTickerText>();
        QVERIFY(ticker);
        QCOMPARE(ticker->ticks().value(2), QStringLiteral("car"));
        // Splits get different colours.
        QVERIFY(chart.bars()[0]->brush().color() != chart.bars()[1]->brush().color());
        // A figure like the others: its counts as CSV.
        QCOMPARE(chart.csv(), QStringLiteral("class,\"train\",\"test\"\n\"cat\",10,2\n\"dog\",12,3\n\"car\",8,1\n"));
    }

    void clearRemovesBars()
    {
        ClassBalanceChart chart;
        chart.setCounts(QString(), {QStringLiteral("a")}, {QStringLiteral("all")}, {{4}});
        chart.clear();
        QCOMPARE(chart.bars().size(), 0);
        QCOMPARE(chart.plot()->plottableCount(), 0);
    }
};

QTEST_MAIN(TestClassBalanceChart)
#include "tst_classbalancechart.moc"
