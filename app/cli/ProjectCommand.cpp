#include "ProjectCommand.h"

#include "ProjectReport.h"
#include "data/DatasetInspector.h"
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
    };
    auto create = std::make_shared<NewOptions>();
    auto* newCommand = project->add_subcommand("new", "Create a project file, optionally with a data set");
    newCommand->add_option("FILE", create->file, "Project file to create (refuses an existing file)")->required();
    newCommand->add_option("--dataset", create->dataset, "Data set folder to record (IDX or ImageFolder)");
    newCommand->add_option("--name", create->name, "Name of the data set in the project (default: folder name)");
    newCommand->add_option("--hierarchy", create->hierarchy, "Concept hierarchy JSON file")
        ->needs(newCommand->get_option("--dataset"));
    newCommand->callback([create] {
        // Inspect before creating, so a bad data set leaves no empty project behind.
        std::unique_ptr<DatasetSummary> summary;
        if (!create->dataset.empty())
            summary = std::make_unique<DatasetSummary>(DatasetInspector::inspect(create->dataset, create->hierarchy));
        ProjectStore store = ProjectStore::create(create->file);
        if (summary) {
            std::string name = create->name;
            if (name.empty())
                name = std::filesystem::path(create->dataset).lexically_normal().filename().string();
            if (name.empty())
                name = "dataset";
            try {
                store.addDataset(*summary, name);
            } catch (...) {
                std::filesystem::remove(create->file);
                throw;
            }
        }
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

} // namespace nad::cli
