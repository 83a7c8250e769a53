#pragma once

#include <QColor>
#include <QImage>
#include <QString>
#include <QVector>
#include <QWidget>

namespace nad {

// Large side-by-side panels of one block's activation maps (the input, the original network,
// then each concept's path), so the maps of the selected block can be compared at a size
// where the pixels are visible. Dumb: it draws the images it is given (the ActivationBrowser
// takes them from its ActivationGridView, so mode and top-k % match the grid).
class ActivationComparisonStrip : public QWidget
{
    Q_OBJECT
public:
    struct Panel
    {
        QString label;
        QImage image;
        QColor colour = Qt::black;  // label and tile outline
        int tile = -1;              // the tile to outline, -1 none
    };
    explicit ActivationComparisonStrip(QWidget* parent = nullptr);

    // `tileRows` × `tileCols`: the composite's layout, for the tile outlines.
    void setPanels(const QString& caption, const QVector<Panel>& panels, int tileRows, int tileCols);
    QString caption() const { return m_caption; }
    int panelCount() const { return m_panels.size(); }
    const Panel& panel(int index) const { return m_panels[index]; }
    // Where panel `index`'s image is drawn, in widget pixels; empty if none.
    QRectF imageRect(int index) const;
    // The panel under a widget pixel and the image pixel (x, y) there; -1 outside the images.
    int panelAt(const QPoint& widgetPixel, QPoint* imagePixel = nullptr) const;

    // The height that shows the panels as large as `width` allows (up to kLargest pixels each).
    int idealHeight(int width) const;
    static constexpr int kLargest = 360;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return {240, 160}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    double captionHeight() const;
    double labelHeight() const;

    QString m_caption;
    QVector<Panel> m_panels;
    int m_tileRows = 1;
    int m_tileCols = 1;
};

}  // namespace nad
