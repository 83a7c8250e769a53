#pragma once

#include "figures/PlotFigureView.h"

#include <QVector>

class QCPGraph;
class QCPItemText;

namespace nad {

// Paper Fig. 6: interpretability I (Eq. 12, mean ± std over initializations) against the
// original network's accuracy, one labelled point per model (and data set).
class InterpretabilityScatterView : public PlotFigureView
{
    Q_OBJECT
public:
    struct Point
    {
        QString label;
        double interpretability = 0;
        double interpretabilityStd = 0;
        double accuracy = 0;            // fraction
        double similarityVariance = 0;  // Var(M) over concept pairs: I without the accuracies (CSV only)
    };
    explicit InterpretabilityScatterView(QWidget* parent = nullptr);

    void setPoints(const QVector<Point>& points);

    QString figureId() const override { return QStringLiteral("interpretability-accuracy"); }
    QString csv() const override;
    int pointCount() const { return m_points.size(); }
    QVector<QCPItemText*> labels() const { return m_labels; }

private:
    QVector<Point> m_points;
    QVector<QCPItemText*> m_labels;
};

}  // namespace nad
