#include "figures/SimilarityHeatmapView.h"

#include "Palette.h"
#include "QCustomPlotInclude.h"

#include <QLocale>
#include <QMouseEvent>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace nad {

SimilarityHeatmapView::SimilarityHeatmapView(QWidget* parent) : PlotFigureView(parent)
{
    // Replace the default single axis rect by a grid: dendrograms top and left, the heat map,
    // the colour scale; the primary-concept legend runs along the bottom.
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->plotLayout()->clear();
    auto* grid = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(0, 0, grid);
    m_topRect = new QCPAxisRect(m_plot);
    m_leftRect = new QCPAxisRect(m_plot);
    m_heatRect = new QCPAxisRect(m_plot);
    m_scale = new QCPColorScale(m_plot);
    grid->addElement(0, 1, m_topRect);
    grid->addElement(1, 0, m_leftRect);
    grid->addElement(1, 1, m_heatRect);
    grid->addElement(1, 2, m_scale);
    grid->setColumnStretchFactors({0.14, 1.0, 0.08});
    grid->setRowStretchFactors({0.2, 1.0});
    grid->setColumnSpacing(0);
    grid->setRowSpacing(0);
    m_plot->plotLayout()->addElement(1, 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setVisible(true);
    m_plot->legend->setBorderPen(Qt::NoPen);

    auto* columns = new QCPMarginGroup(m_plot);
    m_topRect->setMarginGroup(QCP::msLeft | QCP::msRight, columns);
    m_heatRect->setMarginGroup(QCP::msLeft | QCP::msRight, columns);
    auto* rows = new QCPMarginGroup(m_plot);
    m_leftRect->setMarginGroup(QCP::msTop | QCP::msBottom, rows);
    m_heatRect->setMarginGroup(QCP::msTop | QCP::msBottom, rows);
    m_scale->setMarginGroup(QCP::msTop | QCP::msBottom, rows);

    // The dendrograms take their margins from the heat map on the shared sides (margin groups
    // work on automatic margins only) and have none elsewhere.
    for (QCPAxisRect* rect : {m_topRect, m_leftRect}) {
        for (QCPAxis* axis : rect->axes()) {
            axis->setVisible(false);
            axis->grid()->setVisible(false);
        }
        rect->setAutoMargins(rect == m_topRect ? (QCP::msLeft | QCP::msRight) : (QCP::msTop | QCP::msBottom));
        rect->setMargins(QMargins(0, 0, 0, 0));
    }
    // Leaf labels once, on the right next to the colour scale; the columns are in the same
    // order, shown by the dendrogram on top.
    m_heatRect->axis(QCPAxis::atLeft)->setVisible(false);  // no margin between it and the left dendrogram
    m_heatRect->axis(QCPAxis::atBottom)->setVisible(false);
    m_heatRect->axis(QCPAxis::atRight)->setVisible(true);
    for (QCPAxis* axis : m_heatRect->axes()) {
        axis->grid()->setVisible(false);
        axis->setSubTicks(false);
        axis->setTickLength(0, 2);
    }
    m_heatRect->axis(QCPAxis::atLeft)->setRangeReversed(true);
    m_heatRect->axis(QCPAxis::atRight)->setRangeReversed(true);

    m_map = new QCPColorMap(m_heatRect->axis(QCPAxis::atBottom), m_heatRect->axis(QCPAxis::atLeft));
    m_map->setColorScale(m_scale);
    m_map->setInterpolate(false);
    m_map->setTightBoundary(false);
    QCPColorGradient gradient;
    gradient.clearColorStops();
    for (const auto& stop : Palette::sequentialStops())
        gradient.setColorStopAt(stop.first, stop.second);
    m_map->setGradient(gradient);
    m_scale->setType(QCPAxis::atRight);
    m_scale->setBarWidth(5);
    m_scale->axis()->setLabel(tr("similarity M"));
    m_scale->axis()->ticker()->setTickCount(3);
    m_map->removeFromLegend();
    applyStyle();

    // Clicking a cell names the pair; hovering shows its value. Neither changes what is drawn,
    // so exports stay as they were.
    m_plot->setMouseTracking(true);
    connect(m_plot, &QCustomPlot::mousePress, this, &SimilarityHeatmapView::onMousePress);

    // Wheel zooms and drag pans the heat map (a double click resets); the dendrograms and the
    // row labels follow, so a zoomed view stays one figure.
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    for (QCPAxisRect* rect : {m_topRect, m_leftRect})
        rect->setRangeDrag(Qt::Orientations()), rect->setRangeZoom(Qt::Orientations());
    m_heatRect->setRangeDragAxes(m_heatRect->axis(QCPAxis::atBottom), m_heatRect->axis(QCPAxis::atLeft));
    m_heatRect->setRangeZoomAxes(m_heatRect->axis(QCPAxis::atBottom), m_heatRect->axis(QCPAxis::atLeft));
    connect(m_heatRect->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            [this](const QCPRange& range) { m_topRect->axis(QCPAxis::atBottom)->setRange(range); });
    connect(m_heatRect->axis(QCPAxis::atLeft), qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            [this](const QCPRange& range) {
                m_heatRect->axis(QCPAxis::atRight)->setRange(range);
                m_leftRect->axis(QCPAxis::atLeft)->setRange(range);
            });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this] { resetZoom(); });
}

