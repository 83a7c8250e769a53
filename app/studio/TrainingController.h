#pragma once

#include "BackgroundJob.h"
#include "jobs/DisentangleJob.h"

#include <QMetaType>
#include <QStringList>
#include <QVector>

#include <mutex>
#include <optional>

namespace nad {

// One progress report of a path-learning job, as value types for the GUI thread.
struct TrainingSnapshot
{
    int initialization = 0;  // 0-based
    int initializations = 1;
    int pass = 0;  // 0-based; concepts are learned `conceptsPerPass` at a time
    int passes = 1;
    int step = 0;
    int steps = 0;
    QVector<qint64> classIndices;  // the concepts of this pass, by class index
    QVector<double> distanceLoss;  // per concept, L_dif (paper) or the distance term (official)
    QVector<double> sparsityLoss;  // per concept, before λ (β)
    QVector<double> negativeLoss;  // per concept, the weighted terms on other concepts' images (0 when off)
    QVector<double> usage;         // per concept, share of units on
    double lambda = 0;             // the weight of the sparsity term in this run
    double elapsedSeconds = 0;
    double etaSeconds = 0;
    double fraction() const;
};

// The outcome of a finished (or cancelled) job.
struct TrainingOutcome
{
    qint64 runId = 0;
    bool resumed = false;
    bool cancelled = false;
    int pathsLearned = 0;
    double seconds = 0;
    bool evaluated = false;  // metrics stored (the run finished)
};

// Learns concept feature paths on a worker thread (DisentangleJob: checkpoints and the final
// paths go into the project file as they are learned, so the GUI's own connection sees them).
// The worker thread alone touches LibTorch while the job runs.
class TrainingController : public BackgroundJob
{
    Q_OBJECT
public:
    explicit TrainingController(QObject* parent = nullptr);
    // Starts learning; false when a job is already running.
    bool start(const DisentangleRequest& request);
    const DisentangleRequest& request() const { return m_request; }

Q_SIGNALS:
    // Coalesced to ≤ 10 Hz; the final step of each pass is always delivered.
    void snapshot(const nad::TrainingSnapshot& snapshot);
    // Emitted before `finished` when the engine returned (not after `failed`).
    void resultAvailable(const nad::TrainingOutcome& outcome);

protected:
    void workEnded(bool cancelled) override;

private:
    DisentangleRequest m_request;
    std::mutex m_mutex;
    std::optional<TrainingOutcome> m_outcome;
    std::optional<TrainingSnapshot> m_pending;  // a coalesced snapshot not yet delivered
};

}  // namespace nad

Q_DECLARE_METATYPE(nad::TrainingSnapshot)
Q_DECLARE_METATYPE(nad::TrainingOutcome)
