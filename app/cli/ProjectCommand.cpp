#include "ProjectCommand.h"

#include "ProjectReport.h"
#include "data/DatasetInspector.h"
#include "nn/ImportSpecFile.h"
#include "store/ImportedProject.h"
#include "store/ProjectStore.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <memory>

namespace nad::cli {

void addProjectCommand(CLI::App& parent)
{
    auto* project = parent.add_subcommand("project", "Create and describe project files (.nad)");
    project->require_subcommand(1);

    struct NewOptions
    {
        std::string file;
        std::string dataset;
        std::string name;
        std::string hierarchy;
        std::string model;
        std::string preset;
        std::string spec;
        std::string modelName;
        std::int64_t inputSize = 0;
    };
    auto create = std::make_shared<NewOptions>();
    auto* newCommand = project->add_subcommand(
        "new", "Create a project file, optionally with a data set and your own TorchScript model");
    newCommand->add_option("FILE", create->file, "Project file to create (refuses an existing file)")->required();
    auto* dataset =
        newCommand->add_option("--dataset", create->dataset, "Data set folder to record (IDX or ImageFolder)");
    newCommand->add_option("--name", create->name, "Name of the data set in the project (default: folder name)");
    newCommand->add_option("--hierarchy", create->hierarchy, "Concept hierarchy JSON file")->needs(dataset);
    auto* model = newCommand
                      ->add_option("--model", create->model,
                                   "TorchScript model file (torch.jit.save) to import; its classes must be the "
                                   "data set's")
                      ->needs(dataset);
    auto* preset = newCommand->add_option("--preset", create->preset, "Block spec of a torchvision architecture")
                       ->check(CLI::IsMember(ImportSpecFile::presetNames()))
                       ->needs(model);
    auto* spec =
        newCommand->add_option("--spec", create->spec, "Block spec JSON file (see `nad model inspect`)")->needs(model);
    preset->excludes(spec);
    newCommand->add_option("--model-name", create->modelName, "Name of the model in the project (default: file name)")
        ->needs(model);
    newCommand->add_option("--input-size", create->inputSize, "Model input size in pixels (default: the spec's)")
        ->check(CLI::PositiveNumber)
        ->needs(model);
    newCommand->callback([create] {
        if (!create->model.empty()) {
            if (create->preset.empty() && create->spec.empty())
                throw CLI::RequiredError("--preset or --spec");
            ImportedProjectRequest request;
            request.projectPath = create->file;
            request.modelPath = create->model;
            request.preset = create->preset;
            request.specPath = create->spec;
            request.inputSize = create->inputSize;
            request.datasetPath = create->dataset;
            request.hierarchyPath = create->hierarchy;
            request.modelName = create->modelName;
            request.datasetName = create->name;
            const ImportedProjectPlan plan = ImportedProject::create(request);
            const ProjectStore store = ProjectStore::open(create->file, ProjectStore::Mode::ReadOnly);
            std::cout << "Created project " << create->file << '\n'
                      << "Imported model '" << plan.modelName << "' (" << plan.model.specSource
                      << "): " << plan.model.blocks.size() << " blocks, " << plan.model.classCount()
                      << " classes, input " << plan.model.inputChannels() << "x" << plan.model.inputSize() << "x"
                      << plan.model.inputSize() << ", SHA-256 " << plan.model.sha256.substr(0, 12) << "…\n"
                      << "Learn paths with: nad disentangle " << create->file << " --model " << plan.modelName << "\n";
            ProjectReport::print(std::cout, store);
            return;
        }
        // Inspect before creating, so a bad data set leaves no empty project behind.
        std::unique_ptr<DatasetSummary> summary;
        if (!create->dataset.empty())
            summary = std::make_unique<DatasetSummary>(DatasetInspector::inspect(create->dataset, create->hierarchy));
        std::string name = create->name;
        if (summary && name.empty())
            name = std::filesystem::path(create->dataset).lexically_normal().filename().string();
        if (name.empty())
            name = "dataset";
        ProjectStore store = ProjectStore::create(create->file, [&](ProjectStore& staged) {
            if (summary)
                staged.addDataset(*summary, name);
        });
        std::cout << "Created project " << create->file << '\n';
        ProjectReport::print(std::cout, store);
    });

    struct InfoOptions
    {
        std::string file;
        bool json = false;
    };
    auto info = std::make_shared<InfoOptions>();
    auto* infoCommand = project->add_subcommand("info", "Describe a project file (read-only)");
    infoCommand->add_option("FILE", info->file, "Project file")->required();
    infoCommand->add_flag("--json", info->json, "Print JSON instead of text");
    infoCommand->callback([info] {
        const ProjectStore store = ProjectStore::open(info->file, ProjectStore::Mode::ReadOnly);
        if (info->json)
            std::cout << ProjectReport::toJson(store).dump(2) << '\n';
        else
            ProjectReport::print(std::cout, store);
    });
}

}  // namespace nad::cli
