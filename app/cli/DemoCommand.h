#pragma once

namespace CLI {
class App;
}

namespace nad::cli {

// `nad demo [--project FILE] [--data DIR]`: the built-in default job, headless. Creates (or
// reuses) the Fashion-MNIST demo project in the per-user data folder and reports what it holds.
void addDemoCommand(CLI::App& parent);

}  // namespace nad::cli
