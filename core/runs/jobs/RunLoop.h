#pragma once

#include "jobs/RunPlan.h"
#include "nad/LearnerOptions.h"
#include "nad/PathLearner.h"
#include "store/RunStore.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <vector>

namespace nad {

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

struct RunLoopSettings
{
    int checkpointEvery = 50;  // steps between checkpoints written to the project (0: none)
    int historyEvery = 10;     // steps between recorded loss/usage points (0: none)
    // When the job started (loading included), for the elapsed time and the ETA.
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
};

struct RunLoopOutcome
{
    int pathsLearned = 0;  // (concept, initialization) pairs finished by this call
    bool cancelled = false;
};

// The learning part of a run, on a run record that exists: every initialization and pass of
// the plan, skipping paths the run already finished, resuming a pass from its checkpoint, and
// writing checkpoints, history and final paths as it goes (CheckpointWriter). Knows nothing of
// where the model and the images come from: a pass's images come from `PassImages`.
class RunLoop
{
public:
    using PassImages = std::function<std::vector<ConceptImages>(const std::vector<int>& classes)>;
    using ProgressCallback = std::function<void(const DisentangleProgress&)>;

    RunLoop(BlockNetwork& network, const LearnerOptions& options, const RunPlan& plan, const RunStore& runs,
            std::int64_t runId, std::int64_t datasetId, RunLoopSettings settings = {});

    // Other classes' training images for the negative-aware terms (LearnerOptions::negatives).
    void setNegatives(NegativeImages negatives) { m_negatives = std::move(negatives); }

    // Returns after the last pass, or within one step of `cancel` becoming true (the pass's
    // paths are then stored as checkpoints and the outcome says cancelled).
    RunLoopOutcome run(const PassImages& images, const ProgressCallback& progress = {},
                       const std::atomic<bool>* cancel = nullptr);

private:
    // One pass of one initialization; returns how many paths it finished, or -1 when cancelled.
    int learnPass(PathLearner& learner, const std::vector<ConceptImages>& images,
                  const std::optional<LearnerResume>& resume, int initialization, int pass,
                  const ProgressCallback& progress, const std::atomic<bool>* cancel);
    DisentangleProgress progressOf(int initialization, int pass, const LearnerProgress& learner) const;

    BlockNetwork& m_network;
    LearnerOptions m_options;
    RunPlan m_plan;
    RunStore m_runs;
    std::int64_t m_runId;
    std::int64_t m_datasetId;
    RunLoopSettings m_settings;
    NegativeImages m_negatives;
};

}  // namespace nad
