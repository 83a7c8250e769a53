#pragma once

namespace CLI {
class App;
}

namespace nad::cli {

// `nad export PROJECT --what paths|similarity|metrics --format csv|json [--run N] [--out FILE]`
void addExportCommand(CLI::App& parent);

}  // namespace nad::cli
