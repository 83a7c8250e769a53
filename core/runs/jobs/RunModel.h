#pragma once

#include "data/ImageTransform.h"
#include "data/Normalization.h"
#include "nn/ImportSpec.h"
#include "store/RunStore.h"
#include "zoo/ModelZoo.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nad {

// Where a model's weights come from: the per-user zoo the app trains, or a TorchScript file
// the user imported into the project with a block spec.
enum class ModelOrigin { Zoo, Imported };

// One model as runs, evaluation and figures see it, whichever its origin: the facts they need
// (input, normalization, classes, blocks) read the same way, and the project record it is
// (or will be) stored as. ModelSource resolves and loads it.
struct RunModel
{
    ModelOrigin origin = ModelOrigin::Zoo;
    std::string name;
    std::string family;  // zoo family ("vgg", ...) or "torchscript"
    std::int64_t inputChannels = 1;
    std::int64_t inputSize = 28;
    Normalization normalization;
    std::vector<std::string> classNames;  // by class index
    std::vector<BlockSpec> blocks;
    std::string sha256;                    // of the weights (zoo) or the TorchScript file (imported)
    ModelRecord record;                    // as the project stores it; id 0 until registered
    std::optional<ZooEntry> zooEntry;      // set for a zoo model
    std::optional<ImportSpec> importSpec;  // set for an imported model

    bool imported() const { return origin == ModelOrigin::Imported; }
    // The family whose default λ applies (LearnerOptions::defaultLambda): the zoo family, or
    // for an imported model its preset's (ImportedModel::lambdaFamily).
    std::string lambdaFamily() const;
    // How ImageFolder images are brought to the model's input (torchvision's evaluation
    // resize for the torchvision presets).
    ImageTransform imageTransform() const;

    static RunModel fromZoo(const ZooEntry& entry, std::int64_t datasetId);
    // Throws DataError when the stored block spec cannot be read.
    static RunModel fromImported(const ModelRecord& record);
};

}  // namespace nad
