#include "figures/PathComparisonView.h"

#include "Palette.h"
#include "QCustomPlotInclude.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace nad {
namespace {

// The legend is one row under a single-column figure: long concept names are shortened there
// (the title and the CSV keep them whole).
QString legendName(const QString& name)
{
    return name.size() > 18 ? name.left(17) + QChar(0x2026) : name;
}

}  // namespace

PathComparisonView::PathComparisonView(QWidget* parent) : PlotFigureView(parent)
{
    // Jaccard on top, unit counts below, sharing the block axis; the legend in a row under both.
    m_jaccardRect = m_plot->axisRect();
    m_jaccardRect->insetLayout()->take(m_plot->legend);
    m_countRect = new QCPAxisRect(m_plot);
    m_plot->plotLayout()->addElement(1, 0, m_countRect);
    // The legend centred at its natural width: empty cells either side take the spare width
    // (a legend filling the row would spread its items apart unevenly).
    auto* legendRow = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(2, 0, legendRow);
    legendRow->addElement(0, 0, new QCPLayoutElement(m_plot));
    legendRow->addElement(0, 1, m_plot->legend);
    legendRow->addElement(0, 2, new QCPLayoutElement(m_plot));
    legendRow->setColumnStretchFactors({1.0, 0.001, 1.0});
    legendRow->setColumnSpacing(0);
    m_plot->plotLayout()->setRowStretchFactors({0.8, 1.0, 0.001});
    m_plot->plotLayout()->setRowSpacing(2);
    m_plot->legend->setVisible(true);
    // One row under the plots, for the three bar colours; the Jaccard line needs no entry (its
    // axis says what it is) and the mean is labelled where it is drawn.
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setWrap(0);
    auto* columns = new QCPMarginGroup(m_plot);
    m_jaccardRect->setMarginGroup(QCP::msLeft | QCP::msRight, columns);
    m_countRect->setMarginGroup(QCP::msLeft | QCP::msRight, columns);
    for (QCPAxisRect* rect : {m_jaccardRect, m_countRect})
        rect->axis(QCPAxis::atBottom)->grid()->setVisible(false);

    QCPAxis* jaccardAxis = m_jaccardRect->axis(QCPAxis::atLeft);
    jaccardAxis->setLabel(tr("Jaccard"));
    jaccardAxis->setRange(0, 1.05);
    jaccardAxis->ticker()->setTickCount(3);
    m_jaccardRect->axis(QCPAxis::atBottom)->setTickLabels(false);
    m_countRect->axis(QCPAxis::atLeft)->setLabel(tr("units"));
    m_countRect->axis(QCPAxis::atBottom)->setLabel(tr("block"));
    // A click on a block (either plot) asks to explore its units.
    connect(m_plot, &QCustomPlot::mousePress, this, [this](QMouseEvent* event) {
        const int block = blockAt(event->pos());
        if (event->button() == Qt::LeftButton && block >= 0)
            Q_EMIT blockClicked(block);
    });
    applyStyle();
}

int PathComparisonView::blockAt(const QPoint& plotPixel) const
{
    for (QCPAxisRect* rect : {m_jaccardRect, m_countRect}) {
        if (!rect->rect().contains(plotPixel))
            continue;
        const int block = int(std::lround(rect->axis(QCPAxis::atBottom)->pixelToCoord(plotPixel.x()))) - 1;
        return block >= 0 && block < m_counts.size() ? block : -1;
    }
    return -1;
}

double PathComparisonView::jaccard(const QVector<bool>& a, const QVector<bool>& b)
{
    int both = 0, either = 0;
    for (int i = 0; i < std::max(a.size(), b.size()); ++i) {
        const bool x = i < a.size() && a[i];
        const bool y = i < b.size() && b[i];
        both += x && y ? 1 : 0;
        either += x || y ? 1 : 0;
    }
    return either == 0 ? 1.0 : double(both) / double(either);
}

void PathComparisonView::setPaths(const QString& nameA, const QString& nameB, const QStringList& blockNames,
                                  const QVector<QVector<bool>>& pathA, const QVector<QVector<bool>>& pathB)
{
    m_nameA = nameA;
    m_nameB = nameB;
    m_blockNames = blockNames;
    m_jaccard.clear();
    m_counts.clear();
    const int blocks = std::min(pathA.size(), pathB.size());
    double sum = 0;
    for (int b = 0; b < blocks; ++b) {
        const auto& a = pathA[b];
        const auto& c = pathB[b];
        BlockCounts counts;
        counts.units = int(std::max(a.size(), c.size()));
        for (int i = 0; i < counts.units; ++i) {
            const bool x = i < a.size() && a[i];
            const bool y = i < c.size() && c[i];
            counts.both += x && y ? 1 : 0;
            counts.onlyA += x && !y ? 1 : 0;
            counts.onlyB += y && !x ? 1 : 0;
        }
        m_counts << counts;
        m_jaccard << jaccard(a, c);
        sum += m_jaccard.back();
    }
    m_similarity = blocks > 0 ? sum / blocks : std::numeric_limits<double>::quiet_NaN();
    rebuild();
}

