#include "figures/ActivationGridView.h"

#include "Palette.h"
#include "QCustomPlotInclude.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>

namespace nad {
// Row colours: grey for the original network, then the palette (the same order as the tiles).
QColor ActivationGridView::rowColour(int row)
{
    return row == 0 ? QColor(90, 90, 90) : Palette::category(row - 1);
}

ActivationGridView::ActivationGridView(QWidget* parent) : FigureView(parent)
{
    setMinimumSize(480, 200);
    setFocusPolicy(Qt::ClickFocus);  // 0 resets the zoom
    setAutoFillBackground(true);
    QPalette background = palette();
    background.setColor(QPalette::Window, Qt::white);
    setPalette(background);
}

QImage ActivationGridView::toImage(const ImageSet& image)
{
    QImage out(image.width, image.height, QImage::Format_RGB32);
    const std::size_t plane = std::size_t(image.height) * std::size_t(image.width);
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) {
            const std::size_t p = std::size_t(y) * std::size_t(image.width) + std::size_t(x);
            const int r = image.pixels[p];
            const int g = image.channels >= 3 ? image.pixels[plane + p] : r;
            const int b = image.channels >= 3 ? image.pixels[2 * plane + p] : r;
            out.setPixel(x, y, qRgb(r, g, b));
        }
    return out;
}

void ActivationGridView::setData(const CompositeImage& composite, const QStringList& tileLabels,
                                 const QStringList& blockNames, const QVector<Row>& rows)
{
    m_composite = composite;
    m_input = toImage(composite.image);
    m_tileLabels = tileLabels;
    m_blockNames = blockNames;
    m_rows = rows;
    rebuildCells();
}

void ActivationGridView::setMode(Mode mode)
{
    m_mode = mode;
    rebuildCells();
}

void ActivationGridView::setTopPercent(double percent)
{
    m_topPercent = percent;
    rebuildCells();
}

void ActivationGridView::setFigureStyle(const FigureStyle& style)
{
    m_style = style;
    update();
}

QImage ActivationGridView::cellImage(int row, int block) const
{
    return m_cells.value(row).value(block);
}

bool ActivationGridView::isWholeNetwork(int row, int block) const
{
    if (row < 0 || row >= m_rows.size() || block < 0)
        return false;
    const auto& kept = m_rows[row].keptShare;
    return std::size_t(block) < kept.size() && kept[std::size_t(block)] >= kWholeNetworkShare;
}

double ActivationGridView::relativeDifference(const ActivationMap& path, const ActivationMap& original, int y, int x)
{
    // Both maps back in raw channel sums (ActivationMap: raw = rawMin + v · (rawMax − rawMin)),
    // compared in the original's range, so a path that barely changes the block stays white.
    const double range = double(original.rawMax) - double(original.rawMin);
    if (!(range > 0))
        return 0.0;
    const double pathRaw = path.rawMin + double(path.at(y, x)) * (double(path.rawMax) - double(path.rawMin));
    const double originalRaw = original.rawMin + double(original.at(y, x)) * range;
    return std::clamp((pathRaw - originalRaw) / range, -1.0, 1.0);
}

namespace {

QColor blend(const QColor& colour, int gray, int colourTenths)
{
    return QColor((colour.red() * colourTenths + gray * (10 - colourTenths)) / 10,
                  (colour.green() * colourTenths + gray * (10 - colourTenths)) / 10,
                  (colour.blue() * colourTenths + gray * (10 - colourTenths)) / 10);
}

// The paper's view: the kept pixels bright over a dark copy of the image.
QColor topPercentColour(bool kept, int gray)
{
    const QColor highlight(255, 200, 40);
    return kept ? QColor(std::min(255, highlight.red() * 3 / 5 + gray * 2 / 5),
                         std::min(255, highlight.green() * 3 / 5 + gray * 2 / 5),
                         std::min(255, highlight.blue() * 3 / 5 + gray * 2 / 5))
                : QColor(gray / 5, gray / 5, gray / 5);
}

}  // namespace

