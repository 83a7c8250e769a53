#pragma once

#include "figures/PlotFigureView.h"

#include <QVector>

class QCPBars;

namespace nad {

// Paper Fig. 3: how many concepts fall in each top-1 precision bin, [0, 10], (10, 20], …,
// (90, 100] %, for the original network and with each concept's path applied.
class PrecisionHistogramView : public PlotFigureView
{
    Q_OBJECT
public:
    explicit PrecisionHistogramView(QWidget* parent = nullptr);

    // Precisions as fractions, one per concept.
    void setPrecisions(const QVector<double>& original, const QVector<double>& disentangled);
    // Bin of a precision in percent: [0, 10] → 0, (10, 20] → 1, …, (90, 100] → 9.
    static int binOf(double percent);
    static QVector<double> histogram(const QVector<double>& fractions);

    QString figureId() const override { return QStringLiteral("precision-histogram"); }
    QString csv() const override;
    QVector<QCPBars*> bars() const { return m_bars; }

private:
    QVector<double> m_original, m_disentangled;
    QVector<QCPBars*> m_bars;
};

}  // namespace nad
