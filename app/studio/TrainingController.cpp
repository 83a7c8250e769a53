#include "TrainingController.h"

#include "nad/LearnerOptions.h"

namespace nad {

double TrainingSnapshot::fraction() const
{
    const double total = double(std::max(1, initializations) * std::max(1, passes));
    const double done = double(initialization * passes + pass) + (steps > 0 ? double(step) / double(steps) : 0.0);
    return std::clamp(done / total, 0.0, 1.0);
}

TrainingController::TrainingController(QObject* parent) : BackgroundJob(parent)
{
    qRegisterMetaType<TrainingSnapshot>();
    qRegisterMetaType<TrainingOutcome>();
}

bool TrainingController::start(const DisentangleRequest& request)
{
    if (isRunning())
        return false;
    m_request = request;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_outcome.reset();
        m_pending.reset();
    }
    return launch([this, request](const std::atomic<bool>& cancel) {
        // λ as the run will use it (the family default is resolved inside the job; the
        // snapshot's λ·L_reg curve is only approximate until the first report says more).
        const double lambda = request.options.lambda;
        const auto onProgress = [this, lambda](const DisentangleProgress& p) {
            TrainingSnapshot s;
            s.initialization = p.initialization;
            s.initializations = p.initializations;
            s.pass = p.pass;
            s.passes = p.passes;
            s.step = p.learner.step;
            s.steps = p.learner.steps;
            s.classIndices = QVector<qint64>(p.learner.classIndices.begin(), p.learner.classIndices.end());
            s.distanceLoss = QVector<double>(p.learner.distanceLoss.begin(), p.learner.distanceLoss.end());
            s.sparsityLoss = QVector<double>(p.learner.sparsityLoss.begin(), p.learner.sparsityLoss.end());
            s.negativeLoss = QVector<double>(p.learner.negativeLoss.begin(), p.learner.negativeLoss.end());
            s.usage = QVector<double>(p.learner.usage.begin(), p.learner.usage.end());
            s.lambda = lambda;
            s.elapsedSeconds = p.elapsedSeconds;
            s.etaSeconds = p.etaSeconds;
            const bool last = s.step == s.steps;
            if (progressDue(last)) {
                {
                    std::lock_guard<std::mutex> lock(m_mutex);
                    m_pending.reset();
                }
                Q_EMIT snapshot(s);
                Q_EMIT progressed(s.fraction(), QString());
            } else {
                std::lock_guard<std::mutex> lock(m_mutex);
                m_pending = s;
            }
        };
        const DisentangleResult result = DisentangleJob::run(request, onProgress, &cancel);
        TrainingOutcome outcome;
        outcome.runId = result.runId;
        outcome.resumed = result.resumed;
        outcome.cancelled = result.cancelled;
        outcome.pathsLearned = result.pathsLearned;
        outcome.seconds = result.seconds;
        outcome.evaluated = !result.cancelled;
        std::lock_guard<std::mutex> lock(m_mutex);
        m_outcome = outcome;
        return result.cancelled;
    });
}

void TrainingController::workEnded(bool)
{
    std::optional<TrainingSnapshot> pending;
    std::optional<TrainingOutcome> outcome;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        pending.swap(m_pending);
        outcome.swap(m_outcome);
    }
    if (pending)
        Q_EMIT snapshot(*pending);
    if (outcome)
        Q_EMIT resultAvailable(*outcome);
}

}  // namespace nad
