#pragma once

#include "analysis/ConceptClustering.h"
#include "figures/PlotFigureView.h"

#include <QStringList>
#include <QVector>

#include <vector>

class QCPAxisRect;
class QCPColorMap;
class QCPColorScale;
class QCPCurve;
class QMouseEvent;

namespace nad {

// Paper Fig. 7: the path similarity matrix M (Eq. 11) with rows and columns in dendrogram
// order, the average-linkage dendrogram (on 1 − M) on the top and the left, leaves labelled
// "primary-secondary" with a coloured rectangle per primary concept, and a colour scale.
class SimilarityHeatmapView : public PlotFigureView
{
    Q_OBJECT
public:
    struct Data
    {
        QStringList names;                    // concepts, engine order
        QVector<int> groups;                  // primary concept index per concept, -1 none
        QStringList groupNames;               // primary concepts
        QVector<QVector<double>> similarity;  // M, engine order
        std::vector<Merge> merges;            // ConceptClustering::averageLinkageOfSimilarity
    };
    explicit SimilarityHeatmapView(QWidget* parent = nullptr);

    void setData(const Data& data);

    QString hoverText(const QPoint& plotPixel) const override;
    // Back to every concept after a zoom (wheel) or pan (drag); a double click does it too.
    void resetZoom();
    QCPAxisRect* heatRect() const { return m_heatRect; }
    QString figureId() const override { return QStringLiteral("similarity-heatmap"); }
    QString csv() const override;
    // Single-column width; the height gives each leaf label a line with the leaf labels on the right.
    QSizeF defaultSizeMm() const override { return {85.0, 66.0}; }
    // Leaf labels left to right (= top to bottom), as drawn.
    QStringList leafLabels() const { return m_leafLabels; }
    int dendrogramLinkCount() const { return m_links; }
    QCPColorMap* colorMap() const { return m_map; }
    // The heat-map cell under a widget pixel of plot(): the two concepts in engine order
    // (Data::names), or false outside the map.
    bool cellAt(const QPoint& plotPixel, int* row, int* column) const;
    // "A vs B: M = 0.63" for two concepts in engine order (A the row, B the column).
    QString cellToolTip(int row, int column) const;

Q_SIGNALS:
    // The user clicked the cell of concepts `row` and `column` (engine order, Data::names).
    void cellClicked(int row, int column);

protected:
    void applyStyle() override;

private:
    void onMousePress(QMouseEvent* event);
    void drawDendrogram(QCPAxisRect* rect, bool onTop, const std::vector<std::size_t>& order);

    Data m_data;
    std::vector<std::size_t> m_order;
    QStringList m_leafLabels;
    int m_links = 0;
    QCPAxisRect* m_heatRect = nullptr;
    QCPAxisRect* m_topRect = nullptr;
    QCPAxisRect* m_leftRect = nullptr;
    QCPColorMap* m_map = nullptr;
    QCPColorScale* m_scale = nullptr;
};

}  // namespace nad
