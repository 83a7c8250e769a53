#include "DatasetCommand.h"

#include "DatasetReport.h"
#include "data/DatasetInspector.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace nad::cli {

void addDatasetCommand(CLI::App& parent)
{
    auto* dataset = parent.add_subcommand("dataset", "Inspect data sets");
    dataset->require_subcommand(1);

    struct Options
    {
        std::string path;
        std::string hierarchy;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* inspect = dataset->add_subcommand(
        "inspect", "Classes, images per class and split, image size and concept hierarchy of a data "
                   "set (an IDX folder such as Fashion-MNIST, or an ImageFolder)");
    inspect->add_option("PATH", options->path, "Data set folder")->required();
    inspect->add_option("--hierarchy", options->hierarchy, "Hierarchy JSON file: {\"primary\": [\"class\", ...], ...}");
    inspect->add_flag("--json", options->json, "Print JSON instead of a table");
    inspect->callback([options] {
        const DatasetSummary summary = DatasetInspector::inspect(options->path, options->hierarchy);
        if (options->json)
            std::cout << DatasetReport::toJson(summary).dump(2) << '\n';
        else
            DatasetReport::print(std::cout, summary);
    });
}

}  // namespace nad::cli
