#pragma once

#include "figures/PlotFigureView.h"

#include <QStringList>
#include <QVector>

class QCPBars;

namespace nad {

// Images per class and split as grouped bars: the first thing to check about a data set
// before learning paths (a class with few held-out images gives a noisy path precision).
// A figure like the others, so it exports with its counts as CSV.
class ClassBalanceChart : public PlotFigureView
{
    Q_OBJECT
public:
    explicit ClassBalanceChart(QWidget* parent = nullptr);

    // One series per split (e.g. "train", "test"); each series holds one count per class.
    void setCounts(const QString& title, const QStringList& classNames, const QStringList& splitNames,
                   const QVector<QVector<double>>& countsPerSplit);
    void clear();

    QVector<QCPBars*> bars() const { return m_bars; }
    QString figureId() const override { return QStringLiteral("class-balance"); }
    QString csv() const override;

private:
    QVector<QCPBars*> m_bars;
    QStringList m_classNames, m_splitNames;
    QVector<QVector<double>> m_counts;
};

}  // namespace nad
