#include "figures/UnitProfileView.h"

#include "Palette.h"
#include "QCustomPlotInclude.h"
#include "figures/ActivationGridView.h"

#include <QFontMetricsF>
#include <QMouseEvent>
#include <QPainter>
#include <QRegularExpression>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace nad {

namespace {

constexpr double kPointToPixel = 96.0 / 72.0;  // figures are laid out at 96 logical pixels per inch
constexpr double kMargin = 6.0;
constexpr double kKeptShare = 0.5;  // as UnitKeeping::conceptsKeeping counts a concept

QString number(double value)
{
    return QString::number(value, 'g', 3);
}

// The image in gray under the unit's map: the stronger the unit there, the more of the map's
// colour, so silent regions still show the image.
QImage overlay(const QImage& image, const ActivationMap& map)
{
    QImage out(map.width, map.height, QImage::Format_RGB32);
    const bool sameSize = image.width() == map.width && image.height() == map.height;
    for (int y = 0; y < map.height; ++y)
        for (int x = 0; x < map.width; ++x) {
            const double v = map.at(y, x);
            const double gray = sameSize ? qGray(image.pixel(x, y)) : 0.0;
            const QColor heat = Palette::sequential(v);
            const double a = 0.2 + 0.7 * v;
            out.setPixel(x, y,
                         qRgb(int(gray * (1 - a) + heat.red() * a), int(gray * (1 - a) + heat.green() * a),
                              int(gray * (1 - a) + heat.blue() * a)));
        }
    return out;
}

}  // namespace

UnitProfileView::UnitProfileView(QWidget* parent) : FigureView(parent)
{
    setMouseTracking(true);
    setAutoFillBackground(true);
    QPalette background = palette();
    background.setColor(QPalette::Window, Qt::white);
    setPalette(background);
    setMinimumSize(360, 260);
}

void UnitProfileView::setProfile(const UnitProfile& profile)
{
    m_profile = profile;
    m_hasProfile = true;
    m_message.clear();
    m_thumbnails.clear();
    for (std::size_t k = 0; k < profile.topImages.count() && k < profile.topMaps.size(); ++k)
        m_thumbnails << overlay(ActivationGridView::toImage(profile.topImages.subset({k})), profile.topMaps[k]);
    update();
}

void UnitProfileView::clear(const QString& message)
{
    m_profile = UnitProfile();
    m_hasProfile = false;
    m_message = message;
    m_thumbnails.clear();
    update();
}

QString UnitProfileView::topImageConcept(std::size_t rank) const
{
    const std::int64_t label = m_profile.topImages.labels[rank];
    const auto column = std::find(m_profile.classes.begin(), m_profile.classes.end(), label);
    return column == m_profile.classes.end()
               ? QString::number(label)
               : QString::fromStdString(m_profile.classNames[std::size_t(column - m_profile.classes.begin())]);
}

QStringList UnitProfileView::keptBy() const
{
    QStringList names;
    for (std::size_t c = 0; c < m_profile.keptShare.size(); ++c)
        if (m_profile.keptShare[c] >= kKeptShare)
            names << QString::fromStdString(m_profile.classNames[c]);
    return names;
}

QString UnitProfileView::figureId() const
{
    if (!m_hasProfile)
        return QStringLiteral("unit-profile");
    QString block = QString::fromStdString(m_profile.blockName);
    block.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]+")), QStringLiteral("_"));
    return QStringLiteral("unit-%1-%2").arg(block).arg(m_profile.unit);
}

QString UnitProfileView::titleText() const
{
    if (!m_hasProfile)
        return m_message.isEmpty() ? tr("Pick a block and a unit") : m_message;
    const int paths = int(
        std::count_if(m_profile.keptShare.begin(), m_profile.keptShare.end(), [](double share) { return share >= 0; }));
    return tr("%1 · unit %2 of %3 — kept by %4 of %5 concepts' paths")
        .arg(QString::fromStdString(m_profile.blockName))
        .arg(m_profile.unit)
        .arg(m_profile.units)
        .arg(keptBy().size())
        .arg(paths);
}

