#include "ActivationComparisonStrip.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace nad {
namespace {

constexpr double kGap = 10;    // between panels
constexpr double kMargin = 6;  // around the strip

}  // namespace

ActivationComparisonStrip::ActivationComparisonStrip(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setAutoFillBackground(true);
    QPalette background = palette();
    background.setColor(QPalette::Window, Qt::white);
    background.setColor(QPalette::WindowText, Qt::black);
    setPalette(background);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void ActivationComparisonStrip::setPanels(const QString& caption, const QVector<Panel>& panels, int tileRows,
                                          int tileCols)
{
    m_caption = caption;
    m_panels = panels;
    m_tileRows = std::max(1, tileRows);
    m_tileCols = std::max(1, tileCols);
    updateGeometry();
    update();
}

QSize ActivationComparisonStrip::sizeHint() const
{
    const int panels = std::max(1, int(m_panels.size()));
    return {int(panels * (220 + kGap) + 2 * kMargin), int(220 + captionHeight() + labelHeight() + 2 * kMargin)};
}

int ActivationComparisonStrip::idealHeight(int width) const
{
    const int n = std::max(1, int(m_panels.size()));
    const QImage first = m_panels.isEmpty() ? QImage() : m_panels.front().image;
    const double aspect = first.isNull() ? 1.0 : double(first.height()) / std::max(1, first.width());
    const double side = std::min<double>(kLargest, (width - 2 * kMargin - kGap * (n - 1)) / n);
    return int(std::ceil(side * aspect + captionHeight() + labelHeight() + 2 * kMargin));
}

double ActivationComparisonStrip::captionHeight() const
{
    return fontMetrics().height() + 4;
}

double ActivationComparisonStrip::labelHeight() const
{
    return fontMetrics().height() + 2;
}

QRectF ActivationComparisonStrip::imageRect(int index) const
{
    if (index < 0 || index >= m_panels.size())
        return {};
    // Equal panels as large as the width and height allow, centred as a group.
    const int n = m_panels.size();
    const QImage& first = m_panels.front().image;
    const double aspect = first.isNull() ? 1.0 : double(first.height()) / std::max(1, first.width());
    const double top = kMargin + captionHeight() + labelHeight();
    const double availableWidth = (width() - 2 * kMargin - kGap * (n - 1)) / n;
    const double availableHeight = height() - top - kMargin;
    const double side = std::max(1.0, std::min({availableWidth, availableHeight / aspect, double(kLargest) * 1.5}));
    const double groupWidth = n * side + (n - 1) * kGap;
    const double left = (width() - groupWidth) / 2.0;
    return {left + index * (side + kGap), top, side, side * aspect};
}

int ActivationComparisonStrip::panelAt(const QPoint& widgetPixel, QPoint* imagePixel) const
{
    for (int i = 0; i < m_panels.size(); ++i) {
        const QRectF rect = imageRect(i);
        const QImage& image = m_panels[i].image;
        if (image.isNull() || !rect.contains(widgetPixel))
            continue;
        if (imagePixel) {
            const int x = int((widgetPixel.x() + 0.5 - rect.left()) / rect.width() * image.width());
            const int y = int((widgetPixel.y() + 0.5 - rect.top()) / rect.height() * image.height());
            *imagePixel = QPoint(std::clamp(x, 0, image.width() - 1), std::clamp(y, 0, image.height() - 1));
        }
        return i;
    }
    return -1;
}

void ActivationComparisonStrip::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    if (m_panels.isEmpty()) {
        painter.setPen(palette().color(QPalette::Disabled, QPalette::WindowText));
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                         tr("Choose concepts for the tiles, or drop image files here, to see their activation maps"));
        return;
    }
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(Qt::black);
    painter.drawText(QRectF(kMargin, kMargin, width() - 2 * kMargin, captionHeight()), Qt::AlignHCenter | Qt::AlignTop,
                     m_caption);
    for (int i = 0; i < m_panels.size(); ++i) {
        const Panel& panel = m_panels[i];
        const QRectF image = imageRect(i);
        painter.setFont(bold);
        painter.setPen(panel.colour);
        const QRectF labelBox(image.left(), image.top() - labelHeight(), image.width(), labelHeight());
        painter.drawText(labelBox, Qt::AlignHCenter | Qt::AlignBottom,
                         fontMetrics().elidedText(panel.label, Qt::ElideRight, int(image.width())));
        // Nearest neighbour: a 28-pixel tile stays visibly pixelated rather than blurred.
        painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
        painter.drawImage(image, panel.image);
        // Faint tile boundaries on every panel, the concept's own tile outlined in its colour.
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setPen(QPen(QColor(255, 255, 255, 90), 1, Qt::DashLine));
        for (int c = 1; c < m_tileCols; ++c) {
            const double x = image.left() + image.width() * c / m_tileCols;
            painter.drawLine(QPointF(x, image.top()), QPointF(x, image.bottom()));
        }
        for (int r = 1; r < m_tileRows; ++r) {
            const double y = image.top() + image.height() * r / m_tileRows;
            painter.drawLine(QPointF(image.left(), y), QPointF(image.right(), y));
        }
        if (panel.tile >= 0 && panel.tile < m_tileRows * m_tileCols) {
            const int row = panel.tile / m_tileCols;
            const int col = panel.tile % m_tileCols;
            const QRectF tile(image.left() + image.width() * col / m_tileCols,
                              image.top() + image.height() * row / m_tileRows, image.width() / m_tileCols,
                              image.height() / m_tileRows);
            painter.setPen(QPen(panel.colour, 2.5));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(tile.adjusted(1.25, 1.25, -1.25, -1.25));
        }
        painter.setRenderHint(QPainter::Antialiasing, false);
    }
}

}  // namespace nad
