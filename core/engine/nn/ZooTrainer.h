#pragma once

#include "data/ImageSet.h"
#include "data/Normalization.h"
#include "nn/BlockNetwork.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

namespace nad {

struct TrainingOptions
{
    int epochs = 3;
    int batchSize = 128;
    double maxLearningRate = 0.1;  // one-cycle peak; SGD with Nesterov momentum 0.9
    double weightDecay = 5e-4;
    double warmupFraction = 0.25;
    bool horizontalFlips = true;  // Fashion-MNIST garments are left-right symmetric
    std::uint64_t seed = 1;

    void validate() const;  // throws InvalidArgument naming the field
};

struct TrainingProgress
{
    int epoch = 0;  // 1-based epoch being trained
    int epochs = 0;
    std::int64_t step = 0;   // steps done
    std::int64_t steps = 0;  // steps in all
    double loss = 0;         // running mean of the current epoch
    double elapsedSeconds = 0;
    double etaSeconds = 0;
};

struct TrainingResult
{
    bool cancelled = false;
    int epochsCompleted = 0;
    double seconds = 0;       // training time, evaluation excluded
    double testAccuracy = 0;  // fraction, 0 when cancelled
    std::vector<double> epochLosses;
};

// Trains a built-in network from scratch on a labelled image set (the model zoo). Seeded:
// the same seed gives the same weights on the same machine and LibTorch. Cancellable within
// one step; the network is left frozen (eval, no gradients) after training.
class ZooTrainer
{
public:
    using ProgressCallback = std::function<void(const TrainingProgress&)>;

    static TrainingResult train(BlockNetwork& network, const ImageSet& train, const ImageSet& test,
                                const Normalization& normalization, const TrainingOptions& options,
                                const ProgressCallback& progress = {}, const std::atomic<bool>* cancel = nullptr);

    // Top-1 accuracy (fraction) of the unmasked network on `set`.
    static double accuracy(BlockNetwork& network, const ImageSet& set, const Normalization& normalization,
                           int batchSize = 500);
};

}  // namespace nad
