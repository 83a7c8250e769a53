#include "nad/EngineTiming.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>

namespace nad {
namespace {

using Clock = std::chrono::steady_clock;

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

double secondsToLearn(BlockNetwork& network, const std::vector<ConceptImages>& concepts, LearnerOptions options,
                      int steps)
{
    options.steps = steps;
    options.epochs = 0;
    options.convergenceWindow = 0;  // exactly `steps` steps
    options.initializations = 1;
    PathLearner learner(network, options);
    EngineTiming::synchronize(network.device());
    const auto start = Clock::now();
    learner.learn(concepts, 0);
    EngineTiming::synchronize(network.device());
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double secondsPerStep(BlockNetwork& network, const std::vector<ConceptImages>& concepts, const LearnerOptions& options,
                      int steps, int repeats)
{
    secondsToLearn(network, concepts, options, 2);  // warm-up: allocator, kernels
    std::vector<double> perStep;
    for (int r = 0; r < repeats; ++r) {
        const double once = secondsToLearn(network, concepts, options, steps);
        const double twice = secondsToLearn(network, concepts, options, 2 * steps);
        perStep.push_back(std::max(0.0, twice - once) / steps);
    }
    return median(perStep);
}

}  // namespace

void EngineTiming::synchronize(const torch::Device& device)
{
    if (device.is_cuda())
        torch::cuda::synchronize();
}

StepTiming EngineTiming::measure(BlockNetwork& network, const std::vector<ConceptImages>& concepts,
                                 const LearnerOptions& options, int steps, int repeats)
{
    StepTiming timing;
    timing.imagesPerStep = int(concepts.size()) * options.batchSize;
    LearnerOptions uncached = options;
    uncached.originalsCacheMiB = 0;
    timing.stepSeconds = secondsPerStep(network, concepts, uncached, steps, repeats);
    LearnerOptions cached = options;
    if (cached.originalsCacheMiB <= 0)
        cached.originalsCacheMiB = LearnerOptions().originalsCacheMiB;
    std::int64_t images = 0;
    for (const auto& c : concepts)
        images += c.count();
    const std::int64_t bytes =
        images * PathLearner(network, cached).originalBytesPerImage(concepts.front().range(0, 1, network.device())[0]);
    timing.cacheFits = bytes <= (cached.originalsCacheMiB << 20);
    timing.cachedStepSeconds = secondsPerStep(network, concepts, cached, steps, repeats);

    // Three no-grad forwards of one step's batch (every block's output kept, as a step needs).
    std::vector<torch::Tensor> parts;
    for (const auto& c : concepts)
        parts.push_back(c.range(0, std::min<std::int64_t>(options.batchSize, c.count()), network.device()));
    const torch::Tensor batch = torch::cat(parts);
    torch::NoGradGuard noGrad;
    network.forward(batch, {}, true);
    std::vector<double> forwards;
    for (int r = 0; r < std::max(3, repeats); ++r) {
        synchronize(network.device());
        const auto start = Clock::now();
        for (int k = 0; k < 3; ++k)
            network.forward(batch, {}, true);
        synchronize(network.device());
        forwards.push_back(std::chrono::duration<double>(Clock::now() - start).count());
    }
    timing.forwardsSeconds = median(forwards);
    return timing;
}

}  // namespace nad
