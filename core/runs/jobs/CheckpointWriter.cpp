#include "jobs/CheckpointWriter.h"

namespace nad {

CheckpointWriter::CheckpointWriter(const RunStore& runs, std::int64_t runId, std::int64_t datasetId, int initialization,
                                   int historyEvery)
    : m_runs(runs), m_runId(runId), m_datasetId(datasetId), m_initialization(initialization),
      m_historyEvery(historyEvery)
{}

StoredPath CheckpointWriter::toStored(const LearnedPath& path, bool final)
{
    StoredPath stored;
    stored.classIndex = int(path.classIndex);
    stored.initialization = path.initialization;
    stored.step = path.steps;
    stored.final = final;
    for (const auto& logits : path.logits) {
        const torch::Tensor cpu = logits.to(torch::kCPU, torch::kFloat).contiguous();
        stored.logits.emplace_back(cpu.data_ptr<float>(), cpu.data_ptr<float>() + cpu.numel());
    }
    stored.binary = path.binary;
    return stored;
}

void CheckpointWriter::observe(const LearnerProgress& p)
{
    if (m_historyEvery <= 0)
        return;
    if (p.step % m_historyEvery != 0 && p.step != p.steps && p.step != 1)
        return;
    for (std::size_t c = 0; c < p.classIndices.size(); ++c)
        m_history.push_back(
            {int(p.classIndices[c]), m_initialization, p.step, p.distanceLoss[c], p.sparsityLoss[c], p.usage[c]});
}

void CheckpointWriter::writePaths(const std::vector<LearnedPath>& paths, bool final)
{
    // History first: a kill between the two writes then leaves points past the checkpoint
    // (rewritten identically on resume, INSERT OR REPLACE) rather than a checkpoint whose curve
    // points since the last one are lost for good.
    m_runs.saveHistory(m_runId, m_datasetId, m_history);
    m_history.clear();
    std::vector<StoredPath> toSave;
    for (const auto& p : paths)
        toSave.push_back(toStored(p, final));
    m_runs.savePaths(m_runId, m_datasetId, toSave);
}

void CheckpointWriter::checkpoint(const std::vector<LearnedPath>& paths)
{
    writePaths(paths, false);
}

void CheckpointWriter::finish(const std::vector<LearnedPath>& paths, bool final)
{
    writePaths(paths, final);
}

}  // namespace nad
