#pragma once

#include "ProjectFigures.h"

#include <atomic>
#include <string>
#include <vector>

class QApplication;

namespace CLI {
class App;
}

namespace nad::cli {

// `nad figures`, `nad activations`, `nad hitrate` and `nad units`: the paper's figures rendered headless
// (offscreen Qt platform, the same views as the GUI).
void addFigureCommands(CLI::App& parent);

// The process's QApplication on the offscreen platform (created on first use).
QApplication& offscreenApplication();

// ProjectFigures::exportAll for the CLI: prints each file after `prefix`, turns a cancel into
// CancelledError and export failures into nad::Error.
std::vector<WrittenFigure> writeProjectFigures(ProjectStore& project, const FigureRequest& request,
                                               const std::string& prefix, const std::atomic<bool>& cancel);

}  // namespace nad::cli
