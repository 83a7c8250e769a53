#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <mutex>

class QThread;

namespace nad {

// One long engine call on its own QThread (hotspot's PerfParser is the model): the engine is
// synchronous and checks a cancel token at least once per step, this object owns the thread
// and the token and turns the call's outcome into signals on the GUI thread. Engine and std
// exceptions are caught at the job boundary and become `failed`. Subclasses add typed progress.
class BackgroundJob : public QObject
{
    Q_OBJECT
public:
    explicit BackgroundJob(QObject* parent = nullptr);
    // Cancels a running job and waits for its thread: the engine returns within a step.
    ~BackgroundJob() override;

    bool isRunning() const { return m_running; }
    // Asks the engine to stop at its next check; `finished(true)` follows.
    void cancel();
    bool isCancelRequested() const { return m_cancel.load(); }
    // Blocks until the worker thread has ended (after cancel()); false on timeout.
    bool wait(int milliseconds);

    // Progress signals are coalesced to at most one per this many milliseconds (default 100,
    // i.e. ≤ 10 Hz); the last one before the job ends is always delivered.
    void setProgressInterval(int milliseconds) { m_progressIntervalMs = milliseconds; }

Q_SIGNALS:
    void started();
    // Fraction in [0, 1] (negative: unknown) and a line for the status bar.
    void progressed(double fraction, const QString& text);
    void finished(bool cancelled);
    void failed(const QString& message);

protected:
    // Runs `work` on a new thread. `work` returns true when it stopped because of a cancel.
    // Returns false (and starts nothing) when a job is already running.
    bool launch(std::function<bool(const std::atomic<bool>& cancel)> work);
    // From the worker thread: true when a progress signal is due (coalescing); `last` forces it.
    bool progressDue(bool last = false);
    // From the worker thread: emits `progressed` when due.
    void reportProgress(double fraction, const QString& text, bool last = false);
    // Called on the GUI thread once the work returned (before `finished`), e.g. to publish a
    // result the worker stored.
    virtual void workEnded(bool /*cancelled*/) {}

private:
    void onThreadFinished();

    QThread* m_thread = nullptr;
    std::atomic<bool> m_cancel{false};
    bool m_running = false;
    bool m_cancelled = false;
    QString m_error;
    std::mutex m_progressMutex;
    QElapsedTimer m_sinceProgress;
    int m_progressIntervalMs = 100;
};

}  // namespace nad
