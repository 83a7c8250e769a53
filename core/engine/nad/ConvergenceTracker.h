#pragma once

#include "nad/LearnerOptions.h"

#include <cstdint>
#include <vector>

namespace nad {

// Per concept: steps taken, its budget, and the convergence rule (LearnerOptions): every
// `window` steps from `minSteps` on, the binary path is compared with the one a window earlier,
// and the concept stops when at most `tolerance` of its units changed.
class ConvergenceTracker
{
public:
    using BinaryPath = std::vector<std::vector<std::uint8_t>>;

    ConvergenceTracker(int firstStep, std::vector<int> budgets, const LearnerOptions& options);

    const std::vector<bool>& active() const { return m_active; }
    int steps(std::size_t concept) const { return m_steps[concept]; }
    // A resumed pass: the path it resumes from is the snapshot when it was taken on a check step
    // (checkpoints every multiple of the window), so the run continues exactly as uninterrupted.
    void resumeFrom(std::size_t concept, BinaryPath binary);
    // Whether the next record() for `concept` is a check step or its last step: the step whose
    // path the rule compares (or the run keeps).
    bool nextRecordEndsWindow(std::size_t concept) const;
    // Records concept `concept`'s binary path after a step it took part in.
    void record(std::size_t concept, BinaryPath binary);

    static double changedShare(const BinaryPath& a, const BinaryPath& b);

private:
    std::vector<bool> m_active;
    std::vector<int> m_steps;
    std::vector<int> m_budgets;
    std::vector<BinaryPath> m_snapshot;
    int m_window;
    double m_tolerance;
    int m_minSteps;
};

}  // namespace nad
