#pragma once

#include "figures/PlotFigureView.h"

#include <QVector>

class QCPCurve;
class QCPItemText;

namespace nad {

// The usage / fidelity frontier of λ sweeps (`nad sweep`, issue 15): per setting, the paths'
// mean unit usage (x) against their specificity and precision (y), one curve per measure and
// sweep, in the order λ was swept, with the original network's values as reference lines and
// the recommended and default λ marked. Where the curves leave the reference lines is where
// sparser paths stop being faithful or specific.
class FrontierView : public PlotFigureView
{
    Q_OBJECT
public:
    struct Point
    {
        double lambda = 0;
        double usage = 0;      // mean over blocks (Fig. 4), fraction
        double precision = 0;  // fractions
        double specificity = 0;
        double auroc = 0;
        int knockoutCausal = 0;  // concepts whose own units are causal (SweepPoint::knockoutCausal)
        int concepts = 0;
        bool faithful = false;
        bool specific = false;
    };
    struct Sweep
    {
        QString label;  // "paper", "specific", …
        QVector<Point> points;
        double originalPrecision = 0;
        double originalSpecificity = 0;
        int recommended = -1;   // index into points, −1: none is faithful and specific
        int defaultIndex = -1;  // the point at the tool's default λ, −1: not swept
    };

    explicit FrontierView(QWidget* parent = nullptr);

    void setSweeps(const QVector<Sweep>& sweeps);
    const QVector<Sweep>& sweeps() const { return m_sweeps; }

    QString figureId() const override { return QStringLiteral("frontier"); }
    QString csv() const override;
    QString hoverText(const QPoint& plotPixel) const override;
    // The marks' legend texts ("specific: recommended λ 0.8", …).
    QStringList markTexts() const;
    // λ written beside the specificity points (those not crowded out), for tests.
    int lambdaLabelCount() const { return m_lambdaLabels.size(); }
    // 1.5 columns; each sweep adds legend and caption lines, so the figure grows to keep the
    // plot readable.
    QSizeF defaultSizeMm() const override;

protected:
    void applyStyle() override;

private:
    void addCurve(const Sweep& sweep, int sweepIndex, bool specificity);
    void addReferenceLines();
    void addMarks(const Sweep& sweep);
    void addLambdaLabels(const Sweep& sweep);

    QVector<Sweep> m_sweeps;
    QStringList m_marks;
    QVector<QCPItemText*> m_lambdaLabels;
};

}  // namespace nad
