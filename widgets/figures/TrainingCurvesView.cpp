#include "figures/TrainingCurvesView.h"

#include "Palette.h"
#include "QCustomPlotInclude.h"

#include <algorithm>
#include <cmath>

namespace nad {

namespace {

// Ticks at 1, 2 and 5 times the powers of ten inside [low, high], labelled as numbers. QCustomPlot's
// log ticker falls back to evenly spaced linear ticks over less than about two decades, and on
// a log axis those crowd together at its top (2.5, 5, 7.5, 10, 12.5, 15 overlapping).
QSharedPointer<QCPAxisTickerText> oneTwoFiveTicks(double low, double high)
{
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    const int firstDecade = int(std::floor(std::log10(low)));
    const int lastDecade = int(std::ceil(std::log10(high)));
    // Over many decades the 2s and 5s would crowd in turn: powers of ten alone.
    const QVector<double> mantissas =
        lastDecade - firstDecade > 4 ? QVector<double>{1.0} : QVector<double>{1.0, 2.0, 5.0};
    for (int decade = firstDecade; decade <= lastDecade; ++decade)
        for (double m : mantissas) {
            const double value = m * std::pow(10.0, decade);
            if (value >= low && value <= high)
                ticker->addTick(value, QString::number(value, 'g', 3));
        }
    return ticker;
}

}  // namespace

TrainingCurvesView::TrainingCurvesView(QWidget* parent) : PlotFigureView(parent)
{
    // The legend in a row of its own (the curves cross every corner of the loss panel), the
    // loss below it, the usage at the bottom, sharing the step axis (aligned by a margin group).
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, m_plot->legend);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    m_usageRect = new QCPAxisRect(m_plot);
    m_plot->plotLayout()->addElement(2, 0, m_usageRect);
    auto* group = new QCPMarginGroup(m_plot);
    m_plot->axisRect()->setMarginGroup(QCP::msLeft | QCP::msRight, group);
    m_usageRect->setMarginGroup(QCP::msLeft | QCP::msRight, group);
    m_plot->xAxis->setTickLabels(false);
    m_plot->yAxis->setLabel(tr("loss"));
    m_plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));  // until there are losses
    m_plot->yAxis->setNumberFormat(QStringLiteral("gb"));
    m_plot->legend->setVisible(true);
    m_usageRect->axis(QCPAxis::atBottom)->setLabel(tr("step"));
    m_usageRect->axis(QCPAxis::atLeft)->setLabel(tr("unit usage"));
    m_usageRect->axis(QCPAxis::atLeft)->setRange(0, 1.02);
    applyStyle();
}

void TrainingCurvesView::setCurves(const QVector<double>& steps, const QVector<Series>& losses,
                                   const QVector<double>& usageMean, const QVector<double>& usageMin,
                                   const QVector<double>& usageMax)
{
    m_steps = steps;
    m_losses = losses;
    m_usageMean = usageMean;
    m_usageMin = usageMin;
    m_usageMax = usageMax;
    m_plot->clearGraphs();
    m_lossLines.clear();
    double low = 0, high = 0;
    for (int s = 0; s < losses.size(); ++s) {
        auto* line = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis);
        line->setName(losses[s].name);
        line->setData(steps, losses[s].values, true);
        line->setPen(QPen(Palette::category(s), m_style.lineWidth));
        for (double v : losses[s].values)
            if (v > 0) {
                low = low > 0 ? std::min(low, v) : v;
                high = std::max(high, v);
            }
        m_lossLines << line;
    }
    const double first = steps.isEmpty() ? 0 : steps.first();
    const double last = steps.isEmpty() ? 1 : std::max(steps.last(), first + 1);
    m_plot->xAxis->setRange(first, last);
    if (high > 0) {
        m_plot->yAxis->setRange(low / 1.5, high * 1.5);
        m_plot->yAxis->setTicker(oneTwoFiveTicks(low / 1.5, high * 1.5));
    }

    QCPAxis* x = m_usageRect->axis(QCPAxis::atBottom);
    QCPAxis* y = m_usageRect->axis(QCPAxis::atLeft);
    x->setRange(first, last);
    if (usageMin.size() == steps.size() && usageMax.size() == steps.size()) {
        auto* lowBand = m_plot->addGraph(x, y);
        lowBand->setData(steps, usageMin, true);
        lowBand->setPen(Qt::NoPen);
        lowBand->removeFromLegend();
        auto* highBand = m_plot->addGraph(x, y);
        highBand->setData(steps, usageMax, true);
        highBand->setPen(Qt::NoPen);
        highBand->setBrush(QColor(0, 0, 0, 35));
        highBand->setChannelFillGraph(lowBand);
        highBand->removeFromLegend();
    }
    auto* usage = m_plot->addGraph(x, y);
    usage->setData(steps, usageMean, true);
    usage->setPen(QPen(Qt::black, m_style.lineWidth));
    usage->removeFromLegend();
    applyStyle();
    m_plot->replot();
}

QString TrainingCurvesView::csv() const
{
    QString out = QStringLiteral("step");
    for (const auto& s : m_losses)
        out += QStringLiteral(",\"%1\"").arg(s.name);
    out += QStringLiteral(",usage_mean,usage_min,usage_max\n");
    for (int i = 0; i < m_steps.size(); ++i) {
        out += QString::number(m_steps[i]);
        for (const auto& s : m_losses)
            out += QLatin1Char(',') + QString::number(s.values.value(i), 'g', 8);
        out += QStringLiteral(",%1,%2,%3\n")
                   .arg(m_usageMean.value(i), 0, 'g', 6)
                   .arg(m_usageMin.value(i), 0, 'g', 6)
                   .arg(m_usageMax.value(i), 0, 'g', 6);
    }
    return out;
}

}  // namespace nad
