#pragma once

#include <string>
#include <vector>

namespace nad {

// Which share of a run's concepts one machine learns (`nad disentangle --shard i/N`), so a
// cluster can learn a large concept list in parallel and `nad merge` can put it back together.
// 1-based like Slurm's SLURM_ARRAY_TASK_ID with `--array=1-N`. The split is round-robin over
// the requested concepts in class order: the k-th (0-based) goes to shard (k mod N) + 1. It
// depends only on the concept list, never on the machine, so every task computes the same
// split; round-robin rather than blocks keeps neighbouring classes (often similar, so similar
// in cost) spread over the tasks.
struct ShardSpec
{
    int index = 0;  // 1..count
    int count = 0;  // 0: not sharded

    // Parses "i/N" (1 ≤ i ≤ N); throws InvalidArgument naming the text otherwise.
    static ShardSpec parse(const std::string& text);
    bool active() const { return count > 0; }
    std::string text() const;  // "i/N"
    // This shard's classes: the distinct `classes` in class order, every N-th from index − 1.
    std::vector<int> select(std::vector<int> classes) const;

    // The key of a run's hyperparameters JSON that records the shard (index, count, the names
    // of the concepts it learned, the evaluation size the merge should use).
    static constexpr const char* kHyperparameterKey = "shard";
    // The hyperparameters JSON without the shard record: what an unsharded run with the same
    // settings stores, and what the shards of one run must agree on.
    static std::string withoutShard(const std::string& hyperparametersJson);
};

}  // namespace nad
