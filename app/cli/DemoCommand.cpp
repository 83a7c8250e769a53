#include "DemoCommand.h"

#include "CancelSignal.h"
#include "Errors.h"
#include "FiguresCommand.h"
#include "LaneProgress.h"
#include "ProgressBar.h"
#include "ProjectFigures.h"
#include "ProjectReport.h"
#include "RunReport.h"
#include "UserDataDirectory.h"
#include "ZooOption.h"
#include "data/FashionMnist.h"
#include "jobs/DisentangleJob.h"
#include "nn/ComputeDevice.h"
#include "store/DemoProject.h"
#include "store/ProjectStore.h"
#include "store/RunStore.h"
#include "tasks/TaskLanes.h"
#include "zoo/ModelZoo.h"

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <thread>

namespace nad::cli {
namespace {

// The four families of the paper, in the order the demo starts them.
// DenseNet first: its paths take about half of the demo's learning (see learnAllPaths).
const char* const kFamilies[] = {"densenet", "vgg", "resnet", "darts"};

struct Options
{
    std::string project;
    std::string data = FashionMnist::kDefaultDirectory;
    std::string out;
    std::string zoo;
    int epochs = 1;
    int steps = LearnerOptions().steps;  // the engine's defaults: α = 1 to convergence, 3 initializations
    double alpha = LearnerOptions().alpha;
    int initializations = LearnerOptions().initializations;
    // A seeded sample per concept: the frozen network's outputs on 10 × 1,000 images fit the
    // learner's cache, so a step costs one masked forward and backward, not also an unmasked one.
    int imagesPerConcept = 1000;
    int evalImages = 300;
    int composites = 20;
    std::string format = "png";
    bool projectOnly = false;
    int lanes = 0;  // 0: demoLanes()
};

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// A finished, evaluated run of `model` already in the project: the demo reuses it.
std::int64_t evaluatedRunOf(const ProjectStore& project, const std::string& model)
{
    const RunStore runs(project);
    const auto record = runs.model(model);
    if (!record)
        return 0;
    const auto latest = runs.latestEvaluatedRuns();
    const auto it = latest.find(record->id);
    return it == latest.end() ? 0 : it->second;
}

// Trains the family's zoo model (the zoo has none) on one lane; returns it.
ZooEntry trainModel(const ModelZoo& zoo, const Options& o, const std::string& family, int lane, LaneProgress& progress,
                    const std::atomic<bool>& cancel)
{
    ZooTrainRequest request;
    request.family = family;
    request.training.epochs = o.epochs;
    request.datasetDirectory = o.data;
    const auto entry = zoo.train(
        request,
        [&](const TrainingProgress& p) {
            char status[96];
            std::snprintf(status, sizeof status, "train %s epoch %d/%d", family.c_str(), p.epoch, p.epochs);
            progress.update(lane, double(p.step) / double(p.steps), status);
        },
        &cancel);
    if (!entry)
        throw CancelledError("stopped while training the " + family + " model; nothing of it was kept");
    std::ostringstream text;
    text << "[" << family << "] model " << entry->name << ": trained in "
         << ProgressBar::formatDuration(entry->trainingSeconds) << " (" << entry->training.epochs << " epoch(s), "
         << std::fixed << std::setprecision(2) << entry->testAccuracy * 100 << " % test accuracy)\n";
    progress.print(text.str());
    return *entry;
}

// Learns and evaluates the paths of all 10 concepts on the family's model, on one lane.
void learnPaths(const Options& o, const std::string& projectPath, const std::string& family, const ZooEntry& entry,
                int lane, LaneProgress& progress, const std::atomic<bool>& cancel)
{
    DisentangleRequest request;
    request.projectPath = projectPath;
    request.modelName = entry.name;
    request.zooDirectory = o.zoo;
    request.options.steps = o.steps;
    request.options.alpha = o.alpha;
    request.options.initializations = o.initializations;
    request.lambdaGiven = false;  // the family's default λ
    request.imagesPerConcept = o.imagesPerConcept;
    request.evaluationImagesPerConcept = o.evalImages;
    const DisentangleResult result = DisentangleJob::run(
        request,
        [&](const DisentangleProgress& p) {
            char status[128];
            std::snprintf(status, sizeof status, "paths %s init %d/%d step %d/%d", entry.name.c_str(),
                          p.initialization + 1, p.initializations, p.learner.step, p.learner.steps);
            const double done = (double(p.initialization) + double(p.learner.step) / p.learner.steps) /
                                double(std::max(1, p.initializations));
            progress.update(lane, done, status);
        },
        &cancel);
    if (result.cancelled)
        throw CancelledError("stopped; run " + std::to_string(result.runId) +
                             " is saved at its last checkpoint — run `nad demo` again to resume");
    std::ostringstream text;
    text << "[" << family << "] paths: 10 concepts learned and evaluated in "
         << ProgressBar::formatDuration(result.seconds) << '\n';
    RunReport::print(text, result.summary);
    progress.print(text.str());
}

// Two lanes for the paths when the machine has two cores or more, each with half the threads:
// the demo's networks are small, and two runs at once use the cores better than one with all
// threads (measured on 2 cores: two 1-thread DenseNet path runs 206 s at once, against 2 x 128 s
// one after the other with 2 threads). Paths do not depend on the thread count (the same paths
// and metrics, byte for byte, with 1 and 2 threads).
int demoLanes()
{
    return std::thread::hardware_concurrency() >= 2 ? 2 : 1;
}

// What the demo does for one family: its zoo model (trained when the zoo lacks it) and its
// paths (learned and evaluated when the project has no evaluated run of that model).
struct FamilyWork
{
    std::string family;
    std::optional<ZooEntry> model;
    std::int64_t evaluatedRun = 0;  // the project's evaluated run of the model, reused
};

// Runs one of the demo's tasks on `lane` with the lane's share of the threads. A task that
// fails stops the other lane as Ctrl-C would (its run stays resumable).
void runTask(int lane, int threadsPerLane, LaneProgress& progress, CancelSignal& cancel,
             const std::function<void()>& task)
{
    if (threadsPerLane > 0)  // 0: the thread keeps all of them
        ComputeDevice::setThreadsOfThisThread(threadsPerLane);
    try {
        task();
    } catch (...) {
        cancel.requestStop();
        throw;
    }
    progress.taskDone(lane);
}

// The families' zoo models, each trained when the zoo has none: one after the other, with all
// the threads. Their weights depend on the thread count (batch norm's batch statistics), so the
// demo trains them as `nad zoo train` does, and its models are the same.
void prepareModels(std::vector<FamilyWork>& work, const ModelZoo& zoo, const Options& o, const std::string& path,
                   CancelSignal& cancel)
{
    LaneProgress progress(std::cerr, ::isatty(STDERR_FILENO) != 0, std::cout, 1);
    const ProjectStore project = ProjectStore::open(path, ProjectStore::Mode::ReadOnly);
    TaskLanes training;
    for (FamilyWork& family : work) {
        family.model = zoo.best(family.family);
        if (!family.model) {
            training.add([&](int lane) {
                runTask(lane, 0, progress, cancel,
                        [&] { family.model = trainModel(zoo, o, family.family, lane, progress, cancel.flag()); });
            });
            continue;
        }
        std::cout << "[" << family.family << "] model " << family.model->name << ": reused from the zoo (" << std::fixed
                  << std::setprecision(2) << family.model->testAccuracy * 100 << " % test accuracy)\n";
        if (const std::int64_t run = evaluatedRunOf(project, family.model->name)) {
            std::cout << "[" << family.family << "] paths: reused run " << run << " of the project\n";
            family.evaluatedRun = run;
        }
    }
    progress.setTaskCount(int(training.size()));
    training.run(1);
    progress.finish();
}

// Learns the paths of every family that has no evaluated run, on `lanes` lanes. A free lane
// takes the first family left in kFamilies' order: DenseNet's paths take about half of the
// work, so one lane learns them while the other learns the three other families'.
void learnAllPaths(std::vector<FamilyWork>& work, const Options& o, const std::string& path, CancelSignal& cancel,
                   int lanes)
{
    const int threadsPerLane = std::max(1, int(std::thread::hardware_concurrency()) / lanes);
    LaneProgress progress(std::cerr, ::isatty(STDERR_FILENO) != 0, std::cout, lanes);
    TaskLanes tasks;
    for (FamilyWork& family : work) {
        if (family.evaluatedRun)
            continue;
        tasks.add([&, threadsPerLane](int lane) {
            runTask(lane, threadsPerLane, progress, cancel,
                    [&] { learnPaths(o, path, family.family, *family.model, lane, progress, cancel.flag()); });
        });
    }
    progress.setTaskCount(int(tasks.size()));
    try {
        tasks.run(lanes);
    } catch (...) {
        progress.finish();
        throw;
    }
    progress.finish();
}

}  // namespace

void addDemoCommand(CLI::App& parent)
{
    auto options = std::make_shared<Options>();
    auto* demo = parent.add_subcommand(
        "demo",
        "Run the built-in Fashion-MNIST demo headless: train (or reuse) the four zoo models, learn paths for all "
        "10 concepts on each, evaluate, and write every figure");
    demo->add_option("--project", options->project, "Demo project file (default: $XDG_DATA_HOME/nad-studio/demo.nad)");
    demo->add_option("--data", options->data, "Fashion-MNIST folder (four IDX .gz files)")->capture_default_str();
    demo->add_option("--out", options->out, "Figure folder (default: demo-figures beside the project)");
    addZooOption(*demo, options->zoo);
    demo->add_option("--epochs", options->epochs, "Epochs for a zoo model the demo has to train")
        ->check(CLI::Range(1, 100))
        ->capture_default_str();
    demo->add_option("--steps", options->steps, "Most path learning steps per concept (convergence stops earlier)")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    demo->add_option("--inits", options->initializations, "Initializations per concept")
        ->check(CLI::Range(1, 50))
        ->capture_default_str();
    demo->add_option("--alpha", options->alpha, "Step size α of the path update")
        ->check(CLI::Range(0.001, 100.0))
        ->capture_default_str();
    demo->add_option("--images-per-concept", options->imagesPerConcept,
                     "Training images per concept, a seeded sample (0: all 6,000)")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    demo->add_option("--eval-images-per-concept", options->evalImages,
                     "Held-out images per concept for evaluation (0: all)")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    demo->add_option("--composites", options->composites, "Random composites for the hit-rate figures")
        ->check(CLI::Range(1, 10000))
        ->capture_default_str();
    demo->add_option("--format", options->format, "Figure format: png, svg or pdf")
        ->check(CLI::IsMember({"png", "svg", "pdf"}))
        ->capture_default_str();
    demo->add_option("--lanes", options->lanes,
                     "Families whose paths are learned at once, each with its share of the threads (0: 2 on a "
                     "machine with 2 cores or more)")
        ->check(CLI::Range(0, 4))
        ->capture_default_str();
    demo->add_flag("--project-only", options->projectOnly, "Only create (or open) the demo project and describe it");
    demo->callback([options] {
        const auto start = std::chrono::steady_clock::now();
        Options& o = *options;
        std::string path = o.project;
        if (path.empty()) {
            UserDataDirectory::ensure();
            path = UserDataDirectory::demoProjectPath();
        }
        const bool created = DemoProject::ensure(path, o.data);
        std::cout << (created ? "Demo project created: " : "Demo project opened: ") << path << '\n';
        if (o.projectOnly) {
            const ProjectStore store = ProjectStore::open(path, ProjectStore::Mode::ReadOnly);
            std::cout << "Data set loaded from " << o.data << " in " << std::fixed << std::setprecision(2)
                      << secondsSince(start) << " s\n\n";
            ProjectReport::print(std::cout, store);
            return;
        }
        CancelSignal cancel;
        const ModelZoo zoo(o.zoo);
        std::vector<FamilyWork> work;
        for (const char* family : kFamilies)
            work.push_back({family, std::nullopt, 0});
        std::cout << '\n';
        prepareModels(work, zoo, o, path, cancel);
        learnAllPaths(work, o, path, cancel, o.lanes > 0 ? o.lanes : demoLanes());
        const std::string out =
            o.out.empty() ? (std::filesystem::path(path).parent_path() / "demo-figures").string() : o.out;
        std::cout << "\nFigures in " << out << ":\n";
        FigureRequest request;
        request.outputDirectory = QString::fromStdString(out);
        request.options.format = QString::fromStdString(o.format);
        request.zooDirectory = o.zoo;
        request.hitRate.composites = o.composites;
        ProjectStore project = ProjectStore::open(path, ProjectStore::Mode::ReadWrite);
        const auto written = writeProjectFigures(project, request, "  ", cancel.flag());
        std::cout << written.size() << " figures, each with its data as CSV.\n";
        std::cout << "Demo finished in " << ProgressBar::formatDuration(secondsSince(start)) << ". Project: " << path
                  << '\n';
    });
}

}  // namespace nad::cli