void SimilarityHeatmapView::resetZoom()
{
    const double k = double(m_order.size());
    m_heatRect->axis(QCPAxis::atBottom)->setRange(-0.5, k - 0.5);
    m_heatRect->axis(QCPAxis::atLeft)->setRange(-0.5, k - 0.5);
    m_plot->replot();
}

bool SimilarityHeatmapView::cellAt(const QPoint& plotPixel, int* row, int* column) const
{
    const int k = int(m_order.size());
    if (k == 0 || k != m_data.names.size() || !m_heatRect->rect().contains(plotPixel))
        return false;
    // Cell (key i, value j) holds M(order[i], order[j]): keys are columns, values rows.
    const double key = m_map->keyAxis()->pixelToCoord(plotPixel.x());
    const double value = m_map->valueAxis()->pixelToCoord(plotPixel.y());
    const int i = int(std::floor(key + 0.5));
    const int j = int(std::floor(value + 0.5));
    if (i < 0 || i >= k || j < 0 || j >= k)
        return false;
    if (row)
        *row = int(m_order[std::size_t(j)]);
    if (column)
        *column = int(m_order[std::size_t(i)]);
    return true;
}

QString SimilarityHeatmapView::cellToolTip(int row, int column) const
{
    const int k = m_data.names.size();
    if (row < 0 || column < 0 || row >= k || column >= k || row >= m_data.similarity.size() ||
        column >= m_data.similarity[row].size())
        return QString();
    return tr("%1 vs %2: M = %3")
        .arg(m_data.names[row], m_data.names[column], QLocale().toString(m_data.similarity[row][column], 'f', 2));
}

void SimilarityHeatmapView::onMousePress(QMouseEvent* event)
{
    int row = -1, column = -1;
    if (event->button() == Qt::LeftButton && cellAt(event->pos(), &row, &column))
        Q_EMIT cellClicked(row, column);
}

QString SimilarityHeatmapView::hoverText(const QPoint& plotPixel) const
{
    int row = -1, column = -1;
    return cellAt(plotPixel, &row, &column) ? cellToolTip(row, column) : QString();
}

void SimilarityHeatmapView::applyStyle()
{
    PlotFigureView::applyStyle();
    m_plot->legend->setBorderPen(Qt::NoPen);  // a row under the figure, not a box on data
    m_plot->legend->setBrush(Qt::NoBrush);
    if (m_scale) {
        m_scale->axis()->setTickLabelFont(m_style.font());
        m_scale->axis()->setLabelFont(m_style.font());
    }
}

void SimilarityHeatmapView::setData(const Data& data)
{
    m_data = data;
    const int k = data.names.size();
    m_order = k >= 2 ? ConceptClustering::leafOrder(data.merges) : std::vector<std::size_t>(std::size_t(k), 0);
    if (k == 1)
        m_order = {0};
    m_leafLabels.clear();
    for (std::size_t leaf : m_order) {
        const int group = leaf < std::size_t(data.groups.size()) ? data.groups[int(leaf)] : -1;
        const QString primary = group >= 0 && group < data.groupNames.size() ? data.groupNames[group] : QString();
        m_leafLabels << (primary.isEmpty() ? data.names[int(leaf)]
                                           : primary + QLatin1Char('-') + data.names[int(leaf)]);
    }

    // The matrix in leaf order: cell (column i, row j) holds M(order[i], order[j]).
    m_map->data()->setSize(k, k);
    m_map->data()->setRange(QCPRange(0, std::max(0, k - 1)), QCPRange(0, std::max(0, k - 1)));
    double low = 1.0, high = 0.0;
    for (int i = 0; i < k; ++i)
        for (int j = 0; j < k; ++j) {
            const double m = data.similarity[int(m_order[std::size_t(i)])][int(m_order[std::size_t(j)])];
            m_map->data()->setCell(i, j, m);
            if (i != j) {
                low = std::min(low, m);
                high = std::max(high, m);
            }
        }
    // The scale spans the off-diagonal values only (the diagonal, 1, saturates), so the
    // differences between concepts get the whole colour range; the paper stretches its scale
    // for the same reason.
    if (high <= low)
        high = low + 0.01;
    m_map->setDataRange(QCPRange(low, high));

    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int i = 0; i < k; ++i)
        ticker->addTick(i, m_leafLabels[i]);
    for (QCPAxis::AxisType type : {QCPAxis::atBottom, QCPAxis::atLeft, QCPAxis::atRight}) {
        QCPAxis* axis = m_heatRect->axis(type);
        axis->setTicker(ticker);
        axis->setRange(-0.5, k - 0.5);
    }

    // Legend: one coloured square per primary concept that occurs.
    m_plot->clearGraphs();
    for (int g = 0; g < data.groupNames.size(); ++g) {
        if (!data.groups.contains(g))
            continue;
        auto* entry = m_plot->addGraph(m_heatRect->axis(QCPAxis::atBottom), m_heatRect->axis(QCPAxis::atLeft));
        entry->setName(data.groupNames[g]);
        entry->setLineStyle(QCPGraph::lsNone);
        entry->setScatterStyle(
            QCPScatterStyle(QCPScatterStyle::ssSquare, Palette::category(g), Palette::category(g), 7));
    }

    for (auto* curve : m_plot->findChildren<QCPCurve*>())
        m_plot->removePlottable(curve);
    for (int i = m_plot->itemCount() - 1; i >= 0; --i)
        m_plot->removeItem(i);
    m_links = 0;
    drawDendrogram(m_topRect, true, m_order);
    drawDendrogram(m_leftRect, false, m_order);
    applyStyle();
    m_plot->replot();
}

