#pragma once

#include "nad/RunEvaluation.h"

#include <cstdint>
#include <string>
#include <vector>

namespace nad {

struct ShardMergeRequest
{
    std::string outPath;              // the merged project; must not exist yet
    std::vector<std::string> inputs;  // one project per shard (`nad disentangle --shard i/N`), any order
    std::string zooDirectory;         // where the run's zoo model lives (for the evaluation)
    // Held-out images per class for the evaluation; -1 takes what the shards were given
    // (`nad disentangle --eval-images-per-concept`, recorded with each shard), 0 all of them.
    int evaluationImagesPerConcept = -1;
    // Other concepts' images per path for specificity and AUROC (RunEvaluation::negativesOption:
    // -1 automatic, 0 all, N a seeded sample), as `nad disentangle --negatives-per-concept`.
    int evaluationNegativesPerConcept = -1;
};

struct ShardMergeResult
{
    std::int64_t runId = 0;
    int shards = 0;
    int paths = 0;                      // (concept, initialization) pairs merged
    std::vector<std::string> concepts;  // in class order
    double seconds = 0;
    RunSummary summary;  // the merged run's metrics
};

// `nad merge OUT IN...`: puts the shard runs of one disentangle run back together. Each input's
// latest shard run must be finished, and all must agree on the data set, the model (name and
// SHA-256) and every hyperparameter but the shard record; together they must be shards 1..N of
// the same N with no concept twice. OUT is a snapshot of the first input (data set, concepts,
// models) without its runs, plus one run holding every shard's final paths and history under
// the hyperparameters an unsharded run stores; it is evaluated like `nad disentangle` does, so
// the merged run equals the unsharded one. OUT appears only when all of that succeeded
// (ProjectStore::createCopy); any refusal names the file and the field and writes nothing.
class ShardMerge
{
public:
    static ShardMergeResult merge(const ShardMergeRequest& request);
};

}  // namespace nad