QImage ActivationGridView::renderCell(int row, int block) const
{
    const ActivationMap& map = m_rows[row].maps[std::size_t(block)];
    QImage cell(map.width, map.height, QImage::Format_RGB32);
    const bool sameSize = map.width == m_input.width() && map.height == m_input.height();
    const auto mask = m_mode == Mode::TopPercent ? map.topPercentMask(m_topPercent) : std::vector<std::uint8_t>();
    // Difference mode compares with the original's map (row 0) of the same size.
    const ActivationMap* original = nullptr;
    if (m_mode == Mode::Difference && row > 0 && std::size_t(block) < m_rows[0].maps.size()) {
        const ActivationMap& candidate = m_rows[0].maps[std::size_t(block)];
        if (candidate.width == map.width && candidate.height == map.height)
            original = &candidate;
    }
    for (int y = 0; y < map.height; ++y)
        for (int x = 0; x < map.width; ++x) {
            const int gray = sameSize ? qGray(m_input.pixel(x, y)) : 0;
            QColor colour;
            if (m_mode == Mode::TopPercent)
                colour = topPercentColour(mask[std::size_t(y) * std::size_t(map.width) + std::size_t(x)] != 0, gray);
            else if (original)
                colour = blend(Palette::diverging(relativeDifference(map, *original, y, x)), gray, 8);
            else
                colour = blend(Palette::sequential(map.at(y, x)), gray, 7);
            cell.setPixel(x, y, colour.rgb());
        }
    return cell;
}

void ActivationGridView::rebuildCells()
{
    m_cells.clear();
    for (int r = 0; r < m_rows.size(); ++r) {
        QVector<QImage> cells;
        for (std::size_t b = 0; b < m_rows[r].maps.size(); ++b)
            cells << renderCell(r, int(b));
        m_cells << cells;
    }
    update();
}

QSizeF ActivationGridView::defaultSizeMm() const
{
    // Double column; the height follows from square cells.
    const double width = 175.0;
    const double label = 24.0;
    const double gap = 2.0 * 25.4 / 96.0;
    const double cell = (width - label) / std::max(1, columnCount()) - gap;
    const double aspect = m_input.isNull() ? 1.0 : double(m_input.height()) / m_input.width();
    return {width, 4.5 + (cell * aspect + gap) * std::max(1, rowCount()) + 11.0};
}

void ActivationGridView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.save();
    painter.translate(m_pan);
    painter.scale(m_zoom, m_zoom);
    paint(painter, width(), height());
    painter.restore();
    if (m_highlightedBlock >= 0 && m_highlightedBlock + 1 < columnCount() && !m_rows.isEmpty()) {
        const QRectF column =
            cellRect(0, m_highlightedBlock + 1).united(cellRect(rowCount() - 1, m_highlightedBlock + 1));
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(column.adjusted(-1.5, -1.5, 1.5, 1.5));
    }
}

void ActivationGridView::setHighlightedBlock(int block)
{
    m_highlightedBlock = block;
    update();
}

void ActivationGridView::renderFigure(QCPPainter* painter, int width, int height)
{
    painter->fillRect(QRect(0, 0, width, height), Qt::white);
    paint(*painter, width, height);
}

QRectF ActivationGridView::Geometry::cell(int row, int column) const
{
    return {labelWidth + column * (cellWidth + gap), header + 2 + row * (cellHeight + gap), cellWidth, cellHeight};
}

ActivationGridView::Geometry ActivationGridView::geometry(double labelWidth, double smallLineHeight, int width,
                                                          int height) const
{
    // One place for the layout, so painting and hit testing agree.
    Geometry g;
    g.labelWidth = labelWidth + 8;
    g.header = smallLineHeight + 3;
    g.footer = 3 * smallLineHeight + 2;  // the caption: what the cells show (wrapped), then the tiles
    const int columns = columnCount();
    const int rows = std::max(1, int(m_rows.size()));
    const double aspect = double(m_input.height()) / std::max(1, m_input.width());
    g.cellWidth = (width - g.labelWidth - g.gap * columns) / columns;
    g.cellWidth = std::min(g.cellWidth, (height - g.header - g.footer - g.gap * rows) / rows / aspect);
    g.cellHeight = g.cellWidth * aspect;
    return g;
}

double ActivationGridView::screenLabelWidth() const
{
    const QFontMetricsF metrics(m_style.font(), const_cast<ActivationGridView*>(this));
    double labelWidth = 0;
    for (const Row& row : m_rows)
        labelWidth =
            std::max(labelWidth, metrics.boundingRect(QRectF(0, 0, 2000, 200), Qt::AlignLeft, row.label).width());
    return labelWidth;
}

QRectF ActivationGridView::cellRect(int row, int column) const
{
    if (m_rows.isEmpty() || row < 0 || row >= m_rows.size() || column < 0 || column >= columnCount())
        return {};
    const QFontMetricsF small(m_style.font(-1.5), const_cast<ActivationGridView*>(this));
    const QRectF cell = geometry(screenLabelWidth(), small.height(), width(), height()).cell(row, column);
    return QRectF(cell.topLeft() * m_zoom + m_pan, cell.size() * m_zoom);
}

