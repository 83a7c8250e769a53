#pragma once

#include "data/ImageSet.h"
#include "data/Normalization.h"
#include "nad/LearnerOptions.h"
#include "nn/BlockNetwork.h"

#include <atomic>
#include <functional>
#include <vector>

namespace nad {

// One λ of a sweep: means over the swept concepts.
struct SweepPoint
{
    double lambda = 0;
    double usage = 0;
    double pathPrecision = 0;
    double originalPrecision = 0;
    double pathSpecificity = 0;
    double originalSpecificity = 0;
    int degenerate = 0;     // concepts whose path is flagged degenerate
    bool faithful = false;  // mean precision >= original - 2 points
    bool specific = false;  // mean specificity >= original - 5 points
    double seconds = 0;
};

// `nad sweep`: learns paths for a few concepts at each λ and reports unit usage against path
// precision and specificity, so a user can pick λ the way the paper did by hand and see where
// paths degenerate. The recommended λ is the sparsest (lowest usage) faithful and specific one.
class LambdaSweep
{
public:
    using ProgressCallback = std::function<void(std::size_t pointIndex, int step, int steps)>;

    static std::vector<SweepPoint> run(BlockNetwork& network, const ImageSet& train, const ImageSet& test,
                                       const Normalization& normalization, const std::vector<int>& classes,
                                       const std::vector<double>& lambdas, const LearnerOptions& options,
                                       int imagesPerConcept, const ProgressCallback& progress = {},
                                       const std::atomic<bool>* cancel = nullptr);

    // Index of the recommended point, or -1 when none is both faithful and specific.
    static int recommended(const std::vector<SweepPoint>& points);
};

}  // namespace nad
