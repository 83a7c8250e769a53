#include "figures/PathFlowView.h"

#include "Palette.h"
#include "QCustomPlotInclude.h"

#include <QLocale>
#include <QMouseEvent>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <limits>

namespace nad {
namespace {

// Columns take half of each block's slot; the other half is the bands' room to bend.
constexpr double kColumnWidth = 0.5;
constexpr int kBandSteps = 24;  // points per band edge: smooth at double-column width

PathFlowView::BlockFlow flowOf(const QVector<QVector<QVector<bool>>>& paths, int block)
{
    const int k = paths.size();
    PathFlowView::BlockFlow flow;
    flow.onlyPerConcept.fill(0, k);
    for (const auto& path : paths)
        flow.units = std::max(flow.units, int(path[block].size()));
    for (int u = 0; u < flow.units; ++u) {
        int keptBy = 0, last = -1;
        for (int c = 0; c < k; ++c) {
            const auto& mask = paths[c][block];
            if (u < mask.size() && mask[u]) {
                ++keptBy;
                last = c;
            }
        }
        // k = 1 lands in `all` (keptBy == k), so some and one stay 0 as documented.
        if (keptBy == 0)
            ++flow.none;
        else if (keptBy == k)
            ++flow.all;
        else if (keptBy == 1)
            ++flow.one;
        else
            ++flow.some;
        if (keptBy == 1)
            ++flow.onlyPerConcept[last];
    }
    return flow;
}

QColor categoryColour(int category)
{
    switch (category) {
    case PathFlowView::KeptByAll:
        return Palette::category(0);
    case PathFlowView::KeptBySome:
        return Palette::category(2);
    case PathFlowView::KeptByOne:
        return Palette::category(1);
    default:
        return QColor(214, 214, 214);  // unused units: present, but out of the way
    }
}

// Smoothstep along a band so it leaves and enters the columns horizontally.
double ease(double s)
{
    return (1.0 - std::cos(M_PI * s)) / 2.0;
}

}  // namespace

PathFlowView::PathFlowView(QWidget* parent) : PlotFigureView(parent)
{
    // The legend in a row of its own under the plot, centred at its natural width (empty
    // cells either side take the spare width), as in PathComparisonView.
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    auto* legendRow = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(1, 0, legendRow);
    legendRow->addElement(0, 0, new QCPLayoutElement(m_plot));
    legendRow->addElement(0, 1, m_plot->legend);
    legendRow->addElement(0, 2, new QCPLayoutElement(m_plot));
    legendRow->setColumnStretchFactors({1.0, 0.001, 1.0});
    legendRow->setColumnSpacing(0);
    m_plot->plotLayout()->setRowStretchFactors({1.0, 0.001});
    m_plot->plotLayout()->setRowSpacing(2);
    m_plot->legend->setVisible(true);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setWrap(0);

    m_plot->xAxis->grid()->setVisible(false);
    m_plot->xAxis->setLabel(tr("block"));
    m_plot->yAxis->setLabel(tr("share of the block's units"));
    m_plot->yAxis->setRange(0, 1);
    QSharedPointer<QCPAxisTickerFixed> shares(new QCPAxisTickerFixed);
    shares->setTickStep(0.25);
    shares->setScaleStrategy(QCPAxisTickerFixed::ssNone);
    m_plot->yAxis->setTicker(shares);
    // Ticks point outwards: inward ones would cut into the columns standing on the axes.
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setTickLength(0, 4);
        axis->setSubTickLength(0, 2);
    }

    // Clicking a column opens its block elsewhere; hovering reads a segment out. Neither
    // changes what is drawn, so exports stay as they were.
    m_plot->setMouseTracking(true);
    connect(m_plot, &QCustomPlot::mousePress, this, &PathFlowView::onMousePress);
    rebuild();
}

void PathFlowView::setPaths(const QStringList& conceptNames, const QStringList& blockNames,
                            const QVector<QVector<QVector<bool>>>& paths)
{
    m_conceptNames.clear();
    m_blockNames.clear();
    m_flows.clear();
    int blocks = paths.isEmpty() ? 0 : std::numeric_limits<int>::max();
    for (const auto& path : paths)
        blocks = std::min(blocks, int(path.size()));
    for (int c = 0; c < paths.size(); ++c)
        m_conceptNames << conceptNames.value(c, tr("concept %1").arg(c + 1));
    for (int b = 0; b < blocks; ++b) {
        m_blockNames << blockNames.value(b, tr("block %1").arg(b + 1));
        m_flows << flowOf(paths, b);
    }
    rebuild();
}

void PathFlowView::clear()
{
    setPaths({}, {}, {});
}

