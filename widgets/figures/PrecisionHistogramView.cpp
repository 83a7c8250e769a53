#include "figures/PrecisionHistogramView.h"

#include "Palette.h"
#include "QCustomPlotInclude.h"

#include <algorithm>
#include <cmath>

namespace nad {
namespace {

QString binLabel(int bin)
{
    return bin == 0 ? QStringLiteral("[0,10]") : QStringLiteral("(%1,%2]").arg(bin * 10).arg(bin * 10 + 10);
}

}  // namespace

PrecisionHistogramView::PrecisionHistogramView(QWidget* parent) : PlotFigureView(parent)
{
    m_plot->xAxis->setLabel(tr("top-1 precision (%)"));
    m_plot->yAxis->setLabel(tr("concepts"));
    m_plot->xAxis->grid()->setVisible(false);
    // Rotated the other way, the last bin's label would run off the right edge.
    m_plot->xAxis->setTickLabelRotation(-45);
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int b = 0; b < 10; ++b)
        ticker->addTick(b, binLabel(b));
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setRange(-0.6, 9.6);
    applyStyle();
}

int PrecisionHistogramView::binOf(double percent)
{
    if (percent <= 10.0)
        return 0;
    return std::min(9, int(std::ceil(percent / 10.0)) - 1);
}

QVector<double> PrecisionHistogramView::histogram(const QVector<double>& fractions)
{
    QVector<double> counts(10, 0.0);
    for (double f : fractions)
        counts[binOf(f * 100.0)] += 1.0;
    return counts;
}

void PrecisionHistogramView::setPrecisions(const QVector<double>& original, const QVector<double>& disentangled)
{
    m_original = original;
    m_disentangled = disentangled;
    m_plot->clearPlottables();
    m_bars.clear();
    auto* group = new QCPBarsGroup(m_plot);
    group->setSpacing(0.0);
    QVector<double> keys;
    for (int b = 0; b < 10; ++b)
        keys << b;
    double maximum = 1;
    const QVector<QPair<QString, QVector<double>>> series = {{tr("original"), histogram(original)},
                                                             {tr("disentangled"), histogram(disentangled)}};
    for (int s = 0; s < series.size(); ++s) {
        auto* bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        bars->setName(series[s].first);
        bars->setWidth(0.4);
        const QColor colour = Palette::category(s);
        bars->setPen(QPen(colour.darker(140), 0.6));
        bars->setBrush(colour);
        bars->setBarsGroup(group);
        bars->setData(keys, series[s].second);
        for (double v : series[s].second)
            maximum = std::max(maximum, v);
        m_bars << bars;
    }
    applyStyle();
    // Whole concepts: integer ticks only.
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(maximum > 10 ? std::ceil(maximum / 5.0) : 1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssNone);
    m_plot->yAxis->setTicker(ticker);
    m_plot->yAxis->setRange(0, maximum * 1.25);
    m_plot->replot();
}

QString PrecisionHistogramView::csv() const
{
    const auto original = histogram(m_original);
    const auto disentangled = histogram(m_disentangled);
    QString out = QStringLiteral("bin,original_concepts,disentangled_concepts\n");
    for (int b = 0; b < 10; ++b)
        out += QStringLiteral("\"%1\",%2,%3\n").arg(binLabel(b)).arg(original[b]).arg(disentangled[b]);
    return out;
}

}  // namespace nad
