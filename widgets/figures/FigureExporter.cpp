#include "figures/FigureExporter.h"

#include "Errors.h"
#include "QCustomPlotInclude.h"
#include "figures/FigureView.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSvgGenerator>

#include <cmath>
#include <stdexcept>

namespace nad {
namespace {

constexpr double kLogicalDpi = 96.0;
constexpr double kMmPerInch = 25.4;

std::runtime_error exportError(const QString& message)
{
    return std::runtime_error(message.toStdString());
}

// Writes through a temporary file in the same folder; the rename makes the result appear whole.
template <typename Write> void writeAtomically(const QString& path, Write write)
{
    const QString temporary = path + QStringLiteral(".part");
    QFile::remove(temporary);
    try {
        write(temporary);
    } catch (...) {
        QFile::remove(temporary);
        throw;
    }
    if (QFileInfo(temporary).size() == 0) {
        QFile::remove(temporary);
        throw exportError(QStringLiteral("nothing was drawn into '%1'").arg(path));
    }
    QFile::remove(path);
    if (!QFile::rename(temporary, path)) {
        QFile::remove(temporary);
        throw exportError(QStringLiteral("cannot write '%1'").arg(path));
    }
}

}  // namespace

bool FigureExporter::isSupportedFormat(const QString& format)
{
    return format == QLatin1String("png") || format == QLatin1String("svg") || format == QLatin1String("pdf");
}

QSize FigureExporter::logicalPixels(const QSizeF& sizeMm)
{
    return QSize(int(std::lround(sizeMm.width() / kMmPerInch * kLogicalDpi)),
                 int(std::lround(sizeMm.height() / kMmPerInch * kLogicalDpi)));
}

QSizeF FigureExporter::parseSize(const QString& text, const QSizeF& defaultSizeMm)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*([0-9]*\\.?[0-9]+)\\s*(?:[x×]\\s*([0-9]*\\.?[0-9]+))?\\s*(mm|cm|in)?\\s*$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        throw InvalidArgument("size '" + text.toStdString() + "' is not WIDTH[xHEIGHT][mm|cm|in], e.g. 85mm");
    const QString unit = match.captured(3).isEmpty() ? QStringLiteral("mm") : match.captured(3);
    const double factor = unit == QLatin1String("in") ? kMmPerInch : unit == QLatin1String("cm") ? 10.0 : 1.0;
    const double width = match.captured(1).toDouble() * factor;
    // Without a height, keep the figure's designed aspect ratio.
    const double height = match.captured(2).isEmpty() ? width * defaultSizeMm.height() / defaultSizeMm.width()
                                                      : match.captured(2).toDouble() * factor;
    if (width < 20 || height < 20 || width > 1000 || height > 1000)
        throw InvalidArgument("size '" + text.toStdString() + "' is outside 20-1000 mm");
    return {width, height};
}

QStringList FigureExporter::exportFigure(FigureView& view, const QString& filePath, const FigureExportOptions& options)
{
    if (!isSupportedFormat(options.format))
        throw exportError(QStringLiteral("unknown figure format '%1' (png, svg or pdf)").arg(options.format));
    if (options.dpi < 36 || options.dpi > 2400)
        throw exportError(QStringLiteral("DPI %1 is outside 36-2400").arg(options.dpi));
    const QSizeF sizeMm = options.sizeMm.isEmpty() ? view.defaultSizeMm() : options.sizeMm;
    const QSize logical = logicalPixels(sizeMm);
    // The export's style only while drawing: the view on screen keeps its own afterwards.
    struct RestoreStyle
    {
        FigureView& view;
        FigureStyle style;
        ~RestoreStyle() { view.setFigureStyle(style); }
    } restore{view, view.figureStyle()};
    view.setFigureStyle(options.style);

    // SVG and PDF: the figure as vector paths and text.
    const auto paintVectorized = [&](QPaintDevice* device) {
        QCPPainter painter;
        if (!painter.begin(device))
            throw exportError(QStringLiteral("cannot write '%1'").arg(filePath));
        painter.setMode(QCPPainter::pmVectorized);
        view.renderFigure(&painter, logical.width(), logical.height());
        painter.end();
    };
    writeAtomically(filePath, [&](const QString& temporary) {
        if (options.format == QLatin1String("png")) {
            const double scale = options.dpi / kLogicalDpi;
            QImage image(int(std::lround(logical.width() * scale)), int(std::lround(logical.height() * scale)),
                         QImage::Format_ARGB32_Premultiplied);
            // Fonts resolve against the image's DPI: keep it at 96 while drawing, scale the painter.
            const int logicalDpm = int(std::lround(kLogicalDpi / kMmPerInch * 1000.0));
            image.setDotsPerMeterX(logicalDpm);
            image.setDotsPerMeterY(logicalDpm);
            image.fill(Qt::white);
            {
                QCPPainter painter(&image);
                painter.setRenderHint(QPainter::Antialiasing);
                painter.setRenderHint(QPainter::TextAntialiasing);
                painter.setRenderHint(QPainter::SmoothPixmapTransform);
                painter.scale(scale, scale);
                view.renderFigure(&painter, logical.width(), logical.height());
            }
            const int targetDpm = int(std::lround(options.dpi / kMmPerInch * 1000.0));
            image.setDotsPerMeterX(targetDpm);
            image.setDotsPerMeterY(targetDpm);
            if (!image.save(temporary, "PNG"))
                throw exportError(QStringLiteral("cannot write '%1'").arg(filePath));
        } else if (options.format == QLatin1String("svg")) {
            QSvgGenerator svg;
            svg.setFileName(temporary);
            svg.setResolution(int(kLogicalDpi));
            svg.setSize(logical);
            svg.setViewBox(QRect(QPoint(0, 0), logical));
            svg.setTitle(view.figureId());
            svg.setDescription(QStringLiteral("NAD Studio figure"));
            paintVectorized(&svg);
        } else {
            QPdfWriter pdf(temporary);
            pdf.setResolution(int(kLogicalDpi));
            pdf.setPageSize(QPageSize(sizeMm, QPageSize::Millimeter, QString(), QPageSize::ExactMatch));
            pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
            pdf.setCreator(QStringLiteral("NAD Studio"));
            pdf.setTitle(view.figureId());
            paintVectorized(&pdf);
        }
    });

    const QString csvPath =
        QFileInfo(filePath).path() + QLatin1Char('/') + QFileInfo(filePath).completeBaseName() + QStringLiteral(".csv");
    writeAtomically(csvPath, [&](const QString& temporary) {
        QFile file(temporary);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(view.csv().toUtf8()) < 0)
            throw exportError(QStringLiteral("cannot write '%1'").arg(csvPath));
    });
    return {filePath, csvPath};
}

}  // namespace nad
