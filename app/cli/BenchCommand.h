#pragma once

namespace CLI {
class App;
}

namespace nad::cli {

// `nad bench`: the engine's speed on this machine, measured in one run (ratios, medians).
void addBenchCommand(CLI::App& parent);

}  // namespace nad::cli
