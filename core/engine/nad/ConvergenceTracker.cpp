#include "nad/ConvergenceTracker.h"

namespace nad {

ConvergenceTracker::ConvergenceTracker(int firstStep, std::vector<int> budgets, const LearnerOptions& options)
    : m_active(budgets.size(), true), m_steps(budgets.size(), firstStep), m_budgets(std::move(budgets)),
      m_snapshot(m_budgets.size()), m_window(options.convergenceWindow), m_tolerance(options.convergenceTolerance),
      m_minSteps(options.minSteps)
{
    for (std::size_t c = 0; c < m_budgets.size(); ++c)
        m_active[c] = firstStep < m_budgets[c];
}

void ConvergenceTracker::resumeFrom(std::size_t concept, BinaryPath binary)
{
    if (m_window > 0 && m_steps[concept] > 0 && m_steps[concept] % m_window == 0)
        m_snapshot[concept] = std::move(binary);
}

void ConvergenceTracker::record(std::size_t concept, BinaryPath binary)
{
    if (!m_active[concept])
        return;
    const int step = ++m_steps[concept];
    if (m_window > 0 && step % m_window == 0) {
        // A run resumed between two checks has no snapshot yet and checks one window later.
        if (!m_snapshot[concept].empty() && step >= m_minSteps &&
            changedShare(binary, m_snapshot[concept]) <= m_tolerance)
            m_active[concept] = false;
        m_snapshot[concept] = std::move(binary);
    }
    if (step >= m_budgets[concept])
        m_active[concept] = false;
}

bool ConvergenceTracker::nextRecordEndsWindow(std::size_t concept) const
{
    if (!m_active[concept])
        return false;
    const int step = m_steps[concept] + 1;
    return (m_window > 0 && step % m_window == 0) || step >= m_budgets[concept];
}

double ConvergenceTracker::changedShare(const BinaryPath& a, const BinaryPath& b)
{
    double changed = 0, all = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        for (std::size_t t = 0; t < a[i].size(); ++t)
            changed += a[i][t] != b[i][t] ? 1 : 0;
        all += double(a[i].size());
    }
    return all > 0 ? changed / all : 0.0;
}

}  // namespace nad
