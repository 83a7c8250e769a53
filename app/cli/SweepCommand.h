#pragma once

namespace CLI {
class App;
}

namespace nad::cli {

// `nad sweep --model NAME --concepts A,B --lambdas 0.01,0.02,0.05 [...]`
void addSweepCommand(CLI::App& parent);

}  // namespace nad::cli
