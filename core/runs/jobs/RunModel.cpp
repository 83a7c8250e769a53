#include "jobs/RunModel.h"

#include "store/ImportedModel.h"

#include <nlohmann/json.hpp>

namespace nad {

std::string RunModel::lambdaFamily() const
{
    return importSpec ? ImportedModel::lambdaFamily(*importSpec) : family;
}

ImageTransform RunModel::imageTransform() const
{
    if (importSpec)
        return ImportedModel::transform(*importSpec);
    return ImageTransform::forModelInput(int(inputChannels), int(inputSize), false);
}

RunModel RunModel::fromZoo(const ZooEntry& entry, std::int64_t datasetId)
{
    RunModel model;
    model.origin = ModelOrigin::Zoo;
    model.name = entry.name;
    model.family = entry.family;
    model.inputChannels = entry.inputChannels;
    model.inputSize = entry.inputSize;
    model.normalization = entry.normalization;
    model.classNames = entry.classNames;
    model.blocks = entry.blocks;
    model.sha256 = entry.sha256;
    model.zooEntry = entry;

    ModelRecord& m = model.record;
    m.name = entry.name;
    m.family = entry.family;
    m.path = entry.metadataPath;
    m.sha256 = entry.sha256;
    m.datasetId = datasetId;
    m.inputChannels = entry.inputChannels;
    m.inputHeight = entry.inputSize;
    m.inputWidth = entry.inputSize;
    m.normalization = nlohmann::json{{"mean", entry.normalization.mean}, {"std", entry.normalization.std}}.dump();
    m.classNames = nlohmann::json(entry.classNames).dump();
    m.testAccuracy = entry.testAccuracy;
    for (const auto& b : entry.blocks)
        m.blocks.emplace_back(b.name, b.channels);
    return model;
}

RunModel RunModel::fromImported(const ModelRecord& record)
{
    const ImportSpec spec = ImportedModel::spec(record);
    RunModel model;
    model.origin = ModelOrigin::Imported;
    model.name = record.name;
    model.family = record.family;
    model.inputChannels = spec.inputChannels;
    model.inputSize = spec.inputSize;
    model.normalization = spec.normalization;
    // The record's class names are the data set's (ImportedModel::record), the ones runs use.
    model.classNames = nlohmann::json::parse(record.classNames).get<std::vector<std::string>>();
    for (const auto& [name, channels] : record.blocks)
        model.blocks.push_back({name, channels});
    model.sha256 = record.sha256;
    model.record = record;
    model.importSpec = spec;
    return model;
}

}  // namespace nad
