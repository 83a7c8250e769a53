#pragma once

namespace CLI {
class App;
}

namespace nad::cli {

// `nad dataset inspect PATH [--hierarchy FILE] [--json]`
void addDatasetCommand(CLI::App& parent);

}  // namespace nad::cli
