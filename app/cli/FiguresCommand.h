#pragma once

class QApplication;

namespace CLI {
class App;
}

namespace nad::cli {

// `nad figures`, `nad activations` and `nad hitrate`: the paper's figures rendered headless
// (offscreen Qt platform, the same views as the GUI).
void addFigureCommands(CLI::App& parent);

// The process's QApplication on the offscreen platform (created on first use).
QApplication& offscreenApplication();

} // namespace nad::cli
