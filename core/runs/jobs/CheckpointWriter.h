#pragma once

#include "nad/PathLearner.h"
#include "store/RunStore.h"

#include <cstdint>
#include <vector>

namespace nad {

// Writes one pass of a run to the project as it learns: the loss/usage history every
// `historyEvery` steps (training curves), checkpoints, and the paths at the end. Each write is
// a transaction of RunStore, so a killed process keeps the last checkpoint and its curve.
class CheckpointWriter
{
public:
    CheckpointWriter(const RunStore& runs, std::int64_t runId, std::int64_t datasetId, int initialization,
                     int historyEvery);

    // Keeps a history point per concept at step 1, every `historyEvery` steps and at the last.
    void observe(const LearnerProgress& progress);
    // The history since the last write, then the paths as unfinished checkpoints.
    void checkpoint(const std::vector<LearnedPath>& paths);
    // The remaining history, then the paths: final, or (cancelled) as a checkpoint.
    void finish(const std::vector<LearnedPath>& paths, bool final);

    static StoredPath toStored(const LearnedPath& path, bool final);

private:
    void writePaths(const std::vector<LearnedPath>& paths, bool final);

    RunStore m_runs;  // a handle on the project; copies share its connection
    std::int64_t m_runId;
    std::int64_t m_datasetId;
    int m_initialization;
    int m_historyEvery;
    std::vector<HistoryPoint> m_history;  // recorded since the last write
};

}  // namespace nad