QString PathFlowView::categoryName(int category) const
{
    const int k = m_conceptNames.size();
    switch (category) {
    case KeptByAll:
        return k == 1 ? tr("kept") : k == 2 ? tr("kept by both") : tr("kept by all %1").arg(k);
    case KeptBySome:
        return k <= 3 ? tr("kept by 2") : tr("kept by 2–%1").arg(k - 1);
    case KeptByOne:
        return tr("kept by one only");
    case KeptByNone:
        return k == 1 ? tr("dropped") : k == 2 ? tr("kept by neither") : tr("kept by none");
    default:
        return QString();
    }
}

void PathFlowView::rebuild()
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_bars.clear();
    m_bands.clear();
    setBlockAxis();
    if (m_flows.isEmpty()) {
        setTitle(tr("Path flow: choose concepts with learned paths"));
        setNote(QString());
        applyStyle();
        m_plot->replot();
        return;
    }
    const int k = m_conceptNames.size();
    QStringList shown = m_conceptNames.mid(0, 4);
    if (k > 4)
        shown << QString(QChar(0x2026));
    setTitle(k == 1 ? tr("Path flow of 1 concept: %1").arg(shown.join(QStringLiteral(", ")))
                    : tr("Path flow of %1 concepts: %2").arg(k).arg(shown.join(QStringLiteral(", "))));
    setNote(tr("Bands link categories from block to block, not units: each block has its own channels."));
    addBands();  // first, so the columns are drawn over the bands' ends
    addColumns();
    applyStyle();
    m_plot->replot();
}

QVector<double> PathFlowView::segmentEdges(int block) const
{
    const BlockFlow& f = m_flows[block];
    const double units = std::max(1, f.units);  // an empty block: every edge at 0
    const int counts[] = {f.all, f.some, f.one, f.none};
    QVector<double> edges = {0.0};
    for (int count : counts)
        edges << edges.back() + count / units;
    return edges;
}

void PathFlowView::addColumns()
{
    const int k = m_conceptNames.size();
    QVector<double> keys;
    QVector<QVector<double>> shares(CategoryCount);
    for (int b = 0; b < m_flows.size(); ++b) {
        keys << b;
        const QVector<double> edges = segmentEdges(b);
        for (int c = 0; c < CategoryCount; ++c)
            shares[c] << edges[c + 1] - edges[c];
    }
    // Empty segments are left out of the data, not drawn at zero height: their white seam
    // would show as a line across the segment below. Stacking sums whatever lies below a key.
    const auto nonEmpty = [&keys](const QVector<double>& values, QVector<double>* at) {
        QVector<double> kept;
        for (int b = 0; b < values.size(); ++b)
            if (values[b] > 0) {
                *at << keys[b];
                kept << values[b];
            }
        return kept;
    };
    QCPBars* below = nullptr;
    for (int c = 0; c < CategoryCount; ++c) {
        auto* bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        bars->setName(categoryName(c));
        bars->setWidth(kColumnWidth);
        bars->setBrush(categoryColour(c));
        QVector<double> at;
        const QVector<double> values = nonEmpty(shares[c], &at);
        bars->setData(at, values, true);
        if (below)
            bars->moveAbove(below);
        below = bars;
        // Categories that cannot occur for this k (some with k ≤ 2, one with k = 1) would
        // only puzzle a reader in the legend.
        if ((c == KeptBySome && k <= 2) || (c == KeptByOne && k == 1))
            bars->removeFromLegend();
        m_bars << bars;
    }
}

void PathFlowView::addBands()
{
    for (int b = 0; b + 1 < m_flows.size(); ++b) {
        const QVector<double> from = segmentEdges(b), to = segmentEdges(b + 1);
        const double x0 = b + kColumnWidth / 2, x1 = b + 1 - kColumnWidth / 2;
        for (int c = 0; c < CategoryCount; ++c) {
            if (from[c + 1] <= from[c] && to[c + 1] <= to[c])
                continue;  // nothing to link
            // Along the top edge left to right, back along the bottom: QCPCurve fills the
            // closed polygon, so the band is a plottable and renders in every export.
            QVector<QCPCurveData> points;
            for (int i = 0; i <= kBandSteps; ++i) {
                const double s = double(i) / kBandSteps;
                points << QCPCurveData(i, x0 + s * (x1 - x0), from[c + 1] + ease(s) * (to[c + 1] - from[c + 1]));
            }
            for (int i = kBandSteps; i >= 0; --i) {
                const double s = double(i) / kBandSteps;
                points << QCPCurveData(2 * kBandSteps + 1 - i, x0 + s * (x1 - x0),
                                       from[c] + ease(s) * (to[c] - from[c]));
            }
            auto* band = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
            band->data()->set(points, true);
            QColor fill = c == KeptByNone ? QColor(170, 170, 170) : categoryColour(c);
            fill.setAlpha(c == KeptByNone ? 70 : 95);
            band->setBrush(fill);
            band->setPen(Qt::NoPen);
            band->setSelectable(QCP::stNone);
            band->removeFromLegend();
            m_bands << band;
        }
    }
}

