#pragma once

#include <vector>

namespace nad {

// One setting of a λ sweep (`nad sweep`): means over the swept concepts (and initializations),
// measured on validation images carved from the training split. Plain numbers, so the project
// store and the frontier figure read them without LibTorch.
struct SweepPoint
{
    double lambda = 0;
    double usage = 0;                   // mean over concepts of the per-block mean usage (as Fig. 4)
    std::vector<double> usagePerBlock;  // per block, mean over concepts of the share of units kept
    double pathPrecision = 0;
    double originalPrecision = 0;
    double pathSpecificity = 0;
    double originalSpecificity = 0;
    double pathAuroc = 0;
    double originalAuroc = 0;
    double steps = 0;       // steps the paths took (convergence or budget)
    int degenerate = 0;     // concepts whose path is flagged degenerate
    bool faithful = false;  // mean precision >= original - kFaithfulPoints
    bool specific = false;  // mean specificity >= original - kSpecificPoints
    // The knockout test (issue 14), means over the concepts of each concept's drops averaged
    // over the first three initializations (sweeps stored before 2026-12-04: the first only):
    // accuracy drop on the concept with its own units off, on the other concepts, and with as
    // many random units off; `causal` counts the concepts whose mean drop is at least
    // kCausalDrop and 3× both the random control's and the others' (issue 15's target). All 0
    // with fewer than 2 concepts.
    double knockoutOwnDrop = 0;
    double knockoutOthersDrop = 0;
    double knockoutRandomDrop = 0;
    int knockoutCausal = 0;
    int concepts = 0;  // concepts swept (the denominator of `degenerate` and `knockoutCausal`)
    double seconds = 0;

    // The tolerances behind `faithful` and `specific`, in accuracy points. The specificity one is
    // looser than issue 15's held-out target (3 points): one initialization on a few hundred
    // validation images per concept moves specificity by about that much.
    static constexpr double kFaithfulPoints = 0.02;
    static constexpr double kSpecificPoints = 0.05;
    // A drop must be there to be causal: 3× a control of 0 would be any drop at all, and on 100
    // images per class a drop of a few points is a few images.
    static constexpr double kCausalDrop = 0.10;
    static bool causalKnockout(int ownUnits, double ownDrop, double othersDrop, double randomDrop);

    // Blocks whose mean usage is below `share` (the "usage < 0.90 in half the blocks").
    int blocksBelow(double share) const;
    // Sets `faithful` and `specific` from the means.
    void judge();
};

// Index of the recommended point of a sweep: the sparsest (lowest usage) faithful and specific
// one with no degenerate path (a mean can hide one concept's path that answers it for
// everything); among equally sparse ones (paths that keep every unit at several λ), the largest
// λ, the one nearest the frontier. −1 when there is none.
int recommendedSweepPoint(const std::vector<SweepPoint>& points);

}  // namespace nad
