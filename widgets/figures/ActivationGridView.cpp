#include "figures/ActivationGridView.h"

#include "Palette.h"
#include "QCustomPlotInclude.h"

#include <QPainter>

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

void ActivationGridView::rebuildCells()
{
    m_cells.clear();
    const QColor highlight(255, 200, 40);
    for (const Row& row : m_rows) {
        QVector<QImage> cells;
        for (const ActivationMap& map : row.maps) {
            QImage cell(map.width, map.height, QImage::Format_RGB32);
            const bool sameSize = map.width == m_input.width() && map.height == m_input.height();
            const auto mask =
                m_mode == Mode::TopPercent ? map.topPercentMask(m_topPercent) : std::vector<std::uint8_t>();
            for (int y = 0; y < map.height; ++y)
                for (int x = 0; x < map.width; ++x) {
                    const int gray = sameSize ? qGray(m_input.pixel(x, y)) : 0;
                    QColor colour;
                    if (m_mode == Mode::TopPercent) {
                        // The paper's view: the kept pixels bright over a dark copy of the image.
                        const bool kept = mask[std::size_t(y) * std::size_t(map.width) + std::size_t(x)];
                        colour = kept ? QColor(std::min(255, highlight.red() * 3 / 5 + gray * 2 / 5),
                                               std::min(255, highlight.green() * 3 / 5 + gray * 2 / 5),
                                               std::min(255, highlight.blue() * 3 / 5 + gray * 2 / 5))
                                      : QColor(gray / 5, gray / 5, gray / 5);
                    } else {
                        const QColor heat = Palette::sequential(map.at(y, x));
                        colour = QColor((heat.red() * 7 + gray * 3) / 10, (heat.green() * 7 + gray * 3) / 10,
                                        (heat.blue() * 7 + gray * 3) / 10);
                    }
                    cell.setPixel(x, y, colour.rgb());
                }
            cells << cell;
        }
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
    return {width, 4.5 + (cell * aspect + gap) * std::max(1, rowCount()) + 4.5};
}

void ActivationGridView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    paint(painter, width(), height());
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
    g.footer = smallLineHeight + 2;
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
    return geometry(screenLabelWidth(), small.height(), width(), height()).cell(row, column);
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
    const QString shows = m_mode == Mode::TopPercent
                              ? tr("top %1 % activated pixels per block").arg(m_topPercent, 0, 'g', 3)
                              : tr("activation (channel sum, min-max normalized) per block");
    painter.drawText(QRectF(labelWidth, bottom, width - labelWidth, footer), Qt::AlignLeft | Qt::AlignTop,
                     shows + QStringLiteral("; ") + m_tileLabels.join(QStringLiteral(", ")));
}

QString ActivationGridView::csv() const
{
    // Per row and block: the hit rate of the top-k % pixels on the row's tile.
    QString out = QStringLiteral("row,tile,block,block_name,top_percent,hit_rate\n");
    for (const Row& row : m_rows) {
        for (std::size_t b = 0; b < row.maps.size(); ++b) {
            const ActivationMap& map = row.maps[b];
            const bool sized = map.height == m_composite.image.height && map.width == m_composite.image.width;
            const QString rate =
                row.tile >= 0 && sized
                    ? QString::number(map.hitRate(map.topPercentMask(m_topPercent), m_composite, row.tile), 'g', 6)
                    : QString();
            out += QStringLiteral("\"%1\",%2,%3,\"%4\",%5,%6\n")
                       .arg(row.label)
                       .arg(row.tile)
                       .arg(b + 1)
                       .arg(m_blockNames.value(int(b)))
                       .arg(m_topPercent)
                       .arg(rate);
        }
    }
    return out;
}

}  // namespace nad
