#pragma once

#include "figures/PlotFigureView.h"

#include <QStringList>
#include <QVector>

class QCPBars;
class QCPCurve;
class QMouseEvent;

namespace nad {

// "Path flow": how k chosen concepts share units, block by block. Each block is a stacked
// column of the share of its units kept by all concepts, by some (two or more, not all), by
// one only and by none; translucent bands join each category's segment to the same
// category's segment in the next block (an alluvial chart).
// The bands link categories, not units: every block has its own channels, so unit 5 of one
// block has nothing to do with unit 5 of the next. A band says "the shared part grows or
// shrinks", never "these units flow on". The caption under the figure says so too, since a
// reader of an alluvial chart expects the bands to follow individuals.
class PathFlowView : public PlotFigureView
{
    Q_OBJECT
public:
    // Bottom to top in each column.
    enum Category { KeptByAll = 0, KeptBySome, KeptByOne, KeptByNone, CategoryCount };
    struct BlockFlow
    {
        int units = 0;                // channels of the block (the longest mask)
        int all = 0;                  // kept by every chosen concept (k = 1: kept)
        int some = 0;                 // kept by two or more, not all
        int one = 0;                  // kept by exactly one (k ≥ 2)
        int none = 0;                 // kept by no concept
        QVector<int> onlyPerConcept;  // [c]: units kept by concept c alone (k = 1: = all)
    };
    explicit PathFlowView(QWidget* parent = nullptr);

    // paths[concept][block][unit], true: the unit is kept by that concept's path. Blocks
    // beyond the shortest path are left out; a shorter mask counts its missing units as off.
    // Empty input clears the view and shows a hint as the title.
    void setPaths(const QStringList& conceptNames, const QStringList& blockNames,
                  const QVector<QVector<QVector<bool>>>& paths);
    void clear();

    QVector<BlockFlow> flowPerBlock() const { return m_flows; }
    // The categories' columns, bottom to top (KeptByAll … KeptByNone); keys are block indices.
    QVector<QCPBars*> columnBars() const { return m_bars; }
    // The bands drawn (a category with no units on either side of a gap gets none).
    QVector<QCPCurve*> bands() const { return m_bands; }
    // Legend text of a category for the current number of concepts ("kept by all 3", …).
    QString categoryName(int category) const;
    // The column segment under a widget pixel of plot(); false elsewhere (gaps, margins).
    bool segmentAt(const QPoint& plotPixel, int* block, int* category) const;
    // "conv3_1 · kept by all 3: 12 of 64 units (19%)", empty for an invalid segment.
    QString segmentToolTip(int block, int category) const;

    QString hoverText(const QPoint& plotPixel) const override;
    QString figureId() const override { return QStringLiteral("path-flow"); }
    QString csv() const override;
    QSizeF defaultSizeMm() const override { return {170.0, 80.0}; }  // double column

Q_SIGNALS:
    // The user clicked block `block`'s column (0-based, the order given to setPaths).
    void blockClicked(int block);

protected:
    void applyStyle() override;

private:
    void rebuild();
    void addColumns();
    void addBands();
    void setBlockAxis();
    QVector<double> segmentEdges(int block) const;  // CategoryCount + 1 cumulative shares
    int blockAt(const QPoint& plotPixel) const;
    void onMousePress(QMouseEvent* event);

    QStringList m_conceptNames;
    QStringList m_blockNames;
    QVector<BlockFlow> m_flows;
    QVector<QCPBars*> m_bars;
    QVector<QCPCurve*> m_bands;
};

}  // namespace nad
