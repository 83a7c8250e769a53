#pragma once

#include "figures/FigureView.h"

class QCustomPlot;
class QCPAbstractPlottable;
class QCPTextElement;

namespace nad {

// A FigureView drawn by one QCustomPlot: a title row, the subclass's axis rects, a note row.
class PlotFigureView : public FigureView
{
    Q_OBJECT
public:
    explicit PlotFigureView(QWidget* parent = nullptr);

    QCustomPlot* plot() const { return m_plot; }
    void setTitle(const QString& title);
    QString title() const;
    // A caption row under the plot for what a reader must know before trusting it (the
    // evaluation's warnings); empty removes it.
    void setNote(const QString& note);
    QString note() const;
    void setFigureStyle(const FigureStyle& style) override;
    // The hover read-out at a pixel of plot() (empty: none there); shown as a tooltip.
    virtual QString hoverText(const QPoint& plotPixel) const;
    void renderFigure(QCPPainter* painter, int width, int height) override;

protected:
    void resizeEvent(QResizeEvent* event) override;
    // Applies the style's fonts and pens to every axis, legend and text element of the plot;
    // subclasses extend it for their own items (call the base first).
    virtual void applyStyle();
    // Moves the legend out of the axes into a row of its own under them, `columns` entries a
    // row: for figures whose data may cross any corner of the axes.
    void placeLegendUnderAxes(int columns);
    // The nearest data point (within a few pixels) of any bar, line or curve, read as "series —
    // key: value" with the axes' labels and text ticks (block and concept names): what every
    // plot says on hover unless it knows better.
    QString nearestPointText(const QPoint& plotPixel) const;
    QCustomPlot* m_plot = nullptr;
    QCPTextElement* m_title = nullptr;
    QCPTextElement* m_note = nullptr;
    QString m_noteText;  // unwrapped; wrapNote breaks it for the width drawn at

private:
    void wrapNote(int width);
};

}  // namespace nad
