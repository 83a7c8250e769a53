#include "figures/KnockoutView.h"

#include "Palette.h"
#include "QCustomPlotInclude.h"

#include <algorithm>

namespace nad {

KnockoutView::KnockoutView(QWidget* parent) : PlotFigureView(parent)
{
    m_plot->yAxis->setLabel(tr("top-1 accuracy drop (points)"));
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->xAxis->setTickLabelRotation(-40);
    // The legend in a row under the plot: inside the axes its three long entries covered the
    // tallest bar of the demo's DenseNet figure (a 57-point drop) whatever head room was left.
    placeLegendUnderAxes(1);
    applyStyle();
}

void KnockoutView::setConcepts(const QVector<Concept>& concepts)
{
    m_concepts = concepts;
    m_plot->clearPlottables();
    m_bars.clear();
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    QVector<double> keys;
    for (int c = 0; c < concepts.size(); ++c) {
        keys << c;
        // A concept without units of its own has nothing to switch off: say so rather than
        // draw bars of 0 that read as "no effect".
        ticker->addTick(c, concepts[c].units > 0 ? concepts[c].name : tr("%1 (no own units)").arg(concepts[c].name));
    }
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setRange(-0.6, std::max(0, int(concepts.size()) - 1) + 0.6);
    auto* group = new QCPBarsGroup(m_plot);
    group->setSpacing(0.0);
    struct Series
    {
        QString name;
        QColor colour;
        double Concept::*value;
        double Concept::*spread;  // nullptr: no error bar
    };
    const QVector<Series> series = {
        {tr("own units off: on the concept"), Palette::category(5), &Concept::ownDrop, nullptr},
        {tr("own units off: on the others"), Palette::category(0), &Concept::othersDrop, nullptr},
        {tr("as many random units off: on the concept"), QColor(150, 150, 150), &Concept::randomOwnDrop,
         &Concept::randomOwnDropStd},
    };
    double low = 0, high = 1;
    for (const Series& s : series) {
        QVector<double> values, spreads;
        for (const Concept& c : concepts) {
            values << 100.0 * (c.*(s.value));
            spreads << (s.spread ? 100.0 * (c.*(s.spread)) : 0.0);
            low = std::min(low, values.back() - spreads.back());
            high = std::max(high, values.back() + spreads.back());
        }
        auto* bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        bars->setName(s.name);
        bars->setWidth(0.27);
        bars->setPen(QPen(s.colour.darker(140), 0.6));
        bars->setBrush(s.colour);
        bars->setBarsGroup(group);
        bars->setData(keys, values);
        if (s.spread) {
            auto* errors = new QCPErrorBars(m_plot->xAxis, m_plot->yAxis);
            errors->setDataPlottable(bars);
            errors->setData(spreads);
            errors->setPen(QPen(Qt::black, 0.8));
            errors->removeFromLegend();
        }
        m_bars << bars;
    }
    m_plot->yAxis->setRange(std::min(0.0, low * 1.1), high * 1.1);
    applyStyle();
    m_plot->replot();
}

QString KnockoutView::csv() const
{
    QString out =
        QStringLiteral("concept,own_units,own_drop,others_drop,random_own_drop,random_own_drop_std,random_others_drop,"
                       "random_others_drop_std,path_auroc,original_auroc\n");
    for (const Concept& c : m_concepts)
        out += QStringLiteral("\"%1\",%2,%3,%4,%5,%6,%7,%8,%9,%10\n")
                   .arg(c.name)
                   .arg(c.units)
                   .arg(c.ownDrop, 0, 'g', 6)
                   .arg(c.othersDrop, 0, 'g', 6)
                   .arg(c.randomOwnDrop, 0, 'g', 6)
                   .arg(c.randomOwnDropStd, 0, 'g', 6)
                   .arg(c.randomOthersDrop, 0, 'g', 6)
                   .arg(c.randomOthersDropStd, 0, 'g', 6)
                   .arg(c.pathAuroc, 0, 'g', 6)
                   .arg(c.originalAuroc, 0, 'g', 6);
    return out;
}

QSizeF KnockoutView::defaultSizeMm() const
{
    // Three bars per concept: more than six concepts need the double column.
    return m_concepts.size() > 6 ? QSizeF(175.0, 70.0) : QSizeF(85.0, 65.0);
}

}  // namespace nad
