#include "nad/LearnerOptions.h"

#include "Errors.h"

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
    if (earlyStopWindow < 0)
        throw InvalidArgument("the early-stop window must not be negative");
    if (originalsCacheMiB < 0)
        throw InvalidArgument("the originals cache size must not be negative");
    if (initializations < 1)
        throw InvalidArgument("at least one initialization is needed, got " + std::to_string(initializations));
}

double LearnerOptions::defaultLambda(const std::string& family, LearnerPreset preset)
{
    if (preset == LearnerPreset::Official)
        return 0.05;  // far below the authors' ImageNet β (4.5 for VGG), which collapses small paths
    if (family == "vgg")
        return 0.02;
    if (family == "resnet")
        return 0.005;
    if (family == "densenet")
        return 0.02;
    if (family == "darts")
        return 0.3;
    return 0.02;
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
