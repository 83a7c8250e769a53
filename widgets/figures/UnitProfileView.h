#pragma once

#include "analysis/UnitProfile.h"
#include "figures/FigureView.h"

#include <QImage>
#include <QRectF>
#include <QVector>

namespace nad {

// One unit as a figure (the unit explorer's, and `nad units`'): on top the held-out images it
// responds to most, each with the unit's map over it on one shared scale (where in the image
// it fires, and how strongly against the others); below, its mean response per concept as
// bars, filled where the concept's path keeps the unit (in at least half of its
// initializations), hollow where it drops it. Hovering a thumbnail or a bar reads it out.
class UnitProfileView : public FigureView
{
    Q_OBJECT
public:
    explicit UnitProfileView(QWidget* parent = nullptr);

    void setProfile(const UnitProfile& profile);
    void clear(const QString& message = QString());
    bool hasProfile() const { return m_hasProfile; }
    const UnitProfile& profile() const { return m_profile; }
    // The thumbnail of top image `rank` as drawn: the image in gray under the unit's map.
    QImage thumbnail(int rank) const { return m_thumbnails.value(rank); }
    // Concepts whose paths keep the unit in at least half of their initializations.
    QStringList keptBy() const;
    // What lies under a widget pixel (a thumbnail's rank or a bar's concept), as a sentence; empty
    // between them. The hover read-out shows it.
    QString readOutAt(const QPoint& widgetPixel) const;

    QString figureId() const override;
    QString csv() const override;
    void setFigureStyle(const FigureStyle& style) override;
    QSizeF defaultSizeMm() const override { return {170.0, 95.0}; }
    void renderFigure(QCPPainter* painter, int width, int height) override;
    QSize sizeHint() const override { return {720, 480}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    struct Layout
    {
        QRectF title;
        QVector<QRectF> thumbnails;
        double thumbnailSlot = 0;  // width each thumbnail's caption may take
        QRectF chart;              // the bars' plotting area (without axis labels)
        QVector<QRectF> bars;
        double top = 1;              // the chart's value at its upper edge
        bool rotatedLabels = false;  // concept names turned by 45° (all of them, when one does not fit)
    };
    Layout layout(int width, int height, double pointToPixel) const;
    void draw(QPainter& painter, int width, int height, double pointToPixel) const;
    void drawThumbnails(QPainter& painter, const Layout& geometry, double pointToPixel) const;
    void drawChart(QPainter& painter, const Layout& geometry, double pointToPixel) const;
    QString titleText() const;
    // The concept (class name) of top image `rank`.
    QString topImageConcept(std::size_t rank) const;

    UnitProfile m_profile;
    bool m_hasProfile = false;
    QString m_message;
    QVector<QImage> m_thumbnails;
};

}  // namespace nad
