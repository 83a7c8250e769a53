#pragma once

#include "figures/PlotFigureView.h"

#include <QStringList>
#include <QVector>

class QCPAxisRect;
class QCPBars;
class QCPGraph;

namespace nad {

// Two concepts' paths compared block by block: on top the Jaccard similarity of the two
// binary masks per block (paper Eq. 10, J(∅, ∅) = 1), below the units only the first path
// keeps, both keep and only the second keeps, as stacked bars. The title gives their path
// similarity M, the mean Jaccard over blocks (Eq. 11).
class PathComparisonView : public PlotFigureView
{
    Q_OBJECT
public:
    struct BlockCounts
    {
        int units = 0;  // channels of the block
        int onlyA = 0;
        int both = 0;
        int onlyB = 0;
    };
    explicit PathComparisonView(QWidget* parent = nullptr);

    // One mask per block for each path (true: the unit is kept). Blocks beyond the shorter
    // path are left out; a shorter mask counts its missing units as off.
    void setPaths(const QString& nameA, const QString& nameB, const QStringList& blockNames,
                  const QVector<QVector<bool>>& pathA, const QVector<QVector<bool>>& pathB);
    void clear();

    // Eq. 10: |a ∧ b| / |a ∨ b|, 1 when both are empty.
    static double jaccard(const QVector<bool>& a, const QVector<bool>& b);
    QVector<double> jaccardPerBlock() const { return m_jaccard; }
    QVector<BlockCounts> countsPerBlock() const { return m_counts; }
    // Eq. 11: the mean of jaccardPerBlock(); NaN with no blocks.
    double similarity() const { return m_similarity; }

    QCPGraph* jaccardLine() const { return m_line; }
    // Only A, both, only B (bottom to top).
    QVector<QCPBars*> countBars() const { return m_bars; }
    QCPAxisRect* jaccardRect() const { return m_jaccardRect; }
    QCPAxisRect* countRect() const { return m_countRect; }

    // The block under a pixel of plot() (either plot), or −1.
    int blockAt(const QPoint& plotPixel) const;

    QString figureId() const override { return QStringLiteral("path-comparison"); }
    QString csv() const override;
    QSizeF defaultSizeMm() const override { return {85.0, 80.0}; }

Q_SIGNALS:
    void blockClicked(int block);

private:
    void rebuild();

    QString m_nameA, m_nameB;
    QStringList m_blockNames;
    QVector<double> m_jaccard;
    QVector<BlockCounts> m_counts;
    double m_similarity = 0;
    QCPAxisRect* m_jaccardRect = nullptr;
    QCPAxisRect* m_countRect = nullptr;
    QCPGraph* m_line = nullptr;
    QCPGraph* m_meanLine = nullptr;
    QVector<QCPBars*> m_bars;
};

}  // namespace nad
