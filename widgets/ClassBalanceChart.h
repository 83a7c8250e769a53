#pragma once

#include <QStringList>
#include <QVector>
#include <QWidget>

class QCustomPlot;
class QCPBars;

namespace nad {

// Images per class and split as grouped bars: the first thing to check about a data set
// before learning paths (a class with few held-out images gives a noisy path precision).
class ClassBalanceChart : public QWidget
{
    Q_OBJECT
public:
    explicit ClassBalanceChart(QWidget* parent = nullptr);

    // One series per split (e.g. "train", "test"); each series holds one count per class.
    void setCounts(const QString& title, const QStringList& classNames, const QStringList& splitNames,
                   const QVector<QVector<double>>& countsPerSplit);
    void clear();

    QCustomPlot* plot() const { return m_plot; }
    QVector<QCPBars*> bars() const { return m_bars; }

private:
    QCustomPlot* m_plot = nullptr;
    QVector<QCPBars*> m_bars;
};

} // namespace nad
