#include "figures/BlockSeriesView.h"

#include "Palette.h"
#include "QCustomPlotInclude.h"

#include <algorithm>

namespace nad {
namespace {

// Marker shapes that tell lines apart in grayscale print too.
QCPScatterStyle::ScatterShape shapeOf(int index)
{
    static const QCPScatterStyle::ScatterShape shapes[] = {QCPScatterStyle::ssCircle,   QCPScatterStyle::ssSquare,
                                                           QCPScatterStyle::ssTriangle, QCPScatterStyle::ssDiamond,
                                                           QCPScatterStyle::ssCross,    QCPScatterStyle::ssPlus};
    return shapes[index % 6];
}

}  // namespace

BlockSeriesView::BlockSeriesView(QString figureId, QWidget* parent)
    : PlotFigureView(parent), m_figureId(std::move(figureId))
{
    m_plot->xAxis->setLabel(tr("block"));
    // The legend in rows of two under the axes: inside them, in any fixed corner, it covered a
    // line (the demo's unit usage: DenseNet's drop to 0.49 in its last block ran under it).
    placeLegendUnderAxes(2);
    applyStyle();
}

void BlockSeriesView::setReferenceLine(double value, const QString& label)
{
    m_reference = label.isEmpty() ? -1 : value;
    m_referenceLabel = label;
}

void BlockSeriesView::setSeries(const QVector<Series>& series, const QString& valueLabel, double minimum,
                                double maximum)
{
    m_series = series;
    m_plot->clearGraphs();
    m_lines.clear();
    m_plot->yAxis->setLabel(valueLabel);
    int blocks = 1;
    for (int s = 0; s < series.size(); ++s) {
        const auto& one = series[s];
        blocks = std::max(blocks, int(one.values.size()));
        QVector<double> keys;
        for (int b = 0; b < one.values.size(); ++b)
            keys << b + 1;
        const QColor colour = Palette::category(s);
        if (one.errors.size() == one.values.size()) {
            // The band: the upper edge filled down to the lower edge, no legend entry.
            QVector<double> upper, lower;
            for (int b = 0; b < one.values.size(); ++b) {
                upper << one.values[b] + one.errors[b];
                lower << one.values[b] - one.errors[b];
            }
            auto* low = m_plot->addGraph();
            low->setData(keys, lower);
            low->setPen(Qt::NoPen);
            low->removeFromLegend();
            auto* high = m_plot->addGraph();
            high->setData(keys, upper);
            high->setPen(Qt::NoPen);
            QColor fill = colour;
            fill.setAlpha(50);
            high->setBrush(fill);
            high->setChannelFillGraph(low);
            high->removeFromLegend();
        }
        auto* line = m_plot->addGraph();
        line->setName(one.name);
        line->setData(keys, one.values);
        line->setPen(QPen(colour, m_style.lineWidth));
        line->setScatterStyle(QCPScatterStyle(shapeOf(s), colour, colour, 4));
        m_lines << line;
    }
    if (m_reference >= 0) {
        auto* reference = m_plot->addGraph();
        reference->setName(m_referenceLabel);
        reference->setData(QVector<double>{0.5, blocks + 0.5}, QVector<double>{m_reference, m_reference});
        reference->setPen(QPen(Qt::gray, 1.0, Qt::DashLine));
    }
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(blocks > 20 ? 5.0 : blocks > 10 ? 2.0 : 1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssNone);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setRange(0.5, blocks + 0.5);
    m_plot->yAxis->setRange(minimum, maximum + (maximum - minimum) * 0.02);
    applyStyle();
    m_plot->replot();
}

QString BlockSeriesView::csv() const
{
    QString out = QStringLiteral("series,block,value,error\n");
    for (const auto& one : m_series)
        for (int b = 0; b < one.values.size(); ++b)
            out += QStringLiteral("\"%1\",%2,%3,%4\n")
                       .arg(one.name)
                       .arg(b + 1)
                       .arg(one.values[b], 0, 'g', 8)
                       .arg(b < one.errors.size() ? QString::number(one.errors[b], 'g', 8) : QString());
    return out;
}

}  // namespace nad
