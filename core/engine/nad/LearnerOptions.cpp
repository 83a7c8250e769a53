#include "nad/LearnerOptions.h"

#include "Errors.h"

#include <algorithm>
#include <cmath>

namespace nad {

void LearnerOptions::validate() const
{
    if (!(alpha > 0) || !std::isfinite(alpha))
        throw InvalidArgument("alpha (step size) must be positive, got " + std::to_string(alpha));
    if (!(lambda >= 0) || !std::isfinite(lambda))
        throw InvalidArgument("lambda must not be negative, got " + std::to_string(lambda));
    if (batchSize < 1)
        throw InvalidArgument("batch size must be at least 1, got " + std::to_string(batchSize));
    if (steps < 1)
        throw InvalidArgument("the step budget must be at least 1, got " + std::to_string(steps));
    if (epochs < 0)
        throw InvalidArgument("the number of epochs must not be negative, got " + std::to_string(epochs));
    if (convergenceWindow < 0)
        throw InvalidArgument("the convergence window must not be negative");
    if (!(convergenceTolerance >= 0 && convergenceTolerance < 1))
        throw InvalidArgument("the convergence tolerance must be in [0, 1), got " +
                              std::to_string(convergenceTolerance));
    if (minSteps < 0)
        throw InvalidArgument("the minimum number of steps must not be negative");
    if (originalsCacheMiB < 0)
        throw InvalidArgument("the originals cache size must not be negative");
    if (initializations < 1)
        throw InvalidArgument("at least one initialization is needed, got " + std::to_string(initializations));
}

LearnerOptions LearnerOptions::officialDefaults()
{
    LearnerOptions o;
    o.preset = LearnerPreset::Official;
    o.alpha = 0.1;
    o.epochs = 21;
    o.convergenceWindow = 0;
    return o;
}

int LearnerOptions::budgetFor(std::int64_t imageCount) const
{
    if (epochs <= 0)
        return steps;
    const std::int64_t batchesPerEpoch = (std::max<std::int64_t>(imageCount, 1) + batchSize - 1) / batchSize;
    return int(std::min<std::int64_t>(std::int64_t(epochs) * batchesPerEpoch, 1'000'000'000));
}

double LearnerOptions::defaultLambda(const std::string& family, LearnerPreset preset)
{
    if (preset == LearnerPreset::Official) {
        if (family == "vgg")
            return 4.5;
        if (family == "resnet" || family == "densenet")
            return 0.02;
        if (family == "darts")
            return 0.45;
        return 0.05;
    }
    // `nad sweep` on the zoo models, validation split of the training images (README, "Defaults
    // per family"): the sparsest λ whose paths stayed faithful and specific.
    if (family == "vgg")
        return 0.01;
    if (family == "resnet")
        return 0.02;
    if (family == "densenet")
        return 0.02;
    if (family == "darts")
        return 0.3;
    return 0.02;
}

bool LearnerOptions::hasTunedLambda(const std::string& family)
{
    return family == "vgg" || family == "resnet" || family == "densenet" || family == "darts";
}

std::string LearnerOptions::presetName(LearnerPreset preset)
{
    return preset == LearnerPreset::Paper ? "paper" : "official";
}

LearnerPreset LearnerOptions::presetFromName(const std::string& name)
{
    if (name == "paper")
        return LearnerPreset::Paper;
    if (name == "official")
        return LearnerPreset::Official;
    throw InvalidArgument("unknown preset '" + name + "' (choose paper or official)");
}

}  // namespace nad
