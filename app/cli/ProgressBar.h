#pragma once

#include <chrono>
#include <ostream>
#include <string>

namespace nad::cli {

// A one-line progress bar with ETA, redrawn at most 10 times a second on a terminal; when the
// output is a log file or pipe, one plain line per 10 % instead of carriage returns.
class ProgressBar
{
public:
    ProgressBar(std::ostream& out, bool interactive) : m_out(out), m_interactive(interactive) {}
    // `fraction` in [0, 1]; `status` is printed after the bar (loss, epoch, ...).
    void update(double fraction, double etaSeconds, const std::string& status, bool force = false);
    // Ends the line.
    void finish();

    static std::string formatDuration(double seconds);

private:
    std::ostream& m_out;
    bool m_interactive = true;
    int m_lastDecile = -1;
    std::chrono::steady_clock::time_point m_lastDraw{};
    bool m_drawn = false;
};

}  // namespace nad::cli
