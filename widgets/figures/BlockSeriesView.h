#pragma once

#include "figures/PlotFigureView.h"

#include <QStringList>
#include <QVector>

class QCPGraph;

namespace nad {

// One value per block along the network, one line per series: the unit usage of Fig. 4 (one
// line per model) and the per-block hit rate (path vs original, with ± std bands).
class BlockSeriesView : public PlotFigureView
{
    Q_OBJECT
public:
    struct Series
    {
        QString name;
        QVector<double> values;  // one per block, block 1 first
        QVector<double> errors;  // optional ± per block (drawn as a band)
    };
    explicit BlockSeriesView(QString figureId, QWidget* parent = nullptr);

    void setSeries(const QVector<Series>& series, const QString& valueLabel, double minimum = 0, double maximum = 1);
    // A dashed horizontal reference line (e.g. chance level), empty label: none.
    void setReferenceLine(double value, const QString& label);

    QString figureId() const override { return m_figureId; }
    QString csv() const override;
    QVector<QCPGraph*> lines() const { return m_lines; }

private:
    QString m_figureId;
    QVector<Series> m_series;
    QVector<QCPGraph*> m_lines;
    double m_reference = -1;
    QString m_referenceLabel;
};

}  // namespace nad
