#include "ProgressBar.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace nad::cli {

std::string ProgressBar::formatDuration(double seconds)
{
    const long total = long(std::lround(std::max(0.0, seconds)));
    char text[32];
    if (total >= 3600)
        std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", total / 3600, total / 60 % 60, total % 60);
    else
        std::snprintf(text, sizeof text, "%ld:%02ld", total / 60, total % 60);
    return text;
}

void ProgressBar::update(double fraction, double etaSeconds, const std::string& status, bool force)
{
    if (!m_interactive) {
        const int decile = int(std::clamp(fraction, 0.0, 1.0) * 10.0);
        if (decile == m_lastDecile && !force)
            return;
        m_lastDecile = decile;
        char percent[16];
        std::snprintf(percent, sizeof percent, "%3.0f%%", 100.0 * std::clamp(fraction, 0.0, 1.0));
        m_out << percent << "  ETA " << formatDuration(etaSeconds) << "  " << status << '\n' << std::flush;
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (!force && m_drawn && now - m_lastDraw < std::chrono::milliseconds(100))
        return;
    m_lastDraw = now;
    m_drawn = true;
    constexpr int width = 30;
    const int filled = int(std::clamp(fraction, 0.0, 1.0) * width);
    std::string bar(std::size_t(filled), '#');
    bar.resize(width, '.');
    char percent[16];
    std::snprintf(percent, sizeof percent, "%5.1f%%", 100.0 * std::clamp(fraction, 0.0, 1.0));
    m_out << "\r[" << bar << "] " << percent << "  ETA " << formatDuration(etaSeconds) << "  " << status << "\x1b[K"
          << std::flush;
}

void ProgressBar::finish()
{
    if (m_drawn && m_interactive)
        m_out << '\n' << std::flush;
    m_drawn = false;
}

}  // namespace nad::cli
