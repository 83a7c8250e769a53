#include "figures/FrontierView.h"

#include "Palette.h"
#include "QCustomPlotInclude.h"

#include <algorithm>
#include <cmath>

namespace nad {
namespace {

QString percent(double fraction)
{
    return QString::number(100.0 * fraction, 'f', 1) + QStringLiteral(" %");
}

QString lambdaText(double lambda)
{
    return QString::number(lambda, 'g', 4);
}

}  // namespace

FrontierView::FrontierView(QWidget* parent) : PlotFigureView(parent)
{
    m_plot->xAxis->setLabel(tr("unit usage (mean over blocks, as Fig. 4)"));
    m_plot->yAxis->setLabel(tr("on validation images (%)"));
    m_plot->legend->setVisible(true);
    // The right axis only names the reference lines: labels, no tick marks.
    m_plot->yAxis2->setTickLength(0, 0);
    m_plot->yAxis2->setSubTicks(false);
    // The legend under the plot, in two columns: curves run anywhere from top right (dense,
    // faithful) to bottom left (collapsed), so no corner of the axes is sure to stay free.
    placeLegendUnderAxes(2);
    applyStyle();
}

void FrontierView::setSweeps(const QVector<Sweep>& sweeps)
{
    m_sweeps = sweeps;
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_marks.clear();
    m_lambdaLabels.clear();
    double usageLow = 1.0, valueLow = 1.0;
    for (const Sweep& s : sweeps) {
        for (const Point& p : s.points) {
            usageLow = std::min(usageLow, p.usage);
            valueLow = std::min({valueLow, p.precision, p.specificity});
        }
    }
    m_plot->xAxis->setRange(std::max(0.0, usageLow - 0.05), 1.02);
    m_plot->yAxis->setRange(std::max(0.0, 100.0 * valueLow - 4.0), 101.0);
    for (int i = 0; i < sweeps.size(); ++i) {
        addCurve(sweeps[i], i, true);
        addCurve(sweeps[i], i, false);
    }
    addReferenceLines();
    for (const Sweep& s : sweeps) {
        addMarks(s);
        addLambdaLabels(s);
    }
    // Two columns while the names are short; long ones (a sweep's own label) get a line each
    // rather than running past the figure's edge.
    int longest = 0;
    for (int i = 0; i < m_plot->plottableCount(); ++i)
        if (m_plot->legend->hasItemWithPlottable(m_plot->plottable(i)))
            longest = std::max(longest, int(m_plot->plottable(i)->name().size()));
    m_plot->legend->setWrap(longest <= 30 ? 2 : 1);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);  // re-flows the items already there
    applyStyle();
    m_plot->replot();
}

void FrontierView::addCurve(const Sweep& sweep, int sweepIndex, bool specificity)
{
    // One colour per sweep; specificity solid with discs, precision dashed with hollow squares,
    // so the two read apart in grayscale too.
    const QColor colour = Palette::category(sweepIndex);
    auto* curve = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
    curve->setName(QStringLiteral("%1: %2").arg(sweep.label, specificity ? tr("specificity") : tr("precision")));
    QPen pen(colour, m_style.lineWidth);
    if (!specificity)
        pen.setStyle(Qt::DashLine);
    curve->setPen(pen);
    curve->setScatterStyle(specificity ? QCPScatterStyle(QCPScatterStyle::ssDisc, colour, colour, 6)
                                       : QCPScatterStyle(QCPScatterStyle::ssSquare, colour, Qt::white, 6));
    QVector<double> x, y;
    for (const Point& p : sweep.points) {
        x << p.usage;
        y << 100.0 * (specificity ? p.specificity : p.precision);
    }
    curve->setData(x, y);
}

void FrontierView::addReferenceLines()
{
    // One pair of lines per distinct original network (sweeps over other concepts or images
    // measure the original on other images), named on the right axis, clear of the data.
    QSharedPointer<QCPAxisTickerText> names(new QCPAxisTickerText);
    QVector<QPair<double, double>> drawn;
    for (const Sweep& s : m_sweeps) {
        const QPair<double, double> original(s.originalPrecision, s.originalSpecificity);
        const bool seen = std::any_of(drawn.begin(), drawn.end(), [&](const QPair<double, double>& d) {
            return std::abs(d.first - original.first) < 5e-4 && std::abs(d.second - original.second) < 5e-4;
        });
        if (seen)
            continue;
        drawn << original;
        for (const bool specificity : {true, false}) {
            const double value = 100.0 * (specificity ? original.second : original.first);
            auto* line = new QCPItemStraightLine(m_plot);
            line->point1->setCoords(0, value);
            line->point2->setCoords(1, value);
            line->setPen(QPen(QColor(110, 110, 110), 0.8, specificity ? Qt::DotLine : Qt::DashDotLine));
            names->addTick(value, specificity ? tr("original specificity") : tr("original precision"));
        }
    }
    m_plot->yAxis2->setVisible(!drawn.isEmpty());
    m_plot->yAxis2->setTicker(names);
    m_plot->yAxis2->setTickLabels(true);
    m_plot->yAxis2->setRange(m_plot->yAxis->range());
}

