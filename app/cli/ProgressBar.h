#pragma once

#include <chrono>
#include <ostream>
#include <string>

namespace nad::cli {

// A one-line progress bar with ETA for terminals, redrawn at most 10 times a second.
class ProgressBar
{
public:
    explicit ProgressBar(std::ostream& out) : m_out(out) {}
    // `fraction` in [0, 1]; `status` is printed after the bar (loss, epoch, ...).
    void update(double fraction, double etaSeconds, const std::string& status, bool force = false);
    // Ends the line.
    void finish();

    static std::string formatDuration(double seconds);

private:
    std::ostream& m_out;
    std::chrono::steady_clock::time_point m_lastDraw{};
    bool m_drawn = false;
};

} // namespace nad::cli
