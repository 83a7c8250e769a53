#pragma once

#include "analysis/ActivationMap.h"
#include "analysis/CompositeImage.h"
#include "figures/FigureView.h"

#include <QImage>
#include <QStringList>
#include <QVector>

#include <vector>

namespace nad {

// Paper Fig. 1 and 5: one composite image, its activation map at every block (columns) for the
// original network and under each chosen concept's path (rows). Shown as the top k % pixels
// over the darkened image (the paper's view), as a heat map over it, or as each path's
// difference to the original network's map. The concept's tile is outlined in its row, so where
// the path looks can be judged at a glance. A cell where the path keeps ≥ 99 % of the block's
// units is marked "=": there the row shows the original network, not a concept path.
class ActivationGridView : public FigureView
{
    Q_OBJECT
public:
    enum class Mode { TopPercent, HeatMap, Difference };
    struct Row
    {
        QString label;                    // "original" or the concept's name
        int tile = -1;                    // the concept's tile in the composite, -1 none
        std::vector<ActivationMap> maps;  // one per block
        std::vector<double> keptShare;    // per block, share of units the row's path keeps (empty: original)
    };
    // A path that keeps this share of a block's units is the original network there.
    static constexpr double kWholeNetworkShare = 0.99;
    // Whether row `row` is the original network at `block` (its path keeps ≥ kWholeNetworkShare).
    bool isWholeNetwork(int row, int block) const;
    // Difference mode's value at a pixel: (path − original channel sum) over the original's
    // range at that block, clamped to [−1, 1]; 0 for the original's own row.
    static double relativeDifference(const ActivationMap& path, const ActivationMap& original, int y, int x);
    explicit ActivationGridView(QWidget* parent = nullptr);

    void setData(const CompositeImage& composite, const QStringList& tileLabels, const QStringList& blockNames,
                 const QVector<Row>& rows);
    void setMode(Mode mode);
    void setTopPercent(double percent);
    Mode mode() const { return m_mode; }
    double topPercent() const { return m_topPercent; }
    int rowCount() const { return m_rows.size(); }
    int columnCount() const { return m_blockNames.size() + 1; }  // the input, then the blocks
    // The rendered cell of `row` and `block` (what the view draws), for tests and the GUI.
    QImage cellImage(int row, int block) const;
    const CompositeImage& composite() const { return m_composite; }
    const QStringList& blockNames() const { return m_blockNames; }
    const QVector<Row>& rows() const { return m_rows; }
    // What lies under a widget pixel, as drawn on screen: the row, the column (0 the input,
    // b + 1 block b) and the image pixel (x, y) in the composite; false between cells.
    bool cellAt(const QPoint& widgetPixel, int* row, int* column, QPoint* imagePixel) const;
    // Where cell (row, column) is drawn on screen, in widget pixels.
    QRectF cellRect(int row, int column) const;
    // On screen only (never in exports): a frame around block `block`'s column, -1 none.
    void setHighlightedBlock(int block);
    // On screen only: Ctrl + wheel zooms about the cursor (1× to 8×), a drag pans, the 0 key
    // resets. cellRect and cellAt follow the view.
    void zoomAt(const QPointF& widgetPixel, double factor);
    void resetView();
    double zoom() const { return m_zoom; }
    int highlightedBlock() const { return m_highlightedBlock; }
    static QImage toImage(const ImageSet& image);
    // The colour of a row's label and tile outline: grey for the original, then the palette.
    static QColor rowColour(int row);

    QString figureId() const override { return QStringLiteral("activation-grid"); }
    QString csv() const override;
    void setFigureStyle(const FigureStyle& style) override;
    QSizeF defaultSizeMm() const override;
    void renderFigure(QCPPainter* painter, int width, int height) override;
    QSize sizeHint() const override { return {900, 120 + 70 * std::max(1, int(m_rows.size()))}; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    struct Geometry
    {
        double labelWidth = 0, header = 0, footer = 0, gap = 2, cellWidth = 0, cellHeight = 0;
        QRectF cell(int row, int column) const;
    };
    Geometry geometry(double labelWidth, double smallLineHeight, int width, int height) const;
    double screenLabelWidth() const;
    void paint(QPainter& painter, int width, int height) const;
    void rebuildCells();
    QImage renderCell(int row, int block) const;
    QString captionText() const;
    void drawWholeNetworkMark(QPainter& painter, const QRectF& cell, const QFont& font) const;

    CompositeImage m_composite;
    QImage m_input;
    QStringList m_tileLabels;
    QStringList m_blockNames;
    QVector<Row> m_rows;
    QVector<QVector<QImage>> m_cells;  // per row, per block
    Mode m_mode = Mode::TopPercent;
    double m_topPercent = 5.0;
    int m_highlightedBlock = -1;
    double m_zoom = 1.0;
    QPointF m_pan;       // widget pixels the zoomed drawing is shifted by
    QPointF m_dragFrom;  // last mouse position of a pan
    void clampPan();
};

}  // namespace nad
