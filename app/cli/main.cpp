// nad — the headless NAD Studio: the same engine as the GUI, for scripts, servers and clusters.
// Exit codes: 0 success, 1 runtime error (message on stderr), 2 usage error, 130 cancelled (Ctrl-C).
#include "BenchCommand.h"
#include "BuildInfo.h"
#include "CancelSignal.h"
#include "DatasetCommand.h"
#include "DemoCommand.h"
#include "DisentangleCommand.h"
#include "Errors.h"
#include "ExportCommand.h"
#include "FiguresCommand.h"
#include "MergeCommand.h"
#include "ModelCommand.h"
#include "ProjectCommand.h"
#include "SweepCommand.h"
#include "ZooCommand.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace {

std::string versionText()
{
    std::string text = "nad " + nad::BuildInfo::version() + " (NAD Studio)";
    for (const auto& [name, version] : nad::BuildInfo::libraryVersions())
        text += "\n  " + name + " " + version;
    return text;
}

}  // namespace

int main(int argc, char** argv)
{
    CLI::App app("nad — concept feature paths of CNNs (Architecture Disentanglement), headless", "nad");
    app.set_version_flag("--version", versionText());
    app.require_subcommand(1);
    app.fallthrough(false);
    nad::cli::addDatasetCommand(app);
    nad::cli::addProjectCommand(app);
    nad::cli::addDemoCommand(app);
    nad::cli::addZooCommand(app);
    nad::cli::addModelCommand(app);
    nad::cli::addDisentangleCommands(app);
    nad::cli::addMergeCommand(app);
    nad::cli::addExportCommand(app);
    nad::cli::addBenchCommand(app);
    nad::cli::addSweepCommand(app);
    nad::cli::addFigureCommands(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);  // prints the message and the hint to stderr
        return 2;
    } catch (const nad::cli::CancelledError& e) {
        std::cerr << "nad: " << e.what() << '\n';
        return 130;
    } catch (const nad::Error& e) {
        std::cerr << "nad: error: " << e.what() << '\n';
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "nad: unexpected error: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
