#pragma once

#include "figures/FigureStyle.h"

#include <QSizeF>
#include <QString>
#include <QWidget>

class QCPPainter;

namespace nad {

// A view that is also a paper figure: it draws itself at any size onto any paint device (the
// screen, or PNG/SVG/PDF through FigureExporter) and gives the data it draws as CSV.
class FigureView : public QWidget
{
    Q_OBJECT
public:
    // On screen a figure uses the desktop's font size; exports set their own style.
    explicit FigureView(QWidget* parent = nullptr) : QWidget(parent)
    {
        if (font().pointSizeF() > 0)
            m_style.fontPointSize = font().pointSizeF();
    }

    // File base name of the figure, e.g. "precision-histogram".
    virtual QString figureId() const = 0;
    // The data the figure draws, as CSV with a header row.
    virtual QString csv() const = 0;
    virtual void setFigureStyle(const FigureStyle& style) = 0;
    const FigureStyle& figureStyle() const { return m_style; }
    // The size the figure is designed for (single column by default).
    virtual QSizeF defaultSizeMm() const { return {85.0, 65.0}; }
    // Draws the figure onto `painter` (already begun) in a width × height logical-pixel
    // rectangle at 96 pixels per inch; vector output where the device supports it.
    virtual void renderFigure(QCPPainter* painter, int width, int height) = 0;

    // One CSV field, quoted only when it needs it (RFC 4180): separators, quotes, line breaks, or
    // spaces at an end that a reader would trim.
    static QString csvField(const QString& text)
    {
        const bool special = text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) ||
                             text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r')) ||
                             (!text.isEmpty() && (text.front().isSpace() || text.back().isSpace()));
        if (!special)
            return text;
        return QLatin1Char('"') + QString(text).replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    }

protected:
    FigureStyle m_style;
};

}  // namespace nad
