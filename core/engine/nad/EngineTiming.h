#pragma once

#include "nad/PathLearner.h"

#include <vector>

namespace nad {

// What one learning step costs on this machine, measured through the engine's public API only
// (PathLearner::learn with a fixed number of steps, BlockNetwork::forward): `nad bench` and
// nad-engine-check report it.
struct StepTiming
{
    int imagesPerStep = 0;         // concepts × batch
    double stepSeconds = 0;        // a step whose originals are recomputed (no cache)
    double cachedStepSeconds = 0;  // a step with the frozen network's outputs cached
    bool cacheFits = false;        // false: the images' outputs exceed the cache budget (no cache used)
    double forwardsSeconds = 0;    // three no-grad forwards of one step's batch: a step's floor without a cache
};

class EngineTiming
{
public:
    // Medians over `repeats`. A step's time is (time of 2·steps − time of steps) / steps, so the
    // fixed cost of a learn call (the cache, the first batch) cancels out. `options` gives λ,
    // the preset and the batch; the step count, convergence and initializations are set here.
    static StepTiming measure(BlockNetwork& network, const std::vector<ConceptImages>& concepts,
                              const LearnerOptions& options, int steps = 10, int repeats = 3);
    // Waits for the device's queued work (CUDA), so a wall-clock time means what it says.
    static void synchronize(const torch::Device& device);
};

}  // namespace nad