void PathComparisonView::clear()
{
    setPaths(QString(), QString(), {}, {}, {});
}

void PathComparisonView::rebuild()
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_bars.clear();
    m_line = nullptr;
    m_meanLine = nullptr;
    const int blocks = m_jaccard.size();
    if (blocks == 0) {
        setTitle(QString());
        m_plot->replot();
        return;
    }
    setTitle(tr("%1 vs %2: M = %3").arg(m_nameA, m_nameB, QLocale().toString(m_similarity, 'f', 2)));

    QVector<double> keys, onlyA, both, onlyB;
    double tallest = 0;
    for (int b = 0; b < blocks; ++b) {
        keys << b + 1;
        onlyA << m_counts[b].onlyA;
        both << m_counts[b].both;
        onlyB << m_counts[b].onlyB;
        tallest = std::max(tallest, double(m_counts[b].onlyA + m_counts[b].both + m_counts[b].onlyB));
    }
    QCPAxis* key = m_jaccardRect->axis(QCPAxis::atBottom);
    QCPAxis* value = m_jaccardRect->axis(QCPAxis::atLeft);
    m_line = m_plot->addGraph(key, value);
    m_line->setName(tr("Jaccard per block"));
    m_line->setData(keys, m_jaccard);
    m_line->setPen(QPen(QColor(30, 30, 30), m_style.lineWidth));
    m_line->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QColor(30, 30, 30), QColor(30, 30, 30), 4));
    m_meanLine = m_plot->addGraph(key, value);
    m_meanLine->setName(tr("mean M"));
    m_meanLine->setData(QVector<double>{0.5, blocks + 0.5}, QVector<double>{m_similarity, m_similarity});
    m_meanLine->setPen(QPen(Qt::gray, 1.0, Qt::DashLine));
    m_line->removeFromLegend();
    m_meanLine->removeFromLegend();
    auto* meanLabel = new QCPItemText(m_plot);
    meanLabel->setClipAxisRect(m_jaccardRect);
    meanLabel->position->setAxes(key, value);
    meanLabel->position->setCoords(blocks + 0.55, m_similarity);
    // Below the line when it is high, above it otherwise, so it stays inside the axes.
    meanLabel->setPositionAlignment(Qt::AlignRight | (m_similarity > 0.8 ? Qt::AlignTop : Qt::AlignBottom));
    meanLabel->setText(tr("mean M = %1").arg(QLocale().toString(m_similarity, 'f', 2)));
    meanLabel->setColor(QColor(90, 90, 90));
    meanLabel->setBrush(QColor(255, 255, 255, 200));
    meanLabel->setPadding(QMargins(2, 0, 2, 0));

    // Only A at the bottom, both in the middle, only B on top: A's colour, a third colour, B's.
    const struct
    {
        QString name;
        const QVector<double>* values;
        QColor colour;
    } stacks[] = {{tr("only %1").arg(legendName(m_nameA)), &onlyA, Palette::category(0)},
                  {tr("both"), &both, Palette::category(2)},
                  {tr("only %1").arg(legendName(m_nameB)), &onlyB, Palette::category(1)}};
    QCPBars* below = nullptr;
    for (const auto& stack : stacks) {
        auto* bars = new QCPBars(m_countRect->axis(QCPAxis::atBottom), m_countRect->axis(QCPAxis::atLeft));
        bars->setName(stack.name);
        bars->setWidth(0.7);
        bars->setPen(QPen(stack.colour.darker(130), 0.6));
        bars->setBrush(stack.colour);
        bars->setData(keys, *stack.values, true);
        if (below)
            bars->moveAbove(below);
        below = bars;
        m_bars << bars;
    }

    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(blocks > 20 ? 5.0 : blocks > 10 ? 2.0 : 1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssNone);
    for (QCPAxisRect* rect : {m_jaccardRect, m_countRect}) {
        rect->axis(QCPAxis::atBottom)->setTicker(ticker);
        rect->axis(QCPAxis::atBottom)->setRange(0.4, blocks + 0.6);
    }
    m_countRect->axis(QCPAxis::atLeft)->setRange(0, tallest > 0 ? tallest * 1.05 : 1);
    applyStyle();
    m_plot->replot();
}

QString PathComparisonView::csv() const
{
    // One row per block, then the mean (M) in the jaccard column.
    QString out = QStringLiteral("block,block_name,units,only_a,both,only_b,jaccard\n");
    for (int b = 0; b < m_counts.size(); ++b) {
        const BlockCounts& c = m_counts[b];
        out += QStringLiteral("%1,\"%2\",%3,%4,%5,%6,%7\n")
                   .arg(b + 1)
                   .arg(m_blockNames.value(b))
                   .arg(c.units)
                   .arg(c.onlyA)
                   .arg(c.both)
                   .arg(c.onlyB)
                   .arg(QString::number(m_jaccard[b], 'g', 8));
    }
    if (!m_counts.isEmpty())
        out +=
            QStringLiteral("mean,\"%1 vs %2\",,,,,%3\n").arg(m_nameA, m_nameB, QString::number(m_similarity, 'g', 8));
    return out;
}

}  // namespace nad
