#pragma once

#include "analysis/PathEvaluator.h"
#include "jobs/DisentangleRequest.h"
#include "jobs/RunLoop.h"
#include "nad/RunEvaluation.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace nad {

struct DisentangleResult
{
    std::int64_t runId = 0;
    bool resumed = false;
    bool cancelled = false;
    int pathsLearned = 0;  // (concept, initialization) pairs finished by this call
    double seconds = 0;
    double evaluationSeconds = 0;         // of `seconds`, the final evaluation
    std::size_t trainingImagesBytes = 0;  // the most decoded training pixels held at once
    RunSummary summary;                   // the run's metrics once finished (not for a shard)
    bool evaluated = false;               // false for a shard: ShardMerge evaluates
    std::vector<std::string> concepts;    // the concepts this call's run covers, in learning order
    double lambda = 0;                    // the λ (β) the run learned with
    // λ was not given and the model has no tuned default (an imported spec): `lambda` is a
    // general fallback, and `nad sweep` should choose one on a validation split.
    bool lambdaIsFallback = false;
};

// `nad disentangle` and the studio's training panel: learns the paths of a run into the
// project file, checkpointing, resuming an interrupted run with the same model and settings,
// then evaluates them (precision, specificity, usage, similarity, interpretability) and stores
// the metrics. A shard (DisentangleRequest::shard) is not evaluated: ShardMerge does that once
// all shards are merged.
//
// In parts: prepare (model through ModelSource, concepts and passes as a RunPlan, the network
// and the training images, all before the project is written), open the run (resume or
// create), learn (RunLoop: passes, checkpoints, history), then evaluate (RunEvaluation).
class DisentangleJob
{
public:
    using ProgressCallback = RunLoop::ProgressCallback;
    static DisentangleResult run(const DisentangleRequest& request, const ProgressCallback& progress = {},
                                 const std::atomic<bool>* cancel = nullptr);
};

}  // namespace nad
