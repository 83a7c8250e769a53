#pragma once

#include "jobs/RunModel.h"
#include "nn/BlockNetwork.h"
#include "store/ProjectStore.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace nad {

// Resolves a model name or a stored model record into a RunModel, and loads its network. The
// one place that knows "imported into the project first, else the zoo".
class ModelSource
{
public:
    ModelSource(const ProjectStore& project, std::string zooDirectory);

    // The model a new run names: one imported into the project under that name, else the zoo
    // entry (recorded against `datasetId`, the data set zoo models learn on). Throws
    // InvalidArgument when neither has it, naming both places and how to add one.
    RunModel byName(const std::string& name, std::int64_t datasetId) const;
    // Its two halves: the model imported into the project under `name`, if any; the zoo entry
    // `name` (throws InvalidArgument as byName).
    std::optional<RunModel> imported(const std::string& name) const;
    RunModel fromZoo(const std::string& name, std::int64_t datasetId) const;
    // The model a stored run used. Throws Error when the zoo lacks it or holds other weights
    // than the recorded SHA-256, or when an imported model's file is gone.
    RunModel forRecord(const ModelRecord& record) const;

    // The models a new run in this project can use: those imported into it, then the zoo's when
    // the project learns on an IDX data set (zoo models are trained on Fashion-MNIST).
    std::vector<RunModel> available() const;
    // The data set a run learns on: an imported model's own, else (zoo models, or no model
    // chosen yet) the project's first. Throws InvalidArgument when the project has none.
    DatasetRecord learningDataset(const std::optional<RunModel>& model = std::nullopt) const;

    // Builds the network, frozen, on the chosen compute device; weights are checked against
    // the recorded SHA-256 first (results must stay traceable to their weights).
    static std::shared_ptr<BlockNetwork> load(const RunModel& model);

    const std::string& zooDirectory() const { return m_zooDirectory; }

private:
    const ProjectStore& m_project;
    std::string m_zooDirectory;
};

}  // namespace nad
