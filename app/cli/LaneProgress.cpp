#include "LaneProgress.h"

#include <algorithm>

namespace nad::cli {

LaneProgress::LaneProgress(std::ostream& barOut, bool interactive, std::ostream& textOut, int lanes)
    : m_bar(barOut, interactive), m_text(textOut), m_fraction(std::size_t(std::max(1, lanes)), 0.0),
      m_status(std::size_t(std::max(1, lanes)))
{}

void LaneProgress::setTaskCount(int tasks)
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_tasks = std::max(1, tasks);
}

void LaneProgress::update(int lane, double fraction, const std::string& status)
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_fraction.at(std::size_t(lane)) = std::clamp(fraction, 0.0, 1.0);
    m_status.at(std::size_t(lane)) = status;
    draw(false);
}

void LaneProgress::taskDone(int lane)
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_fraction.at(std::size_t(lane)) = 0;
    m_status.at(std::size_t(lane)).clear();
    ++m_done;
}

void LaneProgress::print(const std::string& text)
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_bar.clear();
    m_text << text << std::flush;
    draw(true);
}

void LaneProgress::finish()
{
    const std::lock_guard<std::mutex> lock(m_mutex);
    m_bar.finish();
}

void LaneProgress::draw(bool force)
{
    double done = double(m_done);
    std::string status;
    for (std::size_t lane = 0; lane < m_status.size(); ++lane) {
        done += m_fraction[lane];
        if (m_status[lane].empty())
            continue;
        status += (status.empty() ? "" : "  |  ") + m_status[lane];
    }
    if (status.empty())
        return;
    const double fraction = std::min(1.0, done / double(m_tasks));
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    // Every task counted alike: a rough whole-demo ETA, refined as tasks finish.
    const double eta = fraction > 0 ? elapsed / fraction * (1 - fraction) : 0;
    m_bar.update(fraction, eta, status, force);
}

}  // namespace nad::cli
