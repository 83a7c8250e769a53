#include "JobLanes.h"

#include <algorithm>
#include <thread>

namespace nad::cli {

const std::atomic<bool>& JobLanes::Lane::cancel() const
{
    return m_lanes.m_stop;
}

int JobLanes::Lane::threads() const
{
    const std::lock_guard<std::mutex> lock(m_lanes.m_mutex);
    return m_lanes.threadsLocked();
}

void JobLanes::Lane::progress(double fraction, const std::string& status)
{
    const std::lock_guard<std::mutex> lock(m_lanes.m_mutex);
    Entry& entry = *m_lanes.m_jobs[m_job];
    entry.fraction = std::clamp(fraction, 0.0, 1.0);
    entry.status = status;
    m_lanes.redrawLocked();
}

std::ostream& JobLanes::Lane::out()
{
    // Only the job's own thread writes its buffer; the lanes read it once the job has ended.
    return m_lanes.m_jobs[m_job]->out;
}

JobLanes::JobLanes(int lanes, int cores, std::ostream& report, std::ostream& progressOut, bool interactive)
    : m_lanes(std::max(1, lanes)), m_cores(std::max(1, cores)), m_report(report), m_bar(progressOut, interactive)
{}

JobLanes::~JobLanes() = default;

void JobLanes::add(std::string name, Job job)
{
    auto entry = std::make_unique<Entry>();
    entry->name = std::move(name);
    entry->job = std::move(job);
    m_jobs.push_back(std::move(entry));
}

int JobLanes::threadsLocked() const
{
    return std::max(1, m_cores / std::max(1, m_running));
}

void JobLanes::redrawLocked()
{
    double done = 0;
    std::string status;
    for (const auto& entry : m_jobs) {
        done += entry->done ? 1.0 : entry->fraction;
        if (!entry->running)
            continue;
        if (!status.empty())
            status += " | ";
        status += entry->status.empty() ? entry->name : entry->status;
    }
    const double fraction = m_jobs.empty() ? 1.0 : done / double(m_jobs.size());
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    const double eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : 0;
    m_bar.update(fraction, eta, status);
}

void JobLanes::runJob(std::size_t job)
{
    Entry& entry = *m_jobs[job];
    Lane lane(*this, job);
    try {
        entry.job(lane);
    } catch (...) {
        const std::lock_guard<std::mutex> lock(m_mutex);
        if (!m_failure)
            m_failure = std::current_exception();
        m_stop = true;
    }
    const std::lock_guard<std::mutex> lock(m_mutex);
    entry.running = false;
    entry.done = true;
    --m_running;
    m_bar.clear();
    m_report << entry.out.str() << std::flush;
    redrawLocked();
}

void JobLanes::laneLoop()
{
    for (;;) {
        std::size_t job = 0;
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            if (m_next == m_jobs.size() || m_stop) {
                --m_lanesLeft;
                m_changed.notify_all();
                return;
            }
            job = m_next++;
            m_jobs[job]->running = true;
            ++m_running;
        }
        runJob(job);
    }
}

bool JobLanes::run(const std::atomic<bool>& userCancel)
{
    m_start = std::chrono::steady_clock::now();
    const int lanes = int(std::min<std::size_t>(std::size_t(m_lanes), m_jobs.size()));
    m_lanesLeft = lanes;
    std::vector<std::thread> threads;
    threads.reserve(std::size_t(lanes));
    for (int i = 0; i < lanes; ++i)
        threads.emplace_back([this] { laneLoop(); });
    {
        // Ctrl-C arrives as a flag the engine cannot be given directly (it takes one flag and
        // the lanes add their own reason to stop): poll it while the lanes work.
        std::unique_lock<std::mutex> lock(m_mutex);
        while (m_lanesLeft > 0) {
            if (userCancel.load())
                m_stop = true;
            m_changed.wait_for(lock, std::chrono::milliseconds(50));
        }
    }
    for (auto& thread : threads)
        thread.join();
    m_bar.finish();
    if (m_failure)
        std::rethrow_exception(m_failure);
    return std::all_of(m_jobs.begin(), m_jobs.end(), [](const auto& entry) { return entry->done; });
}

}  // namespace nad::cli
