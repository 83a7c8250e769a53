#pragma once

#include "analysis/SweepPoint.h"
#include "data/ImageSet.h"
#include "data/Normalization.h"
#include "data/ValidationSplit.h"
#include "nad/LearnerOptions.h"
#include "nn/BlockNetwork.h"

#include <atomic>
#include <functional>
#include <vector>

namespace nad {

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
// With several initializations a point is the mean over them; the knockout test (issue 14)
// averages each concept's drops over the first three initializations' paths. The recommended λ is
// recommendedSweepPoint's.
class LambdaSweep
{
public:
    using ProgressCallback = std::function<void(std::size_t pointIndex, int step, int steps)>;

    static std::vector<SweepPoint> run(BlockNetwork& network, const ImageSet& train, const Normalization& normalization,
                                       const std::vector<int>& classes, const std::vector<double>& lambdas,
                                       const LearnerOptions& options, const SweepImages& images,
                                       const ProgressCallback& progress = {},
                                       const std::atomic<bool>* cancel = nullptr);
};

}  // namespace nad
