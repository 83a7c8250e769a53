#include "jobs/RunLoop.h"

#include "jobs/CheckpointWriter.h"
#include "jobs/RunCheckpoints.h"

namespace nad {

RunLoop::RunLoop(BlockNetwork& network, const LearnerOptions& options, const RunPlan& plan, const RunStore& runs,
                 std::int64_t runId, std::int64_t datasetId, RunLoopSettings settings)
    : m_network(network), m_options(options), m_plan(plan), m_runs(runs), m_runId(runId), m_datasetId(datasetId),
      m_settings(settings)
{}

RunLoopOutcome RunLoop::run(const PassImages& images, const ProgressCallback& progress, const std::atomic<bool>* cancel)
{
    // What is already stored: finished paths are skipped, checkpoints resumed.
    const RunCheckpoints stored(m_runs.paths(m_runId, m_datasetId, false));
    PathLearner learner(m_network, m_options);
    learner.setNegatives(m_negatives);
    RunLoopOutcome outcome;
    for (int init = 0; init < m_plan.initializations; ++init) {
        for (int pass = 0; pass < m_plan.passes(); ++pass) {
            const std::vector<int> todo = stored.pending(m_plan.passClasses(pass), init);
            if (todo.empty())
                continue;
            const int finished =
                learnPass(learner, images(todo), stored.resumePoint(todo, init), init, pass, progress, cancel);
            if (finished < 0) {
                outcome.cancelled = true;
                return outcome;
            }
            outcome.pathsLearned += finished;
        }
    }
    return outcome;
}

int RunLoop::learnPass(PathLearner& learner, const std::vector<ConceptImages>& images,
                       const std::optional<LearnerResume>& resume, int initialization, int pass,
                       const ProgressCallback& progress, const std::atomic<bool>* cancel)
{
    CheckpointWriter writer(m_runs, m_runId, m_datasetId, initialization, m_settings.historyEvery);
    auto report = [&](const LearnerProgress& p) {
        writer.observe(p);
        if (progress)
            progress(progressOf(initialization, pass, p));
    };
    auto checkpoint = [&](const std::vector<LearnedPath>& paths) { writer.checkpoint(paths); };
    const auto paths = learner.learn(images, initialization, report, cancel, resume ? &*resume : nullptr, checkpoint,
                                     m_settings.checkpointEvery);
    const bool finished = !(cancel && cancel->load());
    writer.finish(paths, finished);
    return finished ? int(paths.size()) : -1;
}

DisentangleProgress RunLoop::progressOf(int initialization, int pass, const LearnerProgress& learner) const
{
    DisentangleProgress d;
    d.initialization = initialization;
    d.initializations = m_plan.initializations;
    d.pass = pass;
    d.passes = m_plan.passes();
    d.learner = learner;
    d.elapsedSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_settings.start).count();
    const double done = double(initialization * d.passes + pass) + double(learner.step) / double(learner.steps);
    const double total = double(m_plan.initializations * d.passes);
    d.etaSeconds = done > 0 ? d.elapsedSeconds / done * (total - done) : 0;
    return d;
}

}  // namespace nad
