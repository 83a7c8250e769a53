#pragma once

#include "analysis/PathEvaluator.h"
#include "nad/LearnerOptions.h"
#include "nad/PathLearner.h"
#include "nad/RunEvaluation.h"
#include "nad/ShardSpec.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace nad {

struct DisentangleRequest
{
    std::string projectPath;
    std::string modelName;              // a zoo entry (e.g. "vgg-w16-s1") or a model imported into the project
    std::string zooDirectory;           // where zoo entries live
    std::vector<std::string> concepts;  // class names; empty = all
    LearnerOptions options;
    bool lambdaGiven = true;            // false: use the model family's default λ (LearnerOptions::defaultLambda)
    int imagesPerConcept = 0;           // training images per concept (seeded sample); 0 = all
    int conceptsPerPass = 10;           // concepts learned together in one batched pass
    int checkpointEvery = 50;           // steps between checkpoints written to the project
    int evaluationImagesPerConcept = 0; // held-out images per class for the final evaluation; 0 = all
    int historyEvery = 10;              // steps between recorded loss/usage points (training curves)
    // With a shard i/N: learns only that share of the concepts (ShardSpec) and records it in the
    // run's hyperparameters; the run is not evaluated (similarity and interpretability need
    // every concept), `nad merge` evaluates the merged run.
    ShardSpec shard;
};

struct DisentangleProgress
{
    int initialization = 0;
    int initializations = 1;
    int pass = 0;
    int passes = 1;
    LearnerProgress learner;
    double elapsedSeconds = 0;
    double etaSeconds = 0;
};

struct DisentangleResult
{
    std::int64_t runId = 0;
    bool resumed = false;
    bool cancelled = false;
    int pathsLearned = 0;               // (concept, initialization) pairs finished by this call
    double seconds = 0;
    RunSummary summary;                 // the run's metrics once finished (not for a shard)
    bool evaluated = false;             // false for a shard: ShardMerge evaluates
    std::vector<std::string> concepts;  // the concepts this call's run covers, in learning order
};

// `nad disentangle` and the studio's training panel: learns the paths of a run into the
// project file, checkpointing, resuming an interrupted run with the same model and settings,
// then evaluates them (precision, specificity, usage, similarity, interpretability) and stores
// the metrics. A shard (DisentangleRequest::shard) is not evaluated: ShardMerge does that once
// all shards are merged.
class DisentangleJob
{
public:
    using ProgressCallback = std::function<void(const DisentangleProgress&)>;
    static DisentangleResult run(const DisentangleRequest& request, const ProgressCallback& progress = {},
                                 const std::atomic<bool>* cancel = nullptr);
    // The learner options as the JSON stored with a run (and compared when resuming). A shard
    // adds its record (ShardSpec::kHyperparameterKey) with the names of its concepts.
    static std::string hyperparametersJson(const DisentangleRequest& request,
                                           const std::vector<std::string>& shardConcepts = {});
};

} // namespace nad
