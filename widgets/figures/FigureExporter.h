#pragma once

#include "figures/FigureStyle.h"

#include <QSizeF>
#include <QString>
#include <QStringList>

namespace nad {

class FigureView;

struct FigureExportOptions
{
    QString format = QStringLiteral("pdf");  // png, svg or pdf
    QSizeF sizeMm;                           // empty: the figure's default size
    int dpi = 300;                           // PNG only
    FigureStyle style;
};

// Writes a FigureView at a physical size: PNG (pixels = mm at the requested DPI, the DPI in
// the file), SVG (width and height in mm) or PDF (the page is the figure). Layout happens at
// 96 logical pixels per inch on every device, so fonts keep their point size in each format.
// Next to each figure goes its data as CSV (same base name). Files are written under a
// temporary name and renamed, so a failed export leaves nothing half-written.
class FigureExporter
{
public:
    // Returns the files written (figure, then CSV). Throws std::runtime_error with the reason.
    static QStringList exportFigure(FigureView& view, const QString& filePath, const FigureExportOptions& options);
    // Size in logical pixels (96 per inch) of a physical size.
    static QSize logicalPixels(const QSizeF& sizeMm);
    // Parses "85mm", "85x60mm", "3.35in" or "175" (mm); throws nad::InvalidArgument.
    static QSizeF parseSize(const QString& text, const QSizeF& defaultSizeMm);
    static bool isSupportedFormat(const QString& format);
};

}  // namespace nad
