#pragma once

namespace CLI {
class App;
}

namespace nad::cli {

// `nad merge OUT IN... [--zoo DIR] [--eval-images-per-concept N]`: combines the shard projects
// of `nad disentangle --shard i/N` into one new, evaluated project (ShardMerge).
void addMergeCommand(CLI::App& parent);

}  // namespace nad::cli
