#pragma once

#include "ProgressBar.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

namespace nad::cli {

// Runs independent jobs a few at a time on threads of their own, the cores shared among the
// jobs still running. Small networks leave a core idle much of a step (one thread dispatches
// hundreds of small operators), so on 2 cores two jobs of one thread each finish sooner than
// the same jobs one after the other on two threads (`nad demo --jobs`).
//
// Each job writes its report to its own buffer, printed as one block when the job ends, and
// reports progress to one shared progress line. The first job that throws, or the user's
// Ctrl-C, stops the others at their next check; the first exception is rethrown by run().
class JobLanes
{
public:
    // What a running job sees of the lanes.
    class Lane
    {
    public:
        // Set when the job should stop: Ctrl-C, or another job failed.
        const std::atomic<bool>& cancel() const;
        // The threads this job may use now: the cores divided among the jobs still running,
        // so the last one gets the whole machine. Jobs re-read it at each progress report.
        int threads() const;
        // The job's share of the progress line: `fraction` in [0, 1] of this job.
        void progress(double fraction, const std::string& status);
        // The job's report, printed as one block when it ends.
        std::ostream& out();

    private:
        friend class JobLanes;
        Lane(JobLanes& lanes, std::size_t job) : m_lanes(lanes), m_job(job) {}
        JobLanes& m_lanes;
        std::size_t m_job;
    };
    using Job = std::function<void(Lane&)>;

    // At most `lanes` jobs at once (at least 1), sharing `cores` cores. Reports go to `report`,
    // the progress line to `progressOut`.
    JobLanes(int lanes, int cores, std::ostream& report, std::ostream& progressOut, bool interactive);
    ~JobLanes();
    JobLanes(const JobLanes&) = delete;
    JobLanes& operator=(const JobLanes&) = delete;

    void add(std::string name, Job job);
    // Runs the jobs, in the order added, each on the first free lane, until all ended or the
    // user cancelled (then the jobs not yet begun are not run). True when every job ran.
    bool run(const std::atomic<bool>& userCancel);

private:
    struct Entry
    {
        std::string name;
        Job job;
        std::ostringstream out;
        double fraction = 0;
        std::string status;
        bool running = false;
        bool done = false;
    };

    void laneLoop();
    void runJob(std::size_t job);
    void redrawLocked();
    int threadsLocked() const;

    int m_lanes;
    int m_cores;
    std::ostream& m_report;
    ProgressBar m_bar;
    std::vector<std::unique_ptr<Entry>> m_jobs;
    std::chrono::steady_clock::time_point m_start;

    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::size_t m_next = 0;
    int m_running = 0;
    int m_lanesLeft = 0;
    std::exception_ptr m_failure;
    std::atomic<bool> m_stop{false};
};

}  // namespace nad::cli