void ActivationGridView::zoomAt(const QPointF& widgetPixel, double factor)
{
    const double zoom = std::clamp(m_zoom * factor, 1.0, 8.0);
    // The drawing's point under the cursor stays under it.
    const QPointF drawn = (widgetPixel - m_pan) / m_zoom;
    m_zoom = zoom;
    m_pan = widgetPixel - drawn * m_zoom;
    clampPan();
    update();
}

void ActivationGridView::resetView()
{
    m_zoom = 1.0;
    m_pan = QPointF();
    update();
}

void ActivationGridView::clampPan()
{
    // The drawing always covers the widget: no empty margin beyond its edges.
    m_pan.setX(std::clamp(m_pan.x(), width() * (1.0 - m_zoom), 0.0));
    m_pan.setY(std::clamp(m_pan.y(), height() * (1.0 - m_zoom), 0.0));
}

void ActivationGridView::wheelEvent(QWheelEvent* event)
{
    // Ctrl + wheel zooms; the plain wheel still scrolls the browser's scroll area.
    if (!(event->modifiers() & Qt::ControlModifier)) {
        event->ignore();
        return;
    }
    zoomAt(event->position(), std::pow(1.25, event->angleDelta().y() / 120.0));
    event->accept();
}

void ActivationGridView::mousePressEvent(QMouseEvent* event)
{
    m_dragFrom = event->position();
    setFocus(Qt::MouseFocusReason);
    FigureView::mousePressEvent(event);
}

void ActivationGridView::mouseMoveEvent(QMouseEvent* event)
{
    if ((event->buttons() & Qt::LeftButton) && m_zoom > 1.0) {
        m_pan += event->position() - m_dragFrom;
        m_dragFrom = event->position();
        clampPan();
        update();
    }
    FigureView::mouseMoveEvent(event);
}

void ActivationGridView::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_0 && event->modifiers() == Qt::NoModifier)
        resetView();
    else
        FigureView::keyPressEvent(event);
}

bool ActivationGridView::cellAt(const QPoint& widgetPixel, int* row, int* column, QPoint* imagePixel) const
{
    if (m_rows.isEmpty() || m_input.isNull())
        return false;
    for (int r = 0; r < m_rows.size(); ++r)
        for (int c = 0; c < columnCount(); ++c) {
            const QRectF cell = cellRect(r, c);
            if (!cell.contains(widgetPixel))
                continue;
            if (row)
                *row = r;
            if (column)
                *column = c;
            if (imagePixel) {
                const int x = int((widgetPixel.x() + 0.5 - cell.left()) / cell.width() * m_input.width());
                const int y = int((widgetPixel.y() + 0.5 - cell.top()) / cell.height() * m_input.height());
                *imagePixel = QPoint(std::clamp(x, 0, m_input.width() - 1), std::clamp(y, 0, m_input.height() - 1));
            }
            return true;
        }
    return false;
}

