#pragma once

#include <QString>

class QWidget;

namespace nad {

class FigureView;
class ProjectStore;

// Saves a figure as the preferences say (size, DPI, fonts), the format from the file's suffix,
// with its CSV beside it, and logs the export in the project when it can be written. Shared by
// File › Save Figure As… and every figure's context menu.
class FigureSaver
{
public:
    // Returns the files written; shows the reason and returns an empty list when it fails.
    static QStringList save(QWidget* parent, FigureView& figure, const QString& filePath, ProjectStore* project);
    // Asks for a file name (PDF, SVG or PNG, the preferred format first), then saves there.
    static QStringList chooseAndSave(QWidget* parent, FigureView& figure, ProjectStore* project);
};

}  // namespace nad
