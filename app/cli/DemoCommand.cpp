#include "DemoCommand.h"

#include "ProjectReport.h"
#include "UserDataDirectory.h"
#include "data/FashionMnist.h"
#include "store/DemoProject.h"
#include "store/ProjectStore.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <iomanip>
#include <iostream>
#include <memory>

namespace nad::cli {

void addDemoCommand(CLI::App& parent)
{
    struct Options
    {
        std::string project;
        std::string data = FashionMnist::kDefaultDirectory;
    };
    auto options = std::make_shared<Options>();
    auto* demo = parent.add_subcommand("demo", "Run the built-in Fashion-MNIST demo headless");
    demo->add_option("--project", options->project,
                     "Demo project file (default: $XDG_DATA_HOME/nad-studio/demo.nad)");
    demo->add_option("--data", options->data, "Fashion-MNIST folder (four IDX .gz files)")
        ->capture_default_str();
    demo->callback([options] {
        const auto start = std::chrono::steady_clock::now();
        std::string path = options->project;
        if (path.empty()) {
            UserDataDirectory::ensure();
            path = UserDataDirectory::demoProjectPath();
        }
        const bool created = DemoProject::ensure(path, options->data);
        const ProjectStore store = ProjectStore::open(path, ProjectStore::Mode::ReadOnly);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::cout << (created ? "Demo project created: " : "Demo project opened: ") << path << '\n';
        std::cout << "Data set loaded from " << options->data << " in " << std::fixed
                  << std::setprecision(2) << seconds << " s\n\n";
        ProjectReport::print(std::cout, store);
    });
}

} // namespace nad::cli