void FrontierView::addMarks(const Sweep& sweep)
{
    // Shapes, not colours, so they read in grayscale: a ring for the recommended λ, a diamond for
    // the default, around the specificity point; the legend says which λ each is.
    const auto mark = [this, &sweep](int index, QCPScatterStyle::ScatterShape shape, double size, const QString& text) {
        const Point& p = sweep.points[index];
        auto* marker = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
        marker->setName(text);
        marker->setLineStyle(QCPCurve::lsNone);
        marker->setScatterStyle(QCPScatterStyle(shape, QPen(Qt::black, 1.4), Qt::NoBrush, size));
        marker->setData(QVector<double>{p.usage}, QVector<double>{100.0 * p.specificity});
        m_marks << text;
    };
    const QString lambda = sweep.recommended >= 0 ? lambdaText(sweep.points[sweep.recommended].lambda) : QString();
    if (sweep.recommended >= 0 && sweep.recommended == sweep.defaultIndex) {
        mark(sweep.recommended, QCPScatterStyle::ssCircle, 13,
             tr("%1: recommended λ %2, the default").arg(sweep.label, lambda));
        return;
    }
    if (sweep.recommended >= 0)
        mark(sweep.recommended, QCPScatterStyle::ssCircle, 13, tr("%1: recommended λ %2").arg(sweep.label, lambda));
    if (sweep.defaultIndex >= 0)
        mark(sweep.defaultIndex, QCPScatterStyle::ssDiamond, 15,
             tr("%1: default λ %2").arg(sweep.label, lambdaText(sweep.points[sweep.defaultIndex].lambda)));
}

void FrontierView::addLambdaLabels(const Sweep& sweep)
{
    // λ beside each specificity point, where it does not crowd a label already placed.
    const double xSpan = m_plot->xAxis->range().size(), ySpan = m_plot->yAxis->range().size();
    for (const Point& p : sweep.points) {
        const QPointF at(p.usage, 100.0 * p.specificity);
        const bool crowded = std::any_of(m_lambdaLabels.begin(), m_lambdaLabels.end(), [&](QCPItemText* other) {
            const QPointF o = other->position->coords();
            return std::abs(o.x() - at.x()) < 0.07 * xSpan && std::abs(o.y() - at.y()) < 0.08 * ySpan;
        });
        if (crowded)
            continue;
        auto* label = new QCPItemText(m_plot);
        label->position->setCoords(at);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
        label->setPadding(QMargins(4, 0, 0, 3));
        label->setColor(QColor(80, 80, 80));
        label->setText(lambdaText(p.lambda));
        label->setClipToAxisRect(false);  // a point at 100 % keeps its label above the frame
        m_lambdaLabels << label;
    }
}

void FrontierView::applyStyle()
{
    PlotFigureView::applyStyle();
    for (QCPItemText* label : m_lambdaLabels)
        label->setFont(m_style.font(-1.5));
    m_plot->yAxis2->setTickLabelFont(m_style.font(-1));
    m_plot->legend->setIconSize(22, 15);  // room for the marks' ring and diamond
}

QSizeF FrontierView::defaultSizeMm() const
{
    const int extra = std::max(0, int(m_sweeps.size()) - 1);
    return {120.0, std::min(160.0, 95.0 + 15.0 * extra)};
}

QStringList FrontierView::markTexts() const
{
    return m_marks;
}

QString FrontierView::hoverText(const QPoint& plotPixel) const
{
    double best = 10.0;  // pixels
    int bestSweep = -1, bestPoint = -1;
    for (int s = 0; s < m_sweeps.size(); ++s) {
        for (int i = 0; i < m_sweeps[s].points.size(); ++i) {
            const Point& p = m_sweeps[s].points[i];
            const double x = m_plot->xAxis->coordToPixel(p.usage);
            for (const double value : {p.specificity, p.precision}) {
                const double distance =
                    std::hypot(x - plotPixel.x(), m_plot->yAxis->coordToPixel(100.0 * value) - plotPixel.y());
                if (distance < best) {
                    best = distance;
                    bestSweep = s;
                    bestPoint = i;
                }
            }
        }
    }
    if (bestSweep < 0)
        return {};
    const Sweep& s = m_sweeps[bestSweep];
    const Point& p = s.points[bestPoint];
    QString text = tr("%1, λ %2: usage %3\nspecificity %4 (original %5), precision %6 (original %7), AUROC %8")
                       .arg(s.label, lambdaText(p.lambda), QString::number(p.usage, 'f', 3), percent(p.specificity),
                            percent(s.originalSpecificity), percent(p.precision), percent(s.originalPrecision),
                            QString::number(p.auroc, 'f', 3));
    if (p.concepts >= 2)
        text += tr("\nknockout: own units causal for %1 of %2 concepts").arg(p.knockoutCausal).arg(p.concepts);
    text += QLatin1Char('\n') + (p.faithful && p.specific ? tr("faithful and specific")
                                 : p.faithful             ? tr("faithful, not specific")
                                                          : tr("not faithful"));
    if (bestPoint == s.recommended)
        text += tr("; recommended");
    if (bestPoint == s.defaultIndex)
        text += tr("; the default");
    return text;
}

QString FrontierView::csv() const
{
    QString out =
        QStringLiteral("sweep,lambda,usage,precision,specificity,auroc,original_precision,"
                       "original_specificity,knockout_causal,concepts,faithful,specific,recommended,default\n");
    for (const Sweep& s : m_sweeps) {
        for (int i = 0; i < s.points.size(); ++i) {
            const Point& p = s.points[i];
            out += QStringList{csvField(s.label),
                               QString::number(p.lambda, 'g', 8),
                               QString::number(p.usage, 'g', 8),
                               QString::number(p.precision, 'g', 8),
                               QString::number(p.specificity, 'g', 8),
                               QString::number(p.auroc, 'g', 8),
                               QString::number(s.originalPrecision, 'g', 8),
                               QString::number(s.originalSpecificity, 'g', 8),
                               QString::number(p.knockoutCausal),
                               QString::number(p.concepts),
                               QString::number(int(p.faithful)),
                               QString::number(int(p.specific)),
                               QString::number(int(i == s.recommended)),
                               QString::number(int(i == s.defaultIndex))}
                       .join(QLatin1Char(',')) +
                   QLatin1Char('\n');
        }
    }
    return out;
}

}  // namespace nad
