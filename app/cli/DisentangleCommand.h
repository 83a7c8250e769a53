#pragma once

namespace CLI {
class App;
}

namespace nad::cli {

// `nad disentangle PROJECT --model NAME [--concepts all|a,b] [--preset paper|official] [--shard i/N] ...`
// and `nad evaluate PROJECT [--run N]`.
void addDisentangleCommands(CLI::App& parent);

}  // namespace nad::cli
