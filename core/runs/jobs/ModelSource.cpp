#include "jobs/ModelSource.h"

#include "Errors.h"
#include "nn/ComputeDevice.h"
#include "nn/TorchScriptNetwork.h"
#include "store/ImportedModel.h"
#include "store/ProjectStore.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace nad {

ModelSource::ModelSource(const ProjectStore& project, std::string zooDirectory)
    : m_project(project), m_zooDirectory(std::move(zooDirectory))
{}

RunModel ModelSource::byName(const std::string& name, std::int64_t datasetId) const
{
    if (auto model = imported(name))
        return *model;
    return fromZoo(name, datasetId);
}

std::optional<RunModel> ModelSource::imported(const std::string& name) const
{
    const auto registered = RunStore(m_project).model(name);
    if (registered && ImportedModel::isImported(*registered))
        return RunModel::fromImported(*registered);
    return std::nullopt;
}

RunModel ModelSource::fromZoo(const std::string& name, std::int64_t datasetId) const
{
    const auto registered = RunStore(m_project).model(name);
    const auto entry = ModelZoo(m_zooDirectory).find(name);
    if (!entry)
        throw InvalidArgument("model '" + name + "' is not in the zoo at '" + m_zooDirectory +
                              "' nor imported into the project (train it with `nad zoo train`, list with "
                              "`nad zoo list`, or import one with `nad project new --model`)");
    RunModel model = RunModel::fromZoo(*entry, datasetId);
    if (registered)
        model.record.id = registered->id;
    return model;
}

RunModel ModelSource::forRecord(const ModelRecord& record) const
{
    if (ImportedModel::isImported(record)) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(record.path, ec))
            throw Error("model '" + record.name + "': its TorchScript file '" + record.path + "' is gone");
        return RunModel::fromImported(record);
    }
    const auto entry = ModelZoo(m_zooDirectory).find(record.name);
    if (!entry)
        throw Error("model '" + record.name + "' is not in the zoo at '" + m_zooDirectory + "'");
    if (entry->sha256 != record.sha256)
        throw Error("zoo model '" + record.name + "' has other weights than the ones this run used (SHA-256 " +
                    entry->sha256.substr(0, 12) + "…, run: " + record.sha256.substr(0, 12) + "…)");
    RunModel model = RunModel::fromZoo(*entry, record.datasetId);
    // The project's record stays the reference (id, accuracy as recorded, class names).
    model.record = record;
    model.classNames = nlohmann::json::parse(record.classNames).get<std::vector<std::string>>();
    return model;
}

std::vector<RunModel> ModelSource::available() const
{
    std::vector<RunModel> models;
    for (const auto& record : RunStore(m_project).models())
        if (ImportedModel::isImported(record))
            models.push_back(RunModel::fromImported(record));
    const auto datasets = m_project.datasets();
    if (!datasets.empty() && datasets.front().kind == "idx")
        for (const auto& entry : ModelZoo(m_zooDirectory).list())
            models.push_back(RunModel::fromZoo(entry, datasets.front().id));
    return models;
}

DatasetRecord ModelSource::learningDataset(const std::optional<RunModel>& model) const
{
    const auto datasets = m_project.datasets();
    if (datasets.empty())
        throw InvalidArgument("project '" + m_project.path() +
                              "' has no data set; add one with `nad project new --dataset`");
    for (const auto& d : datasets)
        if (model && model->imported() && d.id == model->record.datasetId)
            return d;
    return datasets.front();
}

std::shared_ptr<BlockNetwork> ModelSource::load(const RunModel& model)
{
    ComputeDevice::configureProcess();
    std::shared_ptr<BlockNetwork> network;
    if (model.imported())
        network = ImportedModel::load(model.record);
    else
        network = ModelZoo(std::string()).load(*model.zooEntry);  // the entry holds its own paths
    network->to(ComputeDevice::choose());
    return network;
}

}  // namespace nad
