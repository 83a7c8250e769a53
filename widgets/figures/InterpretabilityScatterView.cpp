#include "figures/InterpretabilityScatterView.h"

#include "Palette.h"
#include "QCustomPlotInclude.h"

#include <algorithm>
#include <cmath>

namespace nad {

InterpretabilityScatterView::InterpretabilityScatterView(QWidget* parent) : PlotFigureView(parent)
{
    m_plot->xAxis->setLabel(tr("interpretability I (Eq. 12)"));
    m_plot->yAxis->setLabel(tr("accuracy (%)"));
    applyStyle();
}

void InterpretabilityScatterView::setPoints(const QVector<Point>& points)
{
    m_points = points;
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_labels.clear();
    if (points.isEmpty()) {
        m_plot->replot();
        return;
    }
    double xLow = points[0].interpretability, xHigh = xLow;
    double yLow = points[0].accuracy * 100, yHigh = yLow;
    for (const auto& p : points) {
        xLow = std::min(xLow, p.interpretability - p.interpretabilityStd);
        xHigh = std::max(xHigh, p.interpretability + p.interpretabilityStd);
        yLow = std::min(yLow, p.accuracy * 100);
        yHigh = std::max(yHigh, p.accuracy * 100);
    }
    // Room for the labels: a quarter of the span to the right, a little above and below.
    const double xSpan = std::max(xHigh - xLow, std::max(1e-6, std::abs(xHigh) * 0.2));
    const double ySpan = std::max(yHigh - yLow, 1.0);
    m_plot->xAxis->setRange(xLow - xSpan * 0.25, xHigh + xSpan * 0.25);
    m_plot->yAxis->setRange(yLow - ySpan * 0.25, yHigh + ySpan * 0.25);

    for (int i = 0; i < points.size(); ++i) {
        const auto& p = points[i];
        const QColor colour = Palette::category(i);
        auto* graph = m_plot->addGraph();
        graph->setName(p.label);
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, colour, 7));
        graph->setData(QVector<double>{p.interpretability}, QVector<double>{p.accuracy * 100});
        if (p.interpretabilityStd > 0) {
            auto* errors = new QCPErrorBars(m_plot->xAxis, m_plot->yAxis);
            errors->setErrorType(QCPErrorBars::etKeyError);
            errors->setDataPlottable(graph);
            errors->setData(QVector<double>{p.interpretabilityStd});
            errors->setPen(QPen(colour, 1.0));
            errors->removeFromLegend();
        }
        auto* label = new QCPItemText(m_plot);
        label->setText(p.label);
        label->setColor(Qt::black);
        label->position->setType(QCPItemPosition::ptPlotCoords);
        // Above the point, clear of the horizontal error bar; a label that would sit on an
        // earlier one (points closer than about a label height and width) goes below instead.
        bool crowded = false;
        for (int j = 0; j < i; ++j) {
            const double dx = std::abs(points[j].interpretability - p.interpretability) / (xSpan * 1.6);
            const double dy = std::abs(points[j].accuracy - p.accuracy) * 100 / (ySpan * 1.5);
            crowded = crowded || (dx < 0.3 && dy < 0.08);
        }
        label->position->setCoords(p.interpretability, p.accuracy * 100);
        label->setPositionAlignment(crowded ? (Qt::AlignTop | Qt::AlignHCenter) : (Qt::AlignBottom | Qt::AlignHCenter));
        label->setPadding(crowded ? QMargins(0, 7, 0, 0) : QMargins(0, 0, 0, 7));
        m_labels << label;
    }
    applyStyle();
    m_plot->replot();
}

QString InterpretabilityScatterView::csv() const
{
    QString out = QStringLiteral("model,interpretability,interpretability_std,accuracy,similarity_variance\n");
    for (const auto& p : m_points)
        out += QStringLiteral("\"%1\",%2,%3,%4,%5\n")
                   .arg(p.label)
                   .arg(p.interpretability, 0, 'g', 8)
                   .arg(p.interpretabilityStd, 0, 'g', 8)
                   .arg(p.accuracy, 0, 'g', 8)
                   .arg(p.similarityVariance, 0, 'g', 8);
    return out;
}

}  // namespace nad
