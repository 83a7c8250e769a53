#include "figures/PlotFigureView.h"

#include "QCustomPlotInclude.h"

#include <QFontMetricsF>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>

namespace nad {
namespace {

// Lines broken between words at `columns` characters: a text element does not wrap by itself.
QString wrapped(const QString& text, int columns)
{
    QStringList out;
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        QString current;
        for (const QString& word : line.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (!current.isEmpty() && current.size() + 1 + word.size() > columns) {
                out << current;
                current.clear();
            }
            current += (current.isEmpty() ? QString() : QStringLiteral(" ")) + word;
        }
        out << current;
    }
    return out.join(QLatin1Char('\n'));
}

}  // namespace

PlotFigureView::PlotFigureView(QWidget* parent) : FigureView(parent), m_plot(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setMinimumSize(320, 240);
    m_plot->setMouseTracking(true);
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        const QString text = hoverText(event->pos());
        m_plot->setToolTip(text);
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(event->globalPosition().toPoint(), text, m_plot);
    });
}

QString PlotFigureView::hoverText(const QPoint& plotPixel) const
{
    return nearestPointText(plotPixel);
}

QString PlotFigureView::nearestPointText(const QPoint& plotPixel) const
{
    QCPAbstractPlottable* nearest = nullptr;
    int index = -1;
    double best = 8.0;  // pixels
    for (int i = 0; i < m_plot->plottableCount(); ++i) {
        QCPAbstractPlottable* plottable = m_plot->plottable(i);
        if (!plottable->visible() || !plottable->interface1D() || plottable->interface1D()->dataCount() == 0)
            continue;
        QVariant details;
        const double distance = plottable->selectTest(plotPixel, false, &details);
        const QCPDataSelection selection = details.value<QCPDataSelection>();
        if (distance >= 0 && distance < best && !selection.isEmpty()) {
            best = distance;
            nearest = plottable;
            index = selection.dataRange().begin();
        }
    }
    if (!nearest) {
        // Bars too low to point at (a value near zero): the bar whose column holds the pixel.
        double bestColumn = 0;
        for (int i = 0; i < m_plot->plottableCount(); ++i) {
            auto* bars = qobject_cast<QCPBars*>(m_plot->plottable(i));
            if (!bars || !bars->visible() || !bars->keyAxis()->axisRect()->rect().contains(plotPixel))
                continue;
            const double halfWidth = std::max(
                3.0, std::abs(bars->keyAxis()->coordToPixel(bars->width() / 2) - bars->keyAxis()->coordToPixel(0)));
            for (int d = 0; d < bars->dataCount(); ++d) {
                const double offset = std::abs(bars->dataPixelPosition(d).x() - plotPixel.x());
                if (offset <= halfWidth && (!nearest || offset < bestColumn)) {
                    nearest = bars;
                    index = d;
                    bestColumn = offset;
                }
            }
        }
    }
    if (!nearest)
        return {};
    const double key = nearest->interface1D()->dataMainKey(index);
    const double value = nearest->interface1D()->dataMainValue(index);
    QString keyText = QString::number(key, 'g', 4);
    if (auto text = qSharedPointerDynamicCast<QCPAxisTickerText>(nearest->keyAxis()->ticker())) {
        const auto ticks = text->ticks();
        if (ticks.contains(key) && !ticks.value(key).isEmpty())
            keyText = ticks.value(key).simplified();
    }
    const QString keyLabel = nearest->keyAxis()->label().simplified();
    const QString valueLabel = nearest->valueAxis()->label().simplified();
    QString line = keyLabel.isEmpty() ? keyText : keyLabel + QLatin1Char(' ') + keyText;
    line += QStringLiteral(": ") + (valueLabel.isEmpty() ? QString() : valueLabel + QLatin1Char(' ')) +
            QString::number(value, 'g', 4);
    return nearest->name().isEmpty() ? line : nearest->name() + QStringLiteral(" — ") + line;
}

void PlotFigureView::setTitle(const QString& title)
{
    // The title row exists only while there is a title, so an untitled figure has no gap.
    if (title.isEmpty() && m_title) {
        m_plot->plotLayout()->remove(m_title);
        m_plot->plotLayout()->simplify();
        m_title = nullptr;
    } else if (!title.isEmpty() && !m_title) {
        m_plot->plotLayout()->insertRow(0);
        m_title = new QCPTextElement(m_plot, title, m_style.font(1, true));
        m_plot->plotLayout()->addElement(0, 0, m_title);
    } else if (m_title) {
        m_title->setText(title);
    }
    m_plot->replot();
}

