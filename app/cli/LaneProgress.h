#pragma once

#include "ProgressBar.h"

#include <chrono>
#include <mutex>
#include <ostream>
#include <string>
#include <vector>

namespace nad::cli {

// One progress line for tasks that run on several lanes at once (the demo's): every lane
// reports its current task's fraction and status; the line shows the whole (finished tasks
// plus the running tasks' fractions, over all tasks, each counted alike) and every lane's
// status. Text printed meanwhile (a trained model, a run's report) appears whole, above the line.
// Every member may be called from any lane.
class LaneProgress
{
public:
    LaneProgress(std::ostream& barOut, bool interactive, std::ostream& textOut, int lanes);

    // How many tasks the whole is made of (before the lanes start).
    void setTaskCount(int tasks);

    void update(int lane, double fraction, const std::string& status);
    // The lane's task has finished: it counts as one whole task from now on.
    void taskDone(int lane);
    void print(const std::string& text);
    void finish();

private:
    void draw(bool force);

    std::mutex m_mutex;
    ProgressBar m_bar;
    std::ostream& m_text;
    std::vector<double> m_fraction;
    std::vector<std::string> m_status;
    int m_tasks = 1;
    int m_done = 0;
    std::chrono::steady_clock::time_point m_start = std::chrono::steady_clock::now();
};

}  // namespace nad::cli
