#pragma once

#include "data/Normalization.h"

#include <cstdint>
#include <string>
#include <vector>

namespace nad {

// How to see an imported TorchScript model as blocks. Each block is a list of steps run in
// order on the previous block's (masked) output; a step is a submodule path ("features.3",
// "layer2.1") or a functional operation written with an '@': "@relu", "@flatten",
// "@adaptive_avg_pool" (to 1x1). The classifier is the same kind of list.
struct ImportStep
{
    std::string text;
    bool isOperation() const { return !text.empty() && text[0] == '@'; }
};

struct ImportedBlock
{
    std::string name;
    std::vector<ImportStep> steps;
};

struct ImportSpec
{
    std::string preset;  // "vgg16", "resnet50", "densenet121", or "" for a custom spec
    std::vector<ImportedBlock> blocks;
    std::vector<ImportStep> classifier;
    std::int64_t inputChannels = 3;
    std::int64_t inputSize = 224;
    Normalization normalization = Normalization::imageNet();
    std::vector<std::string> classNames;  // may be empty: then "class 0", "class 1", ...

    // Throws InvalidArgument naming the first problem (no blocks, empty step, unknown operation).
    void validate() const;
    static bool isKnownOperation(const std::string& text);
};

}  // namespace nad