void SimilarityHeatmapView::drawDendrogram(QCPAxisRect* rect, bool onTop, const std::vector<std::size_t>& order)
{
    const int k = int(order.size());
    std::vector<double> position(std::size_t(k) + m_data.merges.size(), 0.0);
    std::vector<double> height(position.size(), 0.0);
    for (int i = 0; i < k; ++i)
        position[order[std::size_t(i)]] = i;
    double top = 0;
    for (const auto& merge : m_data.merges)
        top = std::max(top, merge.distance);
    top = top > 0 ? top : 1.0;
    // Along the leaves: the key axis on top, the value axis on the left (rows top to bottom).
    QCPAxis* along = onTop ? rect->axis(QCPAxis::atBottom) : rect->axis(QCPAxis::atLeft);
    QCPAxis* up = onTop ? rect->axis(QCPAxis::atLeft) : rect->axis(QCPAxis::atBottom);
    along->setRange(-0.5, k - 0.5);
    along->setRangeReversed(!onTop);
    // Leaves at 0, root at `top`; the band below 0 holds the primary-concept rectangles.
    up->setRange(-top * 0.12, top * 1.04);
    up->setRangeReversed(!onTop);
    const auto point = [onTop](double alongValue, double upValue) {
        return onTop ? QCPCurveData(0, alongValue, upValue) : QCPCurveData(0, upValue, alongValue);
    };
    for (std::size_t r = 0; r < m_data.merges.size(); ++r) {
        const Merge& merge = m_data.merges[r];
        const std::size_t node = std::size_t(k) + r;
        position[node] = (position[merge.first] + position[merge.second]) / 2.0;
        height[node] = merge.distance;
        auto* curve = new QCPCurve(onTop ? rect->axis(QCPAxis::atBottom) : rect->axis(QCPAxis::atBottom),
                                   rect->axis(QCPAxis::atLeft));
        QVector<QCPCurveData> points = {
            point(position[merge.first], height[merge.first]), point(position[merge.first], merge.distance),
            point(position[merge.second], merge.distance), point(position[merge.second], height[merge.second])};
        for (int i = 0; i < points.size(); ++i)
            points[i].t = i;
        curve->data()->set(points, true);
        curve->setPen(QPen(QColor(40, 40, 40), 0.8));
        curve->removeFromLegend();
        ++m_links;
    }
    for (int i = 0; i < k; ++i) {
        const int concept = int(order[std::size_t(i)]);
        const int group = concept < m_data.groups.size() ? m_data.groups[concept] : -1;
        if (group < 0)
            continue;
        auto* leaf = new QCPItemRect(m_plot);
        leaf->setClipAxisRect(rect);
        for (auto* corner : {leaf->topLeft, leaf->bottomRight})
            corner->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
        const double a0 = i - 0.42, a1 = i + 0.42, u0 = -top * 0.11, u1 = -top * 0.02;
        leaf->topLeft->setCoords(onTop ? a0 : u0, onTop ? u1 : a0);
        leaf->bottomRight->setCoords(onTop ? a1 : u1, onTop ? u0 : a1);
        leaf->setPen(Qt::NoPen);
        leaf->setBrush(Palette::category(group));
    }
}

QString SimilarityHeatmapView::csv() const
{
    // The matrix in dendrogram order, labelled as drawn.
    QString out = QStringLiteral("concept");
    for (const auto& label : m_leafLabels)
        out += QStringLiteral(",\"%1\"").arg(label);
    out += QLatin1Char('\n');
    for (std::size_t i = 0; i < m_order.size(); ++i) {
        out += QStringLiteral("\"%1\"").arg(m_leafLabels[int(i)]);
        for (std::size_t j = 0; j < m_order.size(); ++j)
            out += QLatin1Char(',') + QString::number(m_data.similarity[int(m_order[i])][int(m_order[j])], 'g', 8);
        out += QLatin1Char('\n');
    }
    return out;
}

}  // namespace nad
