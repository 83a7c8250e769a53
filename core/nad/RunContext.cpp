#include "nad/RunContext.h"

#include "Errors.h"
#include "nad/DatasetImages.h"
#include "nn/ComputeDevice.h"
#include "nn/TorchScriptNetwork.h"
#include "store/ImportedModel.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>

namespace nad {
namespace {

// RunContext's users read the model's input and normalization from a ZooEntry; an imported
// model provides the same facts from its record and block spec.
ZooEntry entryOf(const ModelRecord& model, const ImportSpec& spec)
{
    ZooEntry entry;
    entry.name = model.name;
    entry.family = model.family;
    entry.inputChannels = spec.inputChannels;
    entry.inputSize = spec.inputSize;
    entry.normalization = spec.normalization;
    entry.classNames = spec.classNames;
    for (const auto& [name, channels] : model.blocks)
        entry.blocks.push_back({name, channels});
    entry.sha256 = model.sha256;
    entry.weightsPath = model.path;
    entry.metadataPath = model.path;
    return entry;
}

} // namespace

RunContext RunContext::open(ProjectStore& project, std::int64_t runId, const std::string& zooDirectory)
{
    RunStore runs(project);
    if (runId == 0) {
        runId = runs.latestFinishedRun();
        if (runId == 0)
            throw InvalidArgument("project '" + project.path() + "' has no finished run (run `nad disentangle` first)");
    }
    RunContext context;
    const auto run = runs.run(runId);
    if (!run)
        throw InvalidArgument("project '" + project.path() + "' has no run " + std::to_string(runId));
    context.run = *run;
    const auto model = runs.model(run->modelId);
    if (!model)
        throw ProjectError("run " + std::to_string(runId) + " refers to a model missing from the project");
    context.model = *model;
    bool found = false;
    for (const auto& d : project.datasets())
        if (d.id == run->datasetId) {
            context.dataset = d;
            found = true;
        }
    if (!found)
        throw ProjectError("run " + std::to_string(runId) + " refers to a data set missing from the project");
    context.zooDirectory = zooDirectory;
    context.classNames = nlohmann::json::parse(model->classNames).get<std::vector<std::string>>();
    if (ImportedModel::isImported(*model)) {
        context.importSpec = ImportedModel::spec(*model);
        context.entry = entryOf(*model, *context.importSpec);
        std::error_code ec;
        if (!std::filesystem::is_regular_file(model->path, ec))
            throw Error("model '" + model->name + "': its TorchScript file '" + model->path + "' is gone");
        return context;
    }
    const ModelZoo zoo(zooDirectory);
    const auto entry = zoo.find(model->name);
    if (!entry)
        throw Error("model '" + model->name + "' is not in the zoo at '" + zooDirectory + "'");
    if (entry->sha256 != model->sha256)
        throw Error("zoo model '" + model->name + "' has other weights than the ones this run used (SHA-256 " +
                    entry->sha256.substr(0, 12) + "…, run: " + model->sha256.substr(0, 12) + "…)");
    context.entry = *entry;
    return context;
}

std::shared_ptr<BlockNetwork> RunContext::loadNetwork() const
{
    ComputeDevice::configureThreads();
    std::shared_ptr<BlockNetwork> network;
    if (importSpec)
        network = ImportedModel::load(model);
    else
        network = ModelZoo(zooDirectory).load(entry);
    network->to(ComputeDevice::choose());
    return network;
}

ImageTransform RunContext::imageTransform() const
{
    if (importSpec)
        return ImportedModel::transform(*importSpec);
    return ImageTransform::forModelInput(int(entry.inputChannels), int(entry.inputSize), false);
}

ImageSet RunContext::heldOut(std::size_t perClass) const
{
    return DatasetImages::heldOut(dataset, imageTransform(), perClass);
}

std::map<int, std::vector<LearnedPath>> RunContext::finalPaths(const ProjectStore& project) const
{
    RunStore runs(project);
    std::map<int, std::vector<LearnedPath>> byInit;
    for (const auto& stored : runs.paths(run.id, run.datasetId, true)) {
        LearnedPath path;
        path.classIndex = stored.classIndex;
        path.initialization = stored.initialization;
        path.steps = stored.step;
        path.binary = stored.binary;
        byInit[stored.initialization].push_back(std::move(path));
    }
    if (byInit.empty())
        throw InvalidArgument("run " + std::to_string(run.id) + " has no finished paths");
    return byInit;
}

std::int64_t RunContext::classIndex(const std::string& name) const
{
    std::string known;
    for (std::size_t c = 0; c < classNames.size(); ++c) {
        if (classNames[c] == name)
            return std::int64_t(c);
        known += (c ? ", " : "") + classNames[c];
    }
    throw InvalidArgument("unknown concept '" + name + "'; the model knows: " + known);
}

} // namespace nad
