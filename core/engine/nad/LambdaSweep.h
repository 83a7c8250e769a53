#pragma once

#include "data/ImageSet.h"
#include "data/Normalization.h"
#include "data/ValidationSplit.h"
#include "nad/LearnerOptions.h"
#include "nn/BlockNetwork.h"

#include <atomic>
#include <functional>
#include <vector>

namespace nad {

// One λ of a sweep: means over the swept concepts, measured on the validation images.
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
    bool faithful = false;  // mean precision >= original - 2 points
    bool specific = false;  // mean specificity >= original - 5 points
    double seconds = 0;
    // Blocks whose mean usage is below `share` (the "usage < 0.90 in half the blocks").
    int blocksBelow(double share) const;
};

// Which training images a sweep learns from and which it validates on.
struct SweepImages
{
    std::size_t perConcept = 500;          // learning images per swept concept (0: all it has)
    std::size_t validationPerClass = 500;  // ValidationSplit: per class, at most half the class
    std::uint64_t splitSeed = 0;
};

// `nad sweep`: learns paths for a few concepts at each λ and reports unit usage against path
// precision, specificity and AUROC, so a user can pick λ the way the paper did by hand and see
// where paths degenerate. Everything is measured on a validation split carved (seeded) from the
// training images — the sweep is never given the held-out split the run's evaluation reports.
// The recommended λ is the sparsest (lowest usage) faithful and specific one; among equally
// sparse ones, the largest.
class LambdaSweep
{
public:
    using ProgressCallback = std::function<void(std::size_t pointIndex, int step, int steps)>;

    static std::vector<SweepPoint> run(BlockNetwork& network, const ImageSet& train, const Normalization& normalization,
                                       const std::vector<int>& classes, const std::vector<double>& lambdas,
                                       const LearnerOptions& options, const SweepImages& images,
                                       const ProgressCallback& progress = {},
                                       const std::atomic<bool>* cancel = nullptr);

    // Index of the recommended point, or -1 when none is both faithful and specific.
    static int recommended(const std::vector<SweepPoint>& points);
};

}  // namespace nad
