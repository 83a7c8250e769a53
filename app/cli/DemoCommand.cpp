#include "DemoCommand.h"

#include "CancelSignal.h"
#include "Errors.h"
#include "FiguresCommand.h"
#include "JobLanes.h"
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
#include "zoo/ModelZoo.h"

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <thread>

namespace nad::cli {
namespace {

// The four families of the paper, the longest job first (DenseNet takes as long as the other
// three together on 2 cores), so that lanes working side by side end at about the same time.
const char* const kFamilies[] = {"densenet", "darts", "vgg", "resnet"};
constexpr int kFamilyCount = int(std::size(kFamilies));

int hardwareCores()
{
    return int(std::max(1u, std::thread::hardware_concurrency()));
}

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
    // Families learned side by side: one per core (at most the four), sharing the cores.
    int jobs = std::min(kFamilyCount, hardwareCores());
    std::string format = "png";
    bool projectOnly = false;
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

// Reports a family's progress to its lane and follows the lane's share of the cores, which
// grows when the other families end.
void report(JobLanes::Lane& lane, double fraction, const std::string& status)
{
    ComputeDevice::capThreadsOfThisThread(lane.threads());
    lane.progress(fraction, status);
}

// The share of a family's progress line taken by training its zoo model, when it has to.
constexpr double kTrainingShare = 0.3;

ZooEntry trainOrReuse(const ModelZoo& zoo, const Options& o, const std::string& family, JobLanes::Lane& lane)
{
    std::ostream& out = lane.out();
    if (auto best = zoo.best(family)) {
        out << "  model " << best->name << ": reused from the zoo (" << std::fixed << std::setprecision(2)
            << best->testAccuracy * 100 << " % test accuracy)\n";
        return *best;
    }
    ZooTrainRequest request;
    request.family = family;
    request.training.epochs = o.epochs;
    request.datasetDirectory = o.data;
    const auto entry = zoo.train(
        request,
        [&lane, &family](const TrainingProgress& p) {
            char status[96];
            std::snprintf(status, sizeof status, "%s: train epoch %d/%d", family.c_str(), p.epoch, p.epochs);
            report(lane, kTrainingShare * double(p.step) / double(std::max<std::int64_t>(1, p.steps)), status);
        },
        &lane.cancel());
    if (!entry)
        throw CancelledError("stopped while training the " + family + " model; nothing of it was kept");
    out << "  model " << entry->name << ": trained in " << ProgressBar::formatDuration(entry->trainingSeconds) << " ("
        << entry->training.epochs << " epoch(s), " << std::fixed << std::setprecision(2) << entry->testAccuracy * 100
        << " % test accuracy)\n";
    return *entry;
}

void learnPaths(const Options& o, const std::string& projectPath, const ZooEntry& entry, JobLanes::Lane& lane,
                double progressBefore)
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
        [&lane, &entry, progressBefore](const DisentangleProgress& p) {
            char status[128];
            std::snprintf(status, sizeof status, "%s: paths init %d/%d step %d/%d", entry.family.c_str(),
                          p.initialization + 1, p.initializations, p.learner.step, p.learner.steps);
            const double done = (double(p.initialization) + double(p.learner.step) / p.learner.steps) /
                                double(std::max(1, p.initializations));
            report(lane, progressBefore + (1 - progressBefore) * done, status);
        },
        &lane.cancel());
    if (result.cancelled)
        throw CancelledError("stopped; run " + std::to_string(result.runId) +
                             " is saved at its last checkpoint — run `nad demo` again to resume");
    std::ostream& out = lane.out();
    out << "  paths: 10 concepts learned and evaluated in " << ProgressBar::formatDuration(result.seconds) << '\n';
    RunReport::print(out, result.summary);
}

// One family of the demo, on its lane: its zoo model (trained when the zoo has none), then its
// paths, unless the project holds an evaluated run of that model already.
void runFamily(const Options& o, const std::string& projectPath, const ModelZoo& zoo, const std::string& family,
               JobLanes::Lane& lane)
{
    lane.out() << "\n[" << family << "]\n";
    ComputeDevice::capThreadsOfThisThread(lane.threads());
    const double progressBefore = zoo.best(family) ? 0.0 : kTrainingShare;
    const ZooEntry entry = trainOrReuse(zoo, o, family, lane);
    {
        ProjectStore project = ProjectStore::open(projectPath, ProjectStore::Mode::ReadOnly);
        if (const std::int64_t run = evaluatedRunOf(project, entry.name)) {
            lane.out() << "  paths: reused run " << run << " of the project\n";
            return;
        }
    }
    learnPaths(o, projectPath, entry, lane, progressBefore);
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
    demo->add_option("--jobs", options->jobs,
                     "Families learned side by side, sharing the cores (default: one per core, at most 4)")
        ->check(CLI::Range(1, kFamilyCount))
        ->capture_default_str();
    demo->add_option("--format", options->format, "Figure format: png, svg or pdf")
        ->check(CLI::IsMember({"png", "svg", "pdf"}))
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
        const int cores = hardwareCores();
        std::cout << "Families side by side: " << o.jobs << " (" << std::max(1, cores / o.jobs)
                  << " thread(s) each, more as they end)\n";
        JobLanes lanes(o.jobs, cores, std::cout, std::cerr, ::isatty(STDERR_FILENO) != 0);
        for (const char* family : kFamilies)
            lanes.add(family,
                      [&o, &path, &zoo, family](JobLanes::Lane& lane) { runFamily(o, path, zoo, family, lane); });
        if (!lanes.run(cancel.flag()))
            throw CancelledError("stopped; finished runs are saved — run `nad demo` again to resume the rest");
        ComputeDevice::capThreadsOfThisThread(0);

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