UnitProfileView::Layout UnitProfileView::layout(int width, int height, double pointToPixel) const
{
    Layout geometry;
    const QFontMetricsF metrics(m_style.font());
    const double line = metrics.height();
    geometry.title = QRectF(kMargin, kMargin, width - 2 * kMargin, m_style.fontPointSize * pointToPixel * 2.2);
    const int n = m_thumbnails.size();
    const double top = geometry.title.bottom() + kMargin;
    // The thumbnails take at most 46 % of the height; when the width limits them first, the strip
    // shrinks to what they need, so no gap is left above the chart.
    double stripHeight = 0;
    if (n > 0) {
        const int columns = n <= 8 ? n : (n + 1) / 2;
        const int rows = (n + columns - 1) / columns;
        const double slotWidth = (width - 2 * kMargin) / columns;
        const double side = std::max(8.0, std::min(slotWidth - 6.0, (height - top) * 0.46 / rows - line - 4.0));
        const double slotHeight = side + line + 4.0;
        stripHeight = rows * slotHeight;
        geometry.thumbnailSlot = slotWidth - 4.0;
        for (int k = 0; k < n; ++k) {
            const int r = k / columns, c = k % columns;
            const double x = kMargin + c * slotWidth + (slotWidth - side) / 2;
            geometry.thumbnails << QRectF(x, top + r * slotHeight, side, side);
        }
    }
    const std::size_t concepts = m_profile.classMeans.size();
    double labelWidth = 0;
    for (const auto& name : m_profile.classNames)
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(QString::fromStdString(name)));
    const double chartTop = top + stripHeight + line * 2.2;  // room for the legend
    const double axisWidth = metrics.horizontalAdvance(QStringLiteral("0.000")) + line * 1.6;
    const double chartWidth = width - kMargin - axisWidth - kMargin;
    const double slot = concepts > 0 ? chartWidth / double(concepts) : chartWidth;
    // Names fit under their bars, or are turned by 45° (then they need √½ of their width).
    geometry.rotatedLabels = labelWidth + 4 > slot;
    const double labelHeight = geometry.rotatedLabels ? labelWidth * 0.72 + line : line * 1.3;
    geometry.chart =
        QRectF(kMargin + axisWidth, chartTop, chartWidth, std::max(20.0, height - kMargin - labelHeight - chartTop));
    double largest = 0;
    for (float mean : m_profile.classMeans)
        largest = std::max(largest, double(mean));
    geometry.top = largest > 0 ? largest * 1.08 : 1.0;
    for (std::size_t c = 0; c < concepts; ++c) {
        const double value = std::max(0.0, double(m_profile.classMeans[c]));
        const double barHeight = geometry.chart.height() * value / geometry.top;
        geometry.bars << QRectF(geometry.chart.left() + slot * (double(c) + 0.15), geometry.chart.bottom() - barHeight,
                                slot * 0.7, barHeight);
    }
    return geometry;
}

void UnitProfileView::draw(QPainter& painter, int width, int height, double pointToPixel) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(QRectF(0, 0, width, height), Qt::white);
    const Layout geometry = layout(width, height, pointToPixel);
    painter.setPen(Qt::black);
    painter.setFont(m_style.font(1, true));
    painter.drawText(geometry.title, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, titleText());
    if (m_hasProfile) {
        drawThumbnails(painter, geometry, pointToPixel);
        drawChart(painter, geometry, pointToPixel);
    }
    painter.restore();
}

void UnitProfileView::drawThumbnails(QPainter& painter, const Layout& geometry, double) const
{
    painter.setFont(m_style.font(-0.5));
    const QFontMetricsF metrics(painter.font());
    for (int k = 0; k < m_thumbnails.size(); ++k) {
        const QRectF& cell = geometry.thumbnails[k];
        painter.drawImage(cell, m_thumbnails[k]);
        painter.setPen(QPen(QColor(120, 120, 120), 0.6));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(cell);
        const QString name = topImageConcept(std::size_t(k));
        const QString caption =
            metrics.elidedText(QStringLiteral("%1 · %2").arg(name, number(m_profile.topResponses[std::size_t(k)])),
                               Qt::ElideRight, geometry.thumbnailSlot);
        painter.setPen(Qt::black);
        painter.drawText(QRectF(cell.center().x() - geometry.thumbnailSlot / 2, cell.bottom() + 1,
                                geometry.thumbnailSlot, metrics.height()),
                         Qt::AlignHCenter | Qt::AlignTop, caption);
    }
}

