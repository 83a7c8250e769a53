#pragma once

#include "data/ImageTransform.h"
#include "nn/BlockNetwork.h"
#include "nn/ImportSpec.h"
#include "store/RunStore.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace nad {

class TorchScriptNetwork;

// What loading a user's TorchScript model through a block spec found out.
struct ImportedModelSummary
{
    std::string path;               // the model file as given
    std::string sha256;             // of the model file
    std::string specSource;         // "preset vgg16" or the block spec file
    ImportSpec spec;                // class names filled in ("class 0", ...) when the spec names none
    bool specNamesClasses = false;  // whether the spec (file) gave class names itself
    std::vector<BlockSpec> blocks;  // names and output channels, in order
    std::int64_t parameters = 0;

    std::int64_t inputChannels() const { return spec.inputChannels; }
    std::int64_t inputSize() const { return spec.inputSize; }
    std::size_t classCount() const { return spec.classNames.size(); }
};

// A user's TorchScript model in a project: checked and summarised before it is imported,
// recorded with its SHA-256 and block spec (ModelRecord::importSpec), and rebuilt from the
// record for learning and analysis, refusing a file that changed since.
class ImportedModel
{
public:
    // Loads `modelPath` through a built-in preset (`preset`, e.g. "vgg16") or a block spec JSON
    // file (`specPath`); exactly one of them. `inputSize` > 0 replaces the spec's input size.
    // Runs one dummy image through the blocks. Throws InvalidArgument (no such file, both or no
    // spec given, unknown preset), DataError (bad spec file) or Error (not a TorchScript file,
    // a missing submodule, blocks that do not chain); every message names the file at fault.
    static ImportedModelSummary inspect(const std::string& modelPath, const std::string& preset,
                                        const std::string& specPath, std::int64_t inputSize = 0);

    // The project record of an inspected model whose outputs are `classNames` (the data set's).
    // The path is made absolute so the project works from any working directory.
    static ModelRecord record(const ImportedModelSummary& summary, const std::string& name, std::int64_t datasetId,
                              const std::vector<std::string>& classNames);

    static bool isImported(const ModelRecord& model) { return !model.importSpec.empty(); }
    // The block spec stored with an imported model. Throws DataError when it cannot be read.
    static ImportSpec spec(const ModelRecord& model);
    // Rebuilds an imported model, frozen, on the CPU. Throws Error when its file is gone or its
    // SHA-256 differs from the recorded one (results must stay traceable to their weights).
    static std::shared_ptr<TorchScriptNetwork> load(const ModelRecord& model);

    // The family whose default λ an imported model uses (LearnerOptions::defaultLambda): the
    // preset's ("vgg16" → "vgg", "resnet50" → "resnet", "densenet121" → "densenet"); a custom
    // spec gets "torchscript", which defaultLambda answers with its general fallback.
    static std::string lambdaFamily(const ImportSpec& spec);
    // How ImageFolder images are brought to the model's input (ImageTransform::forModelInput;
    // presets use torchvision's ImageNet evaluation resize).
    static ImageTransform transform(const ImportSpec& spec);
};

}  // namespace nad