QString PlotFigureView::title() const
{
    return m_title ? m_title->text() : QString();
}

void PlotFigureView::setNote(const QString& note)
{
    m_noteText = note;
    if (note.isEmpty() && m_note) {
        m_plot->plotLayout()->remove(m_note);
        m_plot->plotLayout()->simplify();
        m_note = nullptr;
    } else if (!note.isEmpty() && !m_note) {
        const int row = m_plot->plotLayout()->rowCount();
        m_plot->plotLayout()->insertRow(row);
        m_note = new QCPTextElement(m_plot, note, m_style.font(-1.5));
        m_note->setTextColor(QColor(150, 60, 0));
        m_note->setTextFlags(Qt::AlignLeft | Qt::AlignVCenter);
        m_plot->plotLayout()->addElement(row, 0, m_note);
    }
    wrapNote(m_plot->width());
    m_plot->replot();
}

QString PlotFigureView::note() const
{
    return m_note ? m_note->text() : QString();  // as wrapped for the figure's width
}

void PlotFigureView::wrapNote(int width)
{
    if (!m_note)
        return;
    const QFontMetricsF metrics(m_note->font());
    const int columns = std::max(30, int(0.95 * width / std::max(1.0, metrics.averageCharWidth())));
    m_note->setText(wrapped(m_noteText, columns));
}

void PlotFigureView::resizeEvent(QResizeEvent* event)
{
    FigureView::resizeEvent(event);
    wrapNote(m_plot->width());
}

void PlotFigureView::setFigureStyle(const FigureStyle& style)
{
    m_style = style;
    applyStyle();
    m_plot->replot();
}

void PlotFigureView::placeLegendUnderAxes(int columns)
{
    m_plot->legend->setVisible(true);
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->plotLayout()->addElement(m_plot->plotLayout()->rowCount(), 0, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(m_plot->plotLayout()->rowCount() - 1, 0.001);
    if (columns > 1) {
        m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, false);
        m_plot->legend->setWrap(columns);
    }
}

void PlotFigureView::applyStyle()
{
    const QFont font = m_style.font();
    if (m_title)
        m_title->setFont(m_style.font(1, true));
    if (m_note) {
        m_note->setFont(m_style.font(-1.5));
        wrapNote(m_plot->width());
    }
    for (QCPAxisRect* rect : m_plot->axisRects()) {
        for (QCPAxis* axis : rect->axes()) {
            axis->setTickLabelFont(font);
            axis->setLabelFont(font);
            axis->setBasePen(QPen(Qt::black, 0.8));
            axis->setTickPen(QPen(Qt::black, 0.8));
            axis->setSubTickPen(QPen(Qt::black, 0.6));
        }
    }
    // Legend items copy the legend's font when created: restyle each one too.
    m_plot->legend->setFont(font);
    // A legend drawn over data gets a light box; one in a layout row of its own needs none.
    const bool overData = qobject_cast<QCPLayoutInset*>(m_plot->legend->layout()) != nullptr;
    m_plot->legend->setBorderPen(overData ? QPen(QColor(180, 180, 180), 0.6) : QPen(Qt::NoPen));
    m_plot->legend->setBrush(overData ? QBrush(QColor(255, 255, 255, 220)) : QBrush(Qt::NoBrush));
    m_plot->legend->setIconSize(18, 9);
    m_plot->legend->setRowSpacing(-2);
    m_plot->legend->setMargins(QMargins(5, 3, 5, 3));
    for (int i = 0; i < m_plot->legend->itemCount(); ++i)
        if (auto* item = m_plot->legend->item(i))
            item->setFont(font);
    for (int i = 0; i < m_plot->itemCount(); ++i)
        if (auto* text = qobject_cast<QCPItemText*>(m_plot->item(i)))
            text->setFont(font);
}

void PlotFigureView::renderFigure(QCPPainter* painter, int width, int height)
{
    wrapNote(width);  // the note's lines fit the exported width, then the screen's again
    m_plot->toPainter(painter, width, height);
    wrapNote(m_plot->width());
}

}  // namespace nad
