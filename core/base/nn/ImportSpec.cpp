#include "nn/ImportSpec.h"

#include "Errors.h"

namespace nad {

bool ImportSpec::isKnownOperation(const std::string& text)
{
    return text == "@relu" || text == "@flatten" || text == "@adaptive_avg_pool";
}

void ImportSpec::validate() const
{
    if (blocks.empty())
        throw InvalidArgument("block spec: no blocks");
    if (classifier.empty())
        throw InvalidArgument("block spec: no classifier steps");
    if (inputChannels < 1 || inputSize < 8)
        throw InvalidArgument("block spec: input needs at least 1 channel and 8 px");
    auto checkSteps = [](const std::vector<ImportStep>& steps, const std::string& where) {
        if (steps.empty())
            throw InvalidArgument("block spec: " + where + " has no steps");
        for (const auto& step : steps) {
            if (step.text.empty())
                throw InvalidArgument("block spec: " + where + " has an empty step");
            if (step.isOperation() && !isKnownOperation(step.text))
                throw InvalidArgument("block spec: " + where + " uses unknown operation '" + step.text +
                                      "' (known: @relu, @flatten, @adaptive_avg_pool)");
        }
    };
    for (const auto& block : blocks)
        checkSteps(block.steps, "block '" + block.name + "'");
    checkSteps(classifier, "the classifier");
    normalization.validate(int(inputChannels));
}

}  // namespace nad
