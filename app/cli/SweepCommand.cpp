#include "SweepCommand.h"

#include "CancelSignal.h"
#include "ObjectiveOptions.h"
#include "ProgressBar.h"
#include "TextTable.h"
#include "ZooOption.h"
#include "data/FashionMnist.h"
#include "jobs/ModelSource.h"
#include "nad/DatasetImages.h"
#include "nad/LambdaSweep.h"
#include "nn/ComputeDevice.h"
#include "store/ProjectStore.h"
#include "zoo/ModelZoo.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>

namespace nad::cli {
namespace {

struct Options
{
    std::string model;
    std::string concepts;
    std::vector<double> lambdas = {0.005, 0.01, 0.02, 0.05, 0.1};
    std::string preset = "paper";
    LearnerOptions learner;
    SweepImages images;
    std::string project;
    std::string data = FashionMnist::kDefaultDirectory;
    std::string zoo;
    bool json = false;
    CLI::Option* alpha = nullptr;  // given or not: the official preset's α otherwise
    CLI::Option* steps = nullptr;
    CLI::Option* epochs = nullptr;
};

// The model swept and the training images it is swept on (never its held-out split).
struct SweepSubject
{
    RunModel model;
    ImageSet train;
};

std::string fixed(double v, int digits = 3)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", digits, v);
    return text;
}

// With --project: a model imported into the project (or a zoo model) on the project's own
// training images, as `nad disentangle` would learn it. Without: a zoo model on Fashion-MNIST.
SweepSubject subjectOf(const Options& o)
{
    SweepSubject subject;
    if (!o.project.empty()) {
        const ProjectStore project = ProjectStore::open(o.project);
        const ModelSource source(project, o.zoo);
        const auto imported = source.imported(o.model);
        const DatasetRecord dataset = source.learningDataset(imported);
        subject.model = imported ? *imported : source.fromZoo(o.model, dataset.id);
        // Enough of every class for the learning images and the validation split (all when 0).
        const std::size_t perClass =
            o.images.perConcept > 0 ? o.images.perConcept + o.images.validationPerClass : std::size_t(0);
        subject.train =
            DatasetImages::training(dataset, subject.model.imageTransform(), {}, perClass, o.images.splitSeed);
        return subject;
    }
    const ModelZoo zoo(o.zoo);
    const auto entry = zoo.find(o.model);
    if (!entry)
        throw InvalidArgument("model '" + o.model + "' is not in the zoo at '" + zoo.directory() +
                              "' (for a model imported into a project, give --project)");
    subject.model = RunModel::fromZoo(*entry, 0);
    subject.train = FashionMnist::load(o.data, Split::Train);
    return subject;
}

std::vector<int> classesOf(const Options& o, const RunModel& model)
{
    std::vector<int> classes;
    std::stringstream list(o.concepts);
    std::string name;
    while (std::getline(list, name, ',')) {
        const auto it = std::find(model.classNames.begin(), model.classNames.end(), name);
        if (it == model.classNames.end())
            throw InvalidArgument("unknown concept '" + name + "' for model '" + model.name + "'");
        classes.push_back(int(it - model.classNames.begin()));
    }
    return classes;
}

// The options as the learner takes them: the official preset's lr 0.1 and 21 epochs unless given.
LearnerOptions learnerOf(const Options& o)
{
    LearnerOptions learner = o.learner;
    learner.preset = LearnerOptions::presetFromName(o.preset);
    if (learner.preset == LearnerPreset::Official) {
        const LearnerOptions official = LearnerOptions::officialDefaults();
        if (!o.alpha->count())
            learner.alpha = official.alpha;
        if (!o.epochs->count() && !o.steps->count()) {
            learner.epochs = official.epochs;
            learner.convergenceWindow = official.convergenceWindow;
        }
    }
    learner.validate();
    return learner;
}

void printJson(const std::vector<SweepPoint>& points)
{
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const auto& p : points)
        j.push_back({{"lambda", p.lambda},
                     {"usage", p.usage},
                     {"usage_per_block", p.usagePerBlock},
                     {"path_precision", p.pathPrecision},
                     {"original_precision", p.originalPrecision},
                     {"path_specificity", p.pathSpecificity},
                     {"original_specificity", p.originalSpecificity},
                     {"path_auroc", p.pathAuroc},
                     {"original_auroc", p.originalAuroc},
                     {"steps", p.steps},
                     {"degenerate", p.degenerate},
                     {"faithful", p.faithful},
                     {"specific", p.specific},
                     {"seconds", p.seconds}});
    std::cout << j.dump(2) << '\n';
}

