#include "BackgroundJob.h"

#include <QThread>

#include <exception>

namespace nad {

BackgroundJob::BackgroundJob(QObject* parent) : QObject(parent) {}

BackgroundJob::~BackgroundJob()
{
    if (m_thread) {
        cancel();
        m_thread->wait();
        delete m_thread;
    }
}

void BackgroundJob::cancel()
{
    m_cancel.store(true);
}

bool BackgroundJob::wait(int milliseconds)
{
    return !m_thread || m_thread->wait(QDeadlineTimer(milliseconds));
}

bool BackgroundJob::launch(std::function<bool(const std::atomic<bool>&)> work)
{
    if (m_running)
        return false;
    if (m_thread) {  // the previous job's thread has ended (m_running is false)
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
    m_cancel.store(false);
    m_cancelled = false;
    m_error.clear();
    m_sinceProgress.invalidate();
    m_running = true;
    m_thread = QThread::create([this, work = std::move(work)] {
        // Only the job boundary catches: whatever the engine throws becomes `failed`.
        try {
            m_cancelled = work(m_cancel);
        } catch (const std::exception& e) {
            m_error = QString::fromUtf8(e.what());
            if (m_error.isEmpty())
                m_error = tr("The job stopped with an unknown error.");
        } catch (...) {
            m_error = tr("The job stopped with an unknown error.");
        }
    });
    m_thread->setObjectName(QStringLiteral("nad-job"));
    // QThread::finished is emitted from the worker thread; the queued connection brings it to
    // this object's (the GUI) thread, after the work's last writes are visible.
    connect(m_thread, &QThread::finished, this, &BackgroundJob::onThreadFinished, Qt::QueuedConnection);
    Q_EMIT started();
    m_thread->start(QThread::LowPriority);
    return true;
}

bool BackgroundJob::progressDue(bool last)
{
    std::lock_guard<std::mutex> lock(m_progressMutex);
    if (!last && m_sinceProgress.isValid() && m_sinceProgress.elapsed() < m_progressIntervalMs)
        return false;
    m_sinceProgress.start();
    return true;
}

void BackgroundJob::reportProgress(double fraction, const QString& text, bool last)
{
    if (progressDue(last))
        Q_EMIT progressed(fraction, text);
}

void BackgroundJob::onThreadFinished()
{
    if (!m_running)
        return;
    m_running = false;
    if (!m_error.isEmpty()) {
        workEnded(true);
        Q_EMIT failed(m_error);
        return;
    }
    workEnded(m_cancelled);
    Q_EMIT finished(m_cancelled);
}

}  // namespace nad
