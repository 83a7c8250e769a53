#pragma once

namespace CLI {
class App;
}

namespace nad::cli {

// `nad project new FILE [--dataset PATH --name NAME --hierarchy FILE]` and
// `nad project info FILE [--json]`
void addProjectCommand(CLI::App& parent);

} // namespace nad::cli
