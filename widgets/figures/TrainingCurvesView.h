#pragma once

#include "figures/PlotFigureView.h"

#include <QVector>

class QCPAxisRect;
class QCPGraph;

namespace nad {

// How a run learned: the loss terms (top, log scale) and the paths' unit usage (bottom)
// against the step, averaged over the run's concepts, usage with its min-max band.
class TrainingCurvesView : public PlotFigureView
{
    Q_OBJECT
public:
    struct Series
    {
        QString name;
        QVector<double> values;  // one per entry of `steps`
    };
    explicit TrainingCurvesView(QWidget* parent = nullptr);

    // `losses`: e.g. L_dif, λ·L_reg and L; `usage*`: mean, minimum and maximum over concepts.
    void setCurves(const QVector<double>& steps, const QVector<Series>& losses, const QVector<double>& usageMean,
                   const QVector<double>& usageMin, const QVector<double>& usageMax);

    QString figureId() const override { return QStringLiteral("training-curves"); }
    QString csv() const override;
    QSizeF defaultSizeMm() const override { return {85.0, 80.0}; }
    QVector<QCPGraph*> lossLines() const { return m_lossLines; }
    QCPAxisRect* usageRect() const { return m_usageRect; }

private:
    QCPAxisRect* m_usageRect = nullptr;
    QVector<QCPGraph*> m_lossLines;
    QVector<double> m_steps, m_usageMean, m_usageMin, m_usageMax;
    QVector<Series> m_losses;
};

}  // namespace nad
