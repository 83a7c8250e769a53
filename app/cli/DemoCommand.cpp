#include "DemoCommand.h"

#include "CancelSignal.h"
#include "Errors.h"
#include "FiguresCommand.h"
#include "ProgressBar.h"
#include "ProjectFigures.h"
#include "ProjectReport.h"
#include "RunReport.h"
#include "UserDataDirectory.h"
#include "ZooOption.h"
#include "data/FashionMnist.h"
#include "jobs/DisentangleJob.h"
#include "jobs/RunSettings.h"
#include "store/DemoProject.h"
#include "store/ProjectStore.h"
#include "store/RunStore.h"
#include "zoo/ModelZoo.h"
#include "zoo/ReferenceZoo.h"

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>

namespace nad::cli {
namespace {

// The four families of the paper, in the order the demo handles them.
const char* const kFamilies[] = {"vgg", "resnet", "densenet", "darts"};

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
    bool trainZoo = false;  // train missing zoo models here instead of installing the shipped ones
    // The specific objective: the paper's keeps every unit of most blocks on the zoo models, so
    // its figures show the original network (README, "Sparse and specific paths").
    std::string objective = "specific";
};

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The learner options of a demo run: the engine's defaults with the demo's budget, under the
// chosen objective.
LearnerOptions demoLearnerOptions(const Options& o)
{
    LearnerOptions options;
    if (o.objective == "specific")
        options.useSpecificObjective();
    options.steps = o.steps;
    options.alpha = o.alpha;
    options.initializations = o.initializations;
    return options;
}

// A finished, evaluated run of `model` with the demo's objective and the family's current λ
// already in the project: the demo reuses it (a run of the other objective, or at the λ an
// earlier version chose, is not what the demo now shows).
std::int64_t evaluatedRunOf(const ProjectStore& project, const std::string& model, const Options& o)
{
    const RunStore runs(project);
    const auto record = runs.model(model);
    if (!record)
        return 0;
    const auto latest = runs.latestEvaluatedRuns();
    const auto it = latest.find(record->id);
    if (it == latest.end())
        return 0;
    const auto run = runs.run(it->second);
    if (!run)
        return 0;
    try {
        const LearnerOptions stored = RunSettings::fromJson(run->hyperparameters).options;
        const bool sameObjective = stored.usesSpecificObjective() == (o.objective == "specific");
        const bool sameLambda = stored.lambda == LearnerOptions::defaultLambda(record->family, stored);
        return sameObjective && sameLambda ? it->second : 0;
    } catch (const Error&) {
        return 0;  // settings this version cannot read: learn the demo's paths again
    }
}

ZooEntry trainOrReuse(const ModelZoo& zoo, const Options& o, const std::string& family, const std::atomic<bool>& cancel)
{
    if (auto best = zoo.best(family)) {
        std::cout << "  model " << best->name << ": reused from the zoo (" << std::fixed << std::setprecision(2)
                  << best->testAccuracy * 100 << " % test accuracy)\n";
        return *best;
    }
    if (!o.trainZoo) {
        if (auto shipped = ReferenceZoo::installInto(zoo, family, o.epochs)) {
            std::cout << "  model " << shipped->name << ": installed from the models shipped with NAD Studio ("
                      << std::fixed << std::setprecision(2) << shipped->testAccuracy * 100
                      << " % test accuracy; --train-zoo trains one here instead)\n";
            return *shipped;
        }
    }
    ZooTrainRequest request;
    request.family = family;
    request.training.epochs = o.epochs;
    request.datasetDirectory = o.data;
    ProgressBar bar(std::cerr, ::isatty(STDERR_FILENO) != 0);
    const auto entry = zoo.train(
        request,
        [&bar, &family](const TrainingProgress& p) {
            char status[96];
            std::snprintf(status, sizeof status, "train %s epoch %d/%d  loss %.4f", family.c_str(), p.epoch, p.epochs,
                          p.loss);
            bar.update(double(p.step) / double(p.steps), p.etaSeconds, status, p.step == p.steps);
        },
        &cancel);
    bar.finish();
    if (!entry)
        throw CancelledError("stopped while training the " + family + " model; nothing of it was kept");
    std::cout << "  model " << entry->name << ": trained in " << ProgressBar::formatDuration(entry->trainingSeconds)
              << " (" << entry->training.epochs << " epoch(s), " << std::fixed << std::setprecision(2)
              << entry->testAccuracy * 100 << " % test accuracy)\n";
    return *entry;
}

void learnPaths(const Options& o, const std::string& projectPath, const ZooEntry& entry,
                const std::atomic<bool>& cancel)
{
    DisentangleRequest request;
    request.projectPath = projectPath;
    request.modelName = entry.name;
    request.zooDirectory = o.zoo;
    request.options = demoLearnerOptions(o);
    request.lambdaGiven = false;  // the family's default λ
    request.imagesPerConcept = o.imagesPerConcept;
    request.evaluationImagesPerConcept = o.evalImages;
    ProgressBar bar(std::cerr, ::isatty(STDERR_FILENO) != 0);
    const DisentangleResult result = DisentangleJob::run(
        request,
        [&bar, &entry](const DisentangleProgress& p) {
            char status[128];
            std::snprintf(status, sizeof status, "paths %s init %d/%d step %d/%d", entry.name.c_str(),
                          p.initialization + 1, p.initializations, p.learner.step, p.learner.steps);
            const double done = (double(p.initialization) + double(p.learner.step) / p.learner.steps) /
                                double(std::max(1, p.initializations));
            bar.update(done, p.etaSeconds, status);
        },
        &cancel);
    bar.finish();
    if (result.cancelled)
        throw CancelledError("stopped; run " + std::to_string(result.runId) +
                             " is saved at its last checkpoint — run `nad demo` again to resume");
    std::cout << "  paths: 10 concepts learned and evaluated in " << ProgressBar::formatDuration(result.seconds)
              << '\n';
    RunReport::print(std::cout, result.summary);
}

}  // namespace

void addDemoCommand(CLI::App& parent)
{
    auto options = std::make_shared<Options>();
    auto* demo = parent.add_subcommand(
        "demo", "Run the built-in Fashion-MNIST demo headless: reuse, install (the shipped ones) or train the four zoo "
                "models, learn paths for all "
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
    demo->add_option("--objective", options->objective,
                     "Path objective: specific (sparse and specific paths, the default) or paper (Eq. 4-9, "
                     "which keeps every unit of most blocks on these models)")
        ->check(CLI::IsMember({"paper", "specific"}))
        ->capture_default_str();
    demo->add_flag("--train-zoo", options->trainZoo,
                   "Train the zoo models the zoo lacks here instead of installing the ones shipped with NAD Studio "
                   "(the README's; training gives other weights with another thread count)");
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
        for (const char* family : kFamilies) {
            std::cout << "\n[" << family << "]\n";
            const ZooEntry entry = trainOrReuse(zoo, o, family, cancel.flag());
            {
                ProjectStore project = ProjectStore::open(path, ProjectStore::Mode::ReadOnly);
                if (const std::int64_t run = evaluatedRunOf(project, entry.name, o)) {
                    std::cout << "  paths: reused run " << run << " of the project\n";
                    continue;
                }
            }
            learnPaths(o, path, entry, cancel.flag());
        }

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
