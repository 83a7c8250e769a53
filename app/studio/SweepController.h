#pragma once

#include "BackgroundJob.h"
#include "jobs/SweepJob.h"

#include <QString>

#include <mutex>
#include <optional>

namespace nad {

// Runs a λ sweep (SweepJob) on a worker thread for Paths › Frontier: progress per step on the
// status line, cancellable between steps; a finished sweep is stored in the project by the
// job itself, and `sweepStored` says so on the GUI thread.
class SweepController : public BackgroundJob
{
    Q_OBJECT
public:
    explicit SweepController(QObject* parent = nullptr);
    ~SweepController() override;
    // False when a sweep is already running. The request must name a project.
    bool start(const SweepRequest& request);

Q_SIGNALS:
    void sweepStored(qint64 sweepId, const QString& modelName);

protected:
    void workEnded(bool cancelled) override;

private:
    std::mutex m_mutex;
    std::optional<SweepOutcome> m_outcome;
};

}  // namespace nad
