#include "store/ImportedModel.h"

#include "Errors.h"
#include "nn/ImportSpecFile.h"
#include "nn/TorchScriptNetwork.h"
#include "store/Sha256.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace nad {
namespace fs = std::filesystem;

ImportedModelSummary ImportedModel::inspect(const std::string& modelPath, const std::string& preset,
                                            const std::string& specPath, std::int64_t inputSize)
{
    std::error_code ec;
    if (modelPath.empty())
        throw InvalidArgument("no model file given (a TorchScript file saved with torch.jit.save)");
    if (!fs::exists(modelPath, ec))
        throw InvalidArgument("model file '" + modelPath + "' does not exist");
    if (!fs::is_regular_file(modelPath, ec))
        throw InvalidArgument("model file '" + modelPath + "' is not a file");
    if (preset.empty() == specPath.empty()) {
        std::string presets;
        for (const auto& name : ImportSpecFile::presetNames())
            presets += (presets.empty() ? "" : ", ") + name;
        throw InvalidArgument("model '" + modelPath + "': give either a preset (" + presets +
                              ") or a block spec file, " + (preset.empty() ? "not neither" : "not both"));
    }
    if (inputSize < 0)
        throw InvalidArgument("model '" + modelPath + "': the input size must not be negative");

    ImportedModelSummary summary;
    summary.path = modelPath;
    summary.specSource = preset.empty() ? specPath : "preset " + preset;
    ImportSpec spec = preset.empty() ? ImportSpecFile::fromJsonFile(specPath) : ImportSpecFile::preset(preset);
    if (inputSize > 0)
        spec.inputSize = inputSize;
    summary.specNamesClasses = !spec.classNames.empty();
    try {
        TorchScriptNetwork network(modelPath, spec);
        summary.spec = network.spec();
        summary.blocks = network.blocks();
        summary.parameters = network.parameterCount();
    } catch (const InvalidArgument& e) {
        throw InvalidArgument(std::string(e.what()) + " (" + summary.specSource + ")");
    } catch (const Error& e) {
        // The network names the model, block and submodule; say which spec cut it into blocks,
        // unless the file is no TorchScript model at all (then no spec is at fault).
        const std::string message = e.what();
        if (message.rfind("'" + modelPath + "' is not a TorchScript model", 0) == 0)
            throw;
        throw Error(message + " (" + (preset.empty() ? "block spec '" + specPath + "'" : summary.specSource) + ")");
    }
    summary.sha256 = Sha256::ofFile(modelPath);
    return summary;
}

ModelRecord ImportedModel::record(const ImportedModelSummary& summary, const std::string& name, std::int64_t datasetId,
                                  const std::vector<std::string>& classNames)
{
    if (classNames.size() != summary.classCount())
        throw InvalidArgument("model '" + summary.path + "' outputs " + std::to_string(summary.classCount()) +
                              " classes, not " + std::to_string(classNames.size()));
    ImportSpec spec = summary.spec;
    spec.classNames = classNames;
    ModelRecord m;
    m.name = name;
    m.family = "torchscript";
    std::error_code ec;
    const fs::path absolute = fs::absolute(summary.path, ec);
    m.path = ec ? summary.path : absolute.lexically_normal().string();
    m.sha256 = summary.sha256;
    m.datasetId = datasetId;
    m.inputChannels = spec.inputChannels;
    m.inputHeight = spec.inputSize;
    m.inputWidth = spec.inputSize;
    m.normalization = nlohmann::json{{"mean", spec.normalization.mean}, {"std", spec.normalization.std}}.dump();
    m.classNames = nlohmann::json(classNames).dump();
    m.testAccuracy = 0;  // unknown: the user's model was not trained here
    for (const auto& b : summary.blocks)
        m.blocks.emplace_back(b.name, b.channels);
    m.importSpec = ImportSpecFile::toJsonText(spec);
    return m;
}

ImportSpec ImportedModel::spec(const ModelRecord& model)
{
    if (!isImported(model))
        throw InvalidArgument("model '" + model.name + "' is a zoo model, not an imported one");
    return ImportSpecFile::fromJsonText(model.importSpec, "the block spec stored with model '" + model.name + "'");
}

std::shared_ptr<TorchScriptNetwork> ImportedModel::load(const ModelRecord& model)
{
    const ImportSpec importSpec = spec(model);
    std::error_code ec;
    if (!fs::is_regular_file(model.path, ec))
        throw Error("model '" + model.name + "': its TorchScript file '" + model.path +
                    "' is gone; put it back there (the project refers to it by path)");
    const std::string sha256 = Sha256::ofFile(model.path);
    if (sha256 != model.sha256)
        throw Error("model '" + model.name + "': TorchScript file '" + model.path +
                    "' has changed since it was imported (SHA-256 " + sha256.substr(0, 12) + "…, recorded " +
                    model.sha256.substr(0, 12) +
                    "…); restore the original file, or import the new one into a new project");
    auto network = std::make_shared<TorchScriptNetwork>(model.path, importSpec);
    if (network->blockCount() != model.blocks.size())
        throw Error("model '" + model.name + "' now has " + std::to_string(network->blockCount()) +
                    " blocks; the project recorded " + std::to_string(model.blocks.size()));
    return network;
}

std::string ImportedModel::lambdaFamily(const ImportSpec& spec)
{
    if (spec.preset == "vgg16")
        return "vgg";
    if (spec.preset == "resnet50")
        return "resnet";
    if (spec.preset == "densenet121")
        return "densenet";
    return "torchscript";
}

ImageTransform ImportedModel::transform(const ImportSpec& spec)
{
    return ImageTransform::forModelInput(int(spec.inputChannels), int(spec.inputSize), !spec.preset.empty());
}

}  // namespace nad