void ActivationGridView::paint(QPainter& painter, int width, int height) const
{
    if (m_rows.isEmpty()) {
        painter.setFont(m_style.font());
        painter.drawText(QRect(0, 0, width, height), Qt::AlignCenter, tr("No activation maps yet"));
        return;
    }
    const QFont font = m_style.font();
    const QFont small = m_style.font(-1.5);
    const QFontMetricsF smallMetrics(small, painter.device());
    // Measured by the painter itself, so the labels fit on every device and transform.
    painter.setFont(font);
    double labelWidth = 0;
    for (const Row& row : m_rows)
        labelWidth =
            std::max(labelWidth, painter.boundingRect(QRectF(0, 0, 2000, 200), Qt::AlignLeft, row.label).width());
    const Geometry g = geometry(labelWidth, smallMetrics.height(), width, height);
    labelWidth = g.labelWidth;
    const double header = g.header, footer = g.footer, gap = g.gap, cellWidth = g.cellWidth, cellHeight = g.cellHeight;
    const int columns = columnCount();

    // Column headers: "input", then the block numbers (names in the CSV and the caption).
    painter.setPen(Qt::black);
    painter.setFont(small);
    for (int c = 0; c < columns; ++c) {
        const QRectF box(labelWidth + c * (cellWidth + gap), 0, cellWidth, header);
        painter.drawText(box, Qt::AlignHCenter | Qt::AlignBottom, c == 0 ? tr("input") : QString::number(c));
    }
    for (int r = 0; r < m_rows.size(); ++r) {
        const Row& row = m_rows[r];
        const double top = header + 2 + r * (cellHeight + gap);
        painter.setFont(font);
        painter.setPen(rowColour(r));
        painter.drawText(QRectF(0, top, labelWidth - 6, cellHeight), Qt::AlignRight | Qt::AlignVCenter, row.label);
        for (int c = 0; c < columns; ++c) {
            const QRectF cell(labelWidth + c * (cellWidth + gap), top, cellWidth, cellHeight);
            const QImage& image = c == 0 ? m_input : m_cells.value(r).value(c - 1);
            // Nearest-neighbour scaling keeps the pixels of a 28-pixel input honest.
            painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
            painter.drawImage(cell, image);
            if (c > 0 && isWholeNetwork(r, c - 1))
                drawWholeNetworkMark(painter, cell, small);
            if (row.tile >= 0 && row.tile < m_composite.tileCount()) {
                const int tileRow = row.tile / m_composite.cols;
                const int tileCol = row.tile % m_composite.cols;
                const QRectF tile(cell.left() + cell.width() * tileCol / m_composite.cols,
                                  cell.top() + cell.height() * tileRow / m_composite.rows,
                                  cell.width() / m_composite.cols, cell.height() / m_composite.rows);
                painter.setPen(QPen(rowColour(r), std::max(0.8, cellWidth / 45.0)));
                painter.setBrush(Qt::NoBrush);
                painter.drawRect(tile.adjusted(0.5, 0.5, -0.5, -0.5));
            }
        }
    }
    // Caption line: what the cells show.
    painter.setFont(small);
    painter.setPen(QColor(60, 60, 60));
    const double bottom = header + 2 + m_rows.size() * (cellHeight + gap);
    painter.drawText(QRectF(labelWidth, bottom, width - labelWidth, footer),
                     Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, captionText());
}

QString ActivationGridView::captionText() const
{
    QString shows = m_mode == Mode::TopPercent ? tr("top %1 % activated pixels per block").arg(m_topPercent, 0, 'g', 3)
                    : m_mode == Mode::HeatMap
                        ? tr("activation (channel sum, min-max normalized) per block")
                        : tr("path − original channel sum, in the original's range (blue less, red more)");
    bool anyWhole = false;
    for (int r = 1; r < m_rows.size() && !anyWhole; ++r)
        for (int b = 0; b < m_blockNames.size() && !anyWhole; ++b)
            anyWhole = isWholeNetwork(r, b);
    if (anyWhole)
        shows += tr("; = the path keeps ≥ 99 % of the units (the original network)");
    return shows + QLatin1Char('\n') + m_tileLabels.join(QStringLiteral(", "));
}

void ActivationGridView::drawWholeNetworkMark(QPainter& painter, const QRectF& cell, const QFont& font) const
{
    // A small white badge with "=" in the cell's top-right corner, readable over any map.
    const QFontMetricsF metrics(font, painter.device());
    const double side = std::min(cell.width() / 5.0, metrics.height() * 0.9);
    const QRectF badge(cell.right() - side, cell.top(), side, side);
    painter.save();
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(255, 255, 255, 225));
    painter.drawRect(badge);
    painter.setPen(QColor(40, 40, 40));
    painter.setFont(font);
    painter.drawText(badge, Qt::AlignCenter, QStringLiteral("="));
    painter.restore();
}

QString ActivationGridView::csv() const
{
    // Per row and block: the hit rate of the top-k % pixels on the row's tile.
    QString out = QStringLiteral("row,tile,block,block_name,top_percent,hit_rate,kept_share,whole_network\n");
    for (const Row& row : m_rows) {
        for (std::size_t b = 0; b < row.maps.size(); ++b) {
            const ActivationMap& map = row.maps[b];
            const bool sized = map.height == m_composite.image.height && map.width == m_composite.image.width;
            const QString rate =
                row.tile >= 0 && sized
                    ? QString::number(m_composite.hitRate(map.topPercentMask(m_topPercent), row.tile), 'g', 6)
                    : QString();
            const QString kept = b < row.keptShare.size() ? QString::number(row.keptShare[b], 'g', 6) : QString();
            out += QStringLiteral("\"%1\",%2,%3,\"%4\",%5,%6,%7,%8\n")
                       .arg(row.label)
                       .arg(row.tile)
                       .arg(b + 1)
                       .arg(m_blockNames.value(int(b)))
                       .arg(m_topPercent)
                       .arg(rate, kept)
                       .arg(kept.isEmpty()
                                ? QString()
                                : QString::number(b < row.keptShare.size() && row.keptShare[b] >= kWholeNetworkShare));
        }
    }
    return out;
}

}  // namespace nad
