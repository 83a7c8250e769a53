#include "FigureSaver.h"

#include "PreferencesDialog.h"
#include "QtText.h"
#include "figures/FigureExporter.h"
#include "figures/FigureView.h"
#include "store/ProjectStore.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>

namespace nad {

QStringList FigureSaver::save(QWidget* parent, FigureView& figure, const QString& filePath, ProjectStore* project)
{
    FigureExportOptions options = PreferencesDialog::exportOptions();
    options.format = QFileInfo(filePath).suffix().toLower();
    try {
        const QStringList written = FigureExporter::exportFigure(figure, filePath, options);
        if (project && !project->isReadOnly()) {
            const QSizeF size = options.sizeMm.isEmpty() ? figure.defaultSizeMm() : options.sizeMm;
            project->logExport(figure.figureId().toStdString(), filePath.toStdString(), options.format.toStdString(),
                               size.width(), size.height(), options.dpi);
        }
        return written;
    } catch (const std::exception& e) {
        QMessageBox::warning(parent, QObject::tr("Cannot save the figure"), qs(e.what()));
        return {};
    }
}

QStringList FigureSaver::chooseAndSave(QWidget* parent, FigureView& figure, ProjectStore* project)
{
    const FigureExportOptions options = PreferencesDialog::exportOptions();
    const QString pdf = QObject::tr("PDF (*.pdf)"), svg = QObject::tr("SVG (*.svg)"),
                  png = QObject::tr("PNG image (*.png)");
    QString selected = options.format == QLatin1String("png")   ? png
                       : options.format == QLatin1String("svg") ? svg
                                                                : pdf;
    QString path = QFileDialog::getSaveFileName(parent, QObject::tr("Save Figure As"),
                                                figure.figureId() + QLatin1Char('.') + options.format,
                                                QStringList{pdf, svg, png}.join(QStringLiteral(";;")), &selected);
    if (path.isEmpty())
        return {};
    if (QFileInfo(path).suffix().isEmpty())
        path += selected == png   ? QStringLiteral(".png")
                : selected == svg ? QStringLiteral(".svg")
                                  : QStringLiteral(".pdf");
    return save(parent, figure, path, project);
}

}  // namespace nad