void printTable(const Options& o, const LearnerOptions& learner, const SweepSubject& subject,
                const std::vector<SweepPoint>& points)
{
    const ValidationSplit split = ValidationSplit::make(subject.train, o.images.validationPerClass, o.images.splitSeed);
    std::cout << "Sweep on " << subject.model.name << " (" << learner.objectiveSummary() << "), concepts " << o.concepts
              << "\n"
              << "Measured on " << split.validation.size() << " validation images (a seeded split of the "
              << subject.train.count() << " training images, seed " << o.images.splitSeed
              << "), never on the held-out split. Usage: mean per block (Fig. 4).\n";
    const int best = LambdaSweep::recommended(points);
    TextTable table({"lambda", "usage", "blocks<0.9", "precision", "original", "specificity", "original", "AUROC",
                     "original", "steps", "degenerate", "verdict"});
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto& p = points[i];
        std::string verdict = p.faithful && p.specific ? "faithful, specific"
                              : p.faithful             ? "not specific"
                                                       : "not faithful";
        if (int(i) == best)
            verdict += "  <- sparsest good";
        table.addRow({fixed(p.lambda, 4), fixed(p.usage),
                      std::to_string(p.blocksBelow(0.9)) + "/" + std::to_string(p.usagePerBlock.size()),
                      fixed(p.pathPrecision), fixed(p.originalPrecision), fixed(p.pathSpecificity),
                      fixed(p.originalSpecificity), fixed(p.pathAuroc), fixed(p.originalAuroc), fixed(p.steps, 0),
                      std::to_string(p.degenerate), verdict});
    }
    table.print(std::cout);
    std::cout << "Usage per block, first to last (mean over the concepts):\n";
    for (const auto& p : points) {
        std::cout << "  lambda " << fixed(p.lambda, 4) << ":";
        for (double u : p.usagePerBlock)
            std::cout << ' ' << fixed(u, 2);
        std::cout << '\n';
    }
    if (best < 0)
        std::cout << "No lambda kept the paths faithful and specific: try smaller values.\n";
    else
        std::cout << "Recommended: --lambda " << points[std::size_t(best)].lambda << "\n";
}

void addOptions(CLI::App& sweep, Options& o)
{
    sweep.add_option("--model", o.model, "Zoo model name, or a model imported into --project")->required();
    sweep.add_option("--concepts", o.concepts, "Class names separated by commas")->required();
    sweep.add_option("--lambdas", o.lambdas, "λ values (or β with --preset official)")
        ->delimiter(',')
        ->capture_default_str();
    sweep.add_option("--preset", o.preset, "paper or official")
        ->check(CLI::IsMember({"paper", "official"}))
        ->capture_default_str();
    addObjectiveOptions(sweep, o.learner);
    o.alpha = sweep.add_option("--alpha", o.learner.alpha, "Step size (official: 0.1)")->capture_default_str();
    o.steps = sweep.add_option("--steps", o.learner.steps, "Maximum steps per λ (convergence stops earlier)")
                  ->check(CLI::PositiveNumber)
                  ->capture_default_str();
    o.epochs = sweep.add_option("--epochs", o.learner.epochs, "Epochs instead of convergence (official: 21)")
                   ->check(CLI::NonNegativeNumber)
                   ->capture_default_str();
    sweep.add_option("--batch", o.learner.batchSize, "Images per concept per step")->capture_default_str();
    sweep.add_option("--seed", o.learner.seed, "Seed of the masks' initialization")->capture_default_str();
    sweep.add_option("--images-per-concept", o.images.perConcept, "Training images per concept (0: all)")
        ->capture_default_str();
    sweep
        .add_option("--validation-per-class", o.images.validationPerClass,
                    "Training images per class held back to validate on (at most half a class)")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    sweep.add_option("--split-seed", o.images.splitSeed, "Seed of the validation split")->capture_default_str();
    sweep.add_option("--project", o.project,
                     "Project file: sweep a model imported into it (or a zoo model) on its training images");
    sweep.add_option("--data", o.data, "Fashion-MNIST folder (without --project)")->capture_default_str();
    addZooOption(sweep, o.zoo);
    sweep.add_flag("--json", o.json, "Print JSON");
}

}  // namespace

void addSweepCommand(CLI::App& parent)
{
    auto o = std::make_shared<Options>();
    auto* sweep = parent.add_subcommand(
        "sweep", "Learn paths for a few concepts over a range of λ; report usage against precision, specificity "
                 "and AUROC on a validation split of the training images");
    addOptions(*sweep, *o);
    sweep->callback([o] {
        const LearnerOptions learner = learnerOf(*o);
        ComputeDevice::configureProcess();
        const SweepSubject subject = subjectOf(*o);
        const std::vector<int> classes = classesOf(*o, subject.model);
        auto network = ModelSource::load(subject.model);
        ProgressBar bar(std::cerr, ::isatty(STDERR_FILENO) != 0);
        CancelSignal cancel;
        const std::size_t count = o->lambdas.size();
        const auto points = LambdaSweep::run(
            *network, subject.train, subject.model.normalization, classes, o->lambdas, learner, o->images,
            [&](std::size_t p, int step, int steps) {
                const double done = (double(p) + double(step) / steps) / double(count);
                bar.update(done, 0, "lambda " + fixed(o->lambdas[p], 4) + " step " + std::to_string(step));
            },
            &cancel.flag());
        bar.finish();
        if (points.size() < count)
            throw CancelledError("sweep cancelled after " + std::to_string(points.size()) + " of " +
                                 std::to_string(count) + " values");
        if (o->json)
            printJson(points);
        else
            printTable(*o, learner, subject, points);
    });
}

}  // namespace nad::cli
