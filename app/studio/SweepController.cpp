#include "SweepController.h"

#include "Errors.h"

namespace nad {

SweepController::SweepController(QObject* parent) : BackgroundJob(parent) {}

SweepController::~SweepController()
{
    // The worker holds the network and the images: it must end before they are freed.
    cancel();
    wait(-1);
}

bool SweepController::start(const SweepRequest& request)
{
    if (request.projectPath.empty())
        return false;
    return launch([this, request](const std::atomic<bool>& cancel) {
        const std::size_t count = request.lambdas.size();
        try {
            SweepOutcome outcome = SweepJob::run(
                request,
                [this, &request, count](std::size_t point, int step, int steps) {
                    const double fraction = (double(point) + double(step) / std::max(1, steps)) / double(count);
                    reportProgress(fraction, tr("Sweeping λ %1 (%2 of %3): step %4 of at most %5…")
                                                 .arg(request.lambdas[point])
                                                 .arg(point + 1)
                                                 .arg(count)
                                                 .arg(step)
                                                 .arg(steps));
                },
                &cancel);
            const bool cancelled = outcome.points.size() < count;
            std::lock_guard<std::mutex> lock(m_mutex);
            m_outcome = std::move(outcome);
            return cancelled;
        } catch (const Error&) {
            if (cancel.load())
                return true;
            throw;
        }
    });
}

void SweepController::workEnded(bool cancelled)
{
    std::optional<SweepOutcome> outcome;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        outcome.swap(m_outcome);
    }
    if (!cancelled && outcome && outcome->sweepId > 0)
        Q_EMIT sweepStored(outcome->sweepId, QString::fromStdString(outcome->modelName));
}

}  // namespace nad
