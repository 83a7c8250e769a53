#include "ClassBalanceChart.h"

#include "Palette.h"
#include "QCustomPlotInclude.h"

#include <QVBoxLayout>

#include <algorithm>

namespace nad {

ClassBalanceChart::ClassBalanceChart(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setMinimumSize(320, 240);
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, new QCPTextElement(m_plot, QString(), QFont(font().family(), 11, QFont::Bold)));
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_plot->yAxis->setLabel(tr("images"));
    m_plot->xAxis->setTickLabelRotation(35);
    m_plot->xAxis->grid()->setVisible(false);
}

void ClassBalanceChart::clear()
{
    m_plot->clearPlottables();
    m_bars.clear();
    m_plot->replot();
}

void ClassBalanceChart::setCounts(const QString& title, const QStringList& classNames,
                                  const QStringList& splitNames,
                                  const QVector<QVector<double>>& countsPerSplit)
{
    m_plot->clearPlottables();
    m_bars.clear();
    if (auto* titleElement = qobject_cast<QCPTextElement*>(m_plot->plotLayout()->element(0, 0)))
        titleElement->setText(title);

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
    m_plot->replot();
}

} // namespace nad
