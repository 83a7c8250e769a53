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
    // Dense, faithful paths sit top right and collapsed ones bottom left: bottom right stays free.
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    applyStyle();
}

void FrontierView::setSweeps(const QVector<Sweep>& sweeps)
{
    m_sweeps = sweeps;
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_marks.clear();
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
    for (const Sweep& s : sweeps)
        addMarks(s);
    applyStyle();
    m_plot->replot();
}

void FrontierView::addCurve(const Sweep& sweep, int sweepIndex, bool specificity)
{
    // Specificity solid with discs, precision dashed with hollow squares, one colour per sweep:
    // the two read apart in grayscale too.
    const QColor colour = Palette::category(specificity ? 2 * sweepIndex + 1 : 2 * sweepIndex + 5);
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
    // measure the original on other images).
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
            line->setPen(QPen(QColor(120, 120, 120), 0.8, specificity ? Qt::DotLine : Qt::DashDotLine));
            auto* text = new QCPItemText(m_plot);
            text->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
            text->position->setTypeY(QCPItemPosition::ptPlotCoords);
            text->position->setCoords(0.01, value);
            text->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
            text->setColor(QColor(90, 90, 90));
            text->setText(specificity ? tr("original network: specificity %1").arg(percent(original.second))
                                      : tr("original network: precision %1").arg(percent(original.first)));
        }
    }
}

void FrontierView::addMarks(const Sweep& sweep)
{
    // Rings around the specificity point: black for the recommended λ, orange for the default.
    const auto ring = [this, &sweep](int index, const QColor& colour, double size, const QString& text,
                                     Qt::Alignment alignment) {
        const Point& p = sweep.points[index];
        auto* mark = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
        mark->setName(text.section(QLatin1Char(' '), 0, 0));
        mark->setLineStyle(QCPCurve::lsNone);
        mark->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(colour, 1.6), Qt::NoBrush, size));
        mark->setData(QVector<double>{p.usage}, QVector<double>{100.0 * p.specificity});
        mark->removeFromLegend();
        auto* label = new QCPItemText(m_plot);
        label->position->setCoords(p.usage, 100.0 * p.specificity);
        label->setPositionAlignment(alignment);
        label->setPadding(QMargins(4, 9, 4, 9));
        label->setColor(colour.darker(130));
        label->setText(text);
        m_marks << label;
    };
    const QString recommended = tr("recommended λ %1 (%2)");
    if (sweep.recommended >= 0 && sweep.recommended == sweep.defaultIndex) {
        ring(sweep.recommended, Qt::black, 13,
             recommended.arg(lambdaText(sweep.points[sweep.recommended].lambda), tr("the default")),
             Qt::AlignHCenter | Qt::AlignBottom);
        return;
    }
    if (sweep.recommended >= 0)
        ring(sweep.recommended, Qt::black, 13,
             recommended.arg(lambdaText(sweep.points[sweep.recommended].lambda), sweep.label),
             Qt::AlignHCenter | Qt::AlignBottom);
    if (sweep.defaultIndex >= 0)
        ring(sweep.defaultIndex, QColor(213, 94, 0), 17,
             tr("default λ %1 (%2)").arg(lambdaText(sweep.points[sweep.defaultIndex].lambda), sweep.label),
             Qt::AlignHCenter | Qt::AlignTop);
}

QStringList FrontierView::markTexts() const
{
    QStringList texts;
    for (const QCPItemText* mark : m_marks)
        texts << mark->text();
    return texts;
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
