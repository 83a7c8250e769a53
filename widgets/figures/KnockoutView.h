#pragma once

#include "figures/PlotFigureView.h"

#include <QString>
#include <QVector>

class QCPBars;

namespace nad {

// The causal knockout test per concept (issue 14): the top-1 accuracy lost on the concept when
// its own units are switched off, the mean lost on the other concepts, and the loss on the
// concept when as many random units per block are switched off (mean ± std over the draws).
// A concept path that is real loses its concept far more than the control and the others
// little; bars of equal height say the path's own units are no more the concept's than any.
class KnockoutView : public PlotFigureView
{
    Q_OBJECT
public:
    struct Concept
    {
        QString name;
        int units = 0;  // own units switched off, all blocks
        double ownDrop = 0;
        double othersDrop = 0;
        double randomOwnDrop = 0;
        double randomOwnDropStd = 0;
        double randomOthersDrop = 0;
        double randomOthersDropStd = 0;
        double pathAuroc = 0;  // beside it in the CSV: the ranking test of the same path
        double originalAuroc = 0;
    };
    explicit KnockoutView(QWidget* parent = nullptr);

    void setConcepts(const QVector<Concept>& concepts);
    const QVector<Concept>& concepts() const { return m_concepts; }
    QVector<QCPBars*> bars() const { return m_bars; }

    QString figureId() const override { return QStringLiteral("knockout"); }
    QString csv() const override;
    QSizeF defaultSizeMm() const override;

private:
    QVector<Concept> m_concepts;
    QVector<QCPBars*> m_bars;
};

}  // namespace nad
