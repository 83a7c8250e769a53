#include "ClassBalanceChart.h"

#include "Palette.h"
#include "QCustomPlotInclude.h"

#include <algorithm>

namespace nad {

ClassBalanceChart::ClassBalanceChart(QWidget* parent) : PlotFigureView(parent)
{
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_plot->yAxis->setLabel(tr("images"));
    m_plot->xAxis->setTickLabelRotation(35);
    m_plot->xAxis->grid()->setVisible(false);
    applyStyle();
}

void ClassBalanceChart::clear()
{
    m_plot->clearPlottables();
    m_bars.clear();
    m_classNames.clear();
    m_counts.clear();
    m_plot->replot();
}

void ClassBalanceChart::setCounts(const QString& title, const QStringList& classNames, const QStringList& splitNames,
                                  const QVector<QVector<double>>& countsPerSplit)
{
    m_plot->clearPlottables();
    m_bars.clear();
    m_classNames = classNames;
    m_splitNames = splitNames;
    m_counts = countsPerSplit;
    setTitle(title);

    QVector<double> ticks;
    for (int i = 0; i < classNames.size(); ++i)
        ticks << i;
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    ticker->addTicks(ticks, QVector<QString>(classNames.begin(), classNames.end()));
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setRange(-0.7, classNames.size() - 0.3);

    auto* group = new QCPBarsGroup(m_plot);
    group->setSpacing(0.05);
    double maximum = 0;
    const double width = 0.8 / std::max(1, int(countsPerSplit.size()));
    for (int s = 0; s < countsPerSplit.size(); ++s) {
        auto* bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        bars->setName(s < splitNames.size() ? splitNames[s] : QString::number(s));
        bars->setWidth(width);
        const QColor colour = Palette::category(s);
        bars->setPen(QPen(colour.darker(130)));
        bars->setBrush(colour);
        bars->setBarsGroup(group);
        bars->setData(ticks, countsPerSplit[s]);
        for (double v : countsPerSplit[s])
            maximum = std::max(maximum, v);
        m_bars << bars;
    }
    m_plot->yAxis->setRange(0, maximum > 0 ? maximum * 1.15 : 1);
    applyStyle();
    m_plot->replot();
}

QString ClassBalanceChart::csv() const
{
    QString out = QStringLiteral("class");
    for (const auto& split : m_splitNames)
        out += QStringLiteral(",\"%1\"").arg(split);
    out += QLatin1Char('\n');
    for (int c = 0; c < m_classNames.size(); ++c) {
        out += QStringLiteral("\"%1\"").arg(m_classNames[c]);
        for (const auto& counts : m_counts)
            out += QLatin1Char(',') + QString::number(counts.value(c));
        out += QLatin1Char('\n');
    }
    return out;
}

}  // namespace nad