void UnitProfileView::drawChart(QPainter& painter, const Layout& geometry, double pointToPixel) const
{
    const QRectF& chart = geometry.chart;
    const QColor colour = Palette::category(1);
    const QPen axisPen(Qt::black, m_style.lineWidth * 0.6 * pointToPixel);
    painter.setFont(m_style.font());
    const QFontMetricsF metrics(painter.font());
    // Value axis with three ticks, and its label.
    painter.setPen(axisPen);
    painter.drawLine(chart.bottomLeft(), chart.topLeft());
    painter.drawLine(chart.bottomLeft(), chart.bottomRight());
    for (double fraction : {0.0, 0.5, 1.0}) {
        const double y = chart.bottom() - fraction * chart.height() * (geometry.top > 0 ? 1.0 / 1.08 : 1.0);
        const double value = fraction * geometry.top / 1.08;
        painter.drawLine(QPointF(chart.left() - 3, y), QPointF(chart.left(), y));
        painter.drawText(QRectF(kMargin, y - metrics.height() / 2, chart.left() - kMargin - 5, metrics.height()),
                         Qt::AlignRight | Qt::AlignVCenter, number(value));
    }
    painter.save();
    painter.translate(kMargin + metrics.height() * 0.5, chart.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-chart.height() / 2, -metrics.height() / 2, chart.height(), metrics.height()),
                     Qt::AlignCenter, tr("mean response"));
    painter.restore();

    for (int c = 0; c < geometry.bars.size(); ++c) {
        const double share = m_profile.keptShare[std::size_t(c)];
        QPen pen(colour, m_style.lineWidth * pointToPixel);
        if (share < 0)
            pen = QPen(QColor(150, 150, 150), m_style.lineWidth * pointToPixel, Qt::DashLine);
        painter.setPen(pen);
        painter.setBrush(share >= kKeptShare ? QBrush(colour) : QBrush(Qt::white));
        painter.drawRect(geometry.bars[c]);
        const QString name = QString::fromStdString(m_profile.classNames[std::size_t(c)]);
        const QRectF& bar = geometry.bars[c];
        const double slot = bar.width() / 0.7;
        painter.setPen(Qt::black);
        if (!geometry.rotatedLabels) {
            painter.drawText(QRectF(bar.center().x() - slot / 2, chart.bottom() + 2, slot, metrics.height()),
                             Qt::AlignHCenter | Qt::AlignTop, name);
        } else {
            painter.save();
            painter.translate(bar.center().x(), chart.bottom() + 4);
            painter.rotate(-45);
            painter.drawText(
                QRectF(-metrics.horizontalAdvance(name) - 2, 0, metrics.horizontalAdvance(name) + 2, metrics.height()),
                Qt::AlignRight | Qt::AlignTop, name);
            painter.restore();
        }
    }
    // Legend above the chart, right-aligned.
    const double box = metrics.height() * 0.7;
    const QString kept = tr("kept by the concept's path"), dropped = tr("dropped by it");
    double x = chart.right() - metrics.horizontalAdvance(kept) - metrics.horizontalAdvance(dropped) - 4 * box - 12;
    const double y = chart.top() - metrics.height() * 1.6;
    for (int entry = 0; entry < 2; ++entry) {
        painter.setPen(QPen(colour, m_style.lineWidth * pointToPixel));
        painter.setBrush(entry == 0 ? QBrush(colour) : QBrush(Qt::white));
        painter.drawRect(QRectF(x, y + (metrics.height() - box) / 2, box, box));
        x += box * 1.5;
        const QString& text = entry == 0 ? kept : dropped;
        painter.setPen(Qt::black);
        painter.drawText(QRectF(x, y, metrics.horizontalAdvance(text) + 2, metrics.height()), Qt::AlignLeft, text);
        x += metrics.horizontalAdvance(text) + box * 2;
    }
}

QString UnitProfileView::readOutAt(const QPoint& widgetPixel) const
{
    if (!m_hasProfile)
        return {};
    const Layout geometry = layout(width(), height(), kPointToPixel);
    for (int k = 0; k < geometry.thumbnails.size(); ++k)
        if (geometry.thumbnails[k].contains(widgetPixel)) {
            const QString name = topImageConcept(std::size_t(k));
            return tr("#%1: held-out image %2 (%3), response %4")
                .arg(k + 1)
                .arg(m_profile.topImageIndices[std::size_t(k)])
                .arg(name, number(m_profile.topResponses[std::size_t(k)]));
        }
    for (int c = 0; c < geometry.bars.size(); ++c) {
        QRectF column = geometry.bars[c];
        column.setTop(geometry.chart.top());
        if (column.contains(widgetPixel)) {
            const double share = m_profile.keptShare[std::size_t(c)];
            const QString kept =
                share < 0 ? tr("no path") : tr("kept in %1 % of its paths").arg(std::lround(100 * share));
            return tr("%1: mean response %2, %3")
                .arg(QString::fromStdString(m_profile.classNames[std::size_t(c)]),
                     number(m_profile.classMeans[std::size_t(c)]), kept);
        }
    }
    return {};
}

QString UnitProfileView::csv() const
{
    QString out = QStringLiteral("section,rank,held_out_image,concept,response,kept_share\n");
    if (!m_hasProfile)
        return out;
    for (std::size_t k = 0; k < m_profile.topImageIndices.size(); ++k) {
        const QString name = topImageConcept(std::size_t(k));
        out += QStringLiteral("top,%1,%2,%3,%4,\n")
                   .arg(k + 1)
                   .arg(m_profile.topImageIndices[k])
                   .arg(csvField(name))
                   .arg(double(m_profile.topResponses[k]), 0, 'g', 6);
    }
    for (std::size_t c = 0; c < m_profile.classMeans.size(); ++c) {
        const double share = m_profile.keptShare[c];
        out += QStringLiteral("concept,,,%1,%2,%3\n")
                   .arg(csvField(QString::fromStdString(m_profile.classNames[c])))
                   .arg(double(m_profile.classMeans[c]), 0, 'g', 6)
                   .arg(share < 0 ? QString() : QString::number(share, 'g', 6));
    }
    return out;
}

void UnitProfileView::setFigureStyle(const FigureStyle& style)
{
    m_style = style;
    update();
}

void UnitProfileView::renderFigure(QCPPainter* painter, int width, int height)
{
    draw(*painter, width, height, kPointToPixel);
}

void UnitProfileView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    draw(painter, width(), height(), kPointToPixel);
}

void UnitProfileView::mouseMoveEvent(QMouseEvent* event)
{
    const QString text = readOutAt(event->position().toPoint());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, this);
    FigureView::mouseMoveEvent(event);
}

}  // namespace nad