void PathFlowView::setBlockAxis()
{
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    int longest = 0;
    for (int b = 0; b < m_blockNames.size(); ++b) {
        ticker->addTick(b, m_blockNames[b]);
        longest = std::max(longest, int(m_blockNames[b].size()));
    }
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setSubTicks(false);
    m_plot->xAxis->setRange(-0.5, std::max(0.5, m_blockNames.size() - 0.5));
    // Horizontal names while they fit about side by side at double-column width.
    m_plot->xAxis->setTickLabelRotation(m_blockNames.size() * (longest + 2) > 90 ? -40 : 0);
}

void PathFlowView::applyStyle()
{
    PlotFigureView::applyStyle();
    // Thin white seams between a column's segments; bands have no outline, only a fill.
    const QPen seam(Qt::white, std::max(0.5, m_style.lineWidth * 0.6));
    for (QCPBars* bars : m_bars)
        bars->setPen(seam);
}

int PathFlowView::blockAt(const QPoint& plotPixel) const
{
    if (m_flows.isEmpty() || !m_plot->axisRect()->rect().contains(plotPixel))
        return -1;
    const double key = m_plot->xAxis->pixelToCoord(plotPixel.x());
    const int block = int(std::lround(key));
    if (block < 0 || block >= m_flows.size() || std::abs(key - block) > kColumnWidth / 2)
        return -1;
    return block;
}

bool PathFlowView::segmentAt(const QPoint& plotPixel, int* block, int* category) const
{
    const int b = blockAt(plotPixel);
    if (b < 0 || m_flows[b].units == 0)
        return false;
    const double value = m_plot->yAxis->pixelToCoord(plotPixel.y());
    const QVector<double> edges = segmentEdges(b);
    for (int c = 0; c < CategoryCount; ++c) {
        if (value >= edges[c] && (value < edges[c + 1] || (c == KeptByNone && value <= 1.0))) {
            if (edges[c + 1] <= edges[c])
                continue;  // an empty segment has no pixels of its own
            if (block)
                *block = b;
            if (category)
                *category = c;
            return true;
        }
    }
    return false;
}

QString PathFlowView::segmentToolTip(int block, int category) const
{
    if (block < 0 || block >= m_flows.size() || category < 0 || category >= CategoryCount)
        return QString();
    const BlockFlow& f = m_flows[block];
    const int counts[] = {f.all, f.some, f.one, f.none};
    const int n = counts[category];
    const double share = f.units > 0 ? 100.0 * n / f.units : 0.0;
    // One multi-argument arg(): a name holding "%3" must not be substituted again.
    QString text = tr("%1 · %2: %3 of %4 units (%5%)")
                       .arg(m_blockNames[block], categoryName(category), QString::number(n), QString::number(f.units),
                            QLocale().toString(share, 'f', 0));
    // Whose units the "one only" segment holds is the question a reader asks next.
    if (category == KeptByOne)
        for (int c = 0; c < m_conceptNames.size(); ++c)
            text += tr("\n  only %1: %2").arg(m_conceptNames[c], QString::number(f.onlyPerConcept.value(c)));
    return text;
}

void PathFlowView::onMousePress(QMouseEvent* event)
{
    const int block = event->button() == Qt::LeftButton ? blockAt(event->pos()) : -1;
    if (block >= 0)
        Q_EMIT blockClicked(block);
}

QString PathFlowView::hoverText(const QPoint& plotPixel) const
{
    int block = -1, category = -1;
    if (segmentAt(plotPixel, &block, &category))
        return segmentToolTip(block, category);
    if (m_flows.size() > 1 && m_plot->axisRect()->rect().contains(plotPixel))
        return tr("Bands link categories from block to block, not units: each block has its own channels.");
    return {};
}

QString PathFlowView::csv() const
{
    QString out = QStringLiteral("block,units,all,some,one,none");
    for (const QString& name : m_conceptNames)
        out += QLatin1Char(',') + csvField(QStringLiteral("only ") + name);
    out += QLatin1Char('\n');
    for (int b = 0; b < m_flows.size(); ++b) {
        const BlockFlow& f = m_flows[b];
        QStringList row = {csvField(m_blockNames[b])};
        for (int count : {f.units, f.all, f.some, f.one, f.none})
            row << QString::number(count);
        for (int count : f.onlyPerConcept)
            row << QString::number(count);
        out += row.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out;
}

}  // namespace nad
