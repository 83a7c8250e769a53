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
#include "store/SweepStore.h"
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

// A sweep learns one initialization per λ unless asked for more (--inits): it is a search.
LearnerOptions oneInitialization()
{
    LearnerOptions learner;
    learner.initializations = 1;
    return learner;
}

struct Options
{
    std::string model;
    std::string concepts;
    std::vector<double> lambdas = {0.005, 0.01, 0.02, 0.05, 0.1};
    std::string preset = "paper";
    LearnerOptions learner = oneInitialization();
    SweepImages images;
    std::string project;
    std::string label;  // the stored sweep's name in legends (default: the objective's)
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

// What a sweep's figure legend calls it: the named objectives by name, any other by its summary.
std::string labelOf(const Options& o, const LearnerOptions& learner)
{
    if (!o.label.empty())
        return o.label;
    if (learner.preset == LearnerPreset::Official)
        return "official";
    if (learner.usesSpecificObjective())
        return "specific";
    // "paper (Eq. 4-9)" is the paper's objective; "paper: relative-squared, margin 1" a variant of it.
    const std::string summary = learner.objectiveSummary();
    const std::string variant = "paper: ";
    if (summary.rfind(variant, 0) == 0)
        return summary.substr(variant.size());
    return "paper";
}

// Everything the sweep ran with, so a stored sweep can be repeated.
std::string settingsOf(const Options& o, const LearnerOptions& learner)
{
    nlohmann::ordered_json j;
    j["preset"] = LearnerOptions::presetName(learner.preset);
    j["distance"] = LearnerOptions::distanceName(learner.distance);
    j["sparsity"] = LearnerOptions::sparsityName(learner.sparsity);
    j["margin"] = learner.negatives.margin;
    j["hinge"] = learner.negatives.hinge;
    j["kl"] = learner.negatives.kl;
    j["one_vs_rest"] = learner.negatives.oneVsRest;
    j["negative_pool"] = learner.negativePool;
    j["alpha"] = learner.alpha;
    j["batch"] = learner.batchSize;
    j["steps"] = learner.steps;
    j["epochs"] = learner.epochs;
    j["convergence_window"] = learner.convergenceWindow;
    j["min_steps"] = learner.minSteps;
    j["seed"] = learner.seed;
    j["initializations"] = learner.initializations;
    j["images_per_concept"] = o.images.perConcept;
    j["validation_per_class"] = o.images.validationPerClass;
    j["split_seed"] = o.images.splitSeed;
    j["lambdas"] = o.lambdas;
    return j.dump();
}

// With --project the sweep is kept in the project, for `nad figures` and the studio's frontier.
void storeSweep(const Options& o, const LearnerOptions& learner, const SweepSubject& subject,
                const std::vector<SweepPoint>& points)
{
    const ProjectStore project = ProjectStore::open(o.project);
    SweepRecord record;
    record.modelName = subject.model.name;
    record.objective = learner.objectiveSummary();
    record.label = labelOf(o, learner);
    record.settings = settingsOf(o, learner);
    std::stringstream list(o.concepts);
    for (std::string name; std::getline(list, name, ',');)
        record.concepts.push_back(name);
    record.initializations = learner.initializations;
    record.validationImages =
        ValidationSplit::make(subject.train, o.images.validationPerClass, o.images.splitSeed).validation.size();
    record.defaultLambda = LearnerOptions::defaultLambda(subject.model.lambdaFamily(), learner);
    record.points = points;
    const std::int64_t id = SweepStore(project).save(record);
    // After --json's output on stdout, the note goes to stderr so the JSON stays parseable.
    (o.json ? std::cerr : std::cout) << "Stored as sweep " << id << " in " << o.project
                                     << " (nad figures draws its frontier).\n";
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
                     {"knockout_own_drop", p.knockoutOwnDrop},
                     {"knockout_others_drop", p.knockoutOthersDrop},
                     {"knockout_random_drop", p.knockoutRandomDrop},
                     {"knockout_causal", p.knockoutCausal},
                     {"concepts", p.concepts},
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
    const int best = recommendedSweepPoint(points);
    TextTable table({"lambda", "usage", "blocks<0.9", "precision", "original", "specificity", "original", "AUROC",
                     "original", "knockout own/others/random", "causal", "steps", "degenerate", "verdict"});
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto& p = points[i];
        std::string verdict = p.faithful && p.specific ? "faithful, specific"
                              : p.faithful             ? "not specific"
                                                       : "not faithful";
        if (int(i) == best)
            verdict += "  <- sparsest good";
        table.addRow(
            {fixed(p.lambda, 4), fixed(p.usage),
             std::to_string(p.blocksBelow(0.9)) + "/" + std::to_string(p.usagePerBlock.size()), fixed(p.pathPrecision),
             fixed(p.originalPrecision), fixed(p.pathSpecificity), fixed(p.originalSpecificity), fixed(p.pathAuroc),
             fixed(p.originalAuroc),
             p.concepts >= 2 ? fixed(p.knockoutOwnDrop, 2) + " / " + fixed(p.knockoutOthersDrop, 2) + " / " +
                                   fixed(p.knockoutRandomDrop, 2)
                             : std::string("-"),
             p.concepts >= 2 ? std::to_string(p.knockoutCausal) + "/" + std::to_string(p.concepts) : std::string("-"),
             fixed(p.steps, 0), std::to_string(p.degenerate), verdict});
    }
    table.print(std::cout);
    std::cout << "Knockout (first initialization): accuracy drop with each concept's own units off, on it / on the "
                 "others / with as many random units off; causal: concepts whose own drop is at least 3x both.\n";
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
    sweep.add_option("--inits", o.learner.initializations, "Initializations per concept (each point is their mean)")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    sweep.add_option("--images-per-concept", o.images.perConcept, "Training images per concept (0: all)")
        ->capture_default_str();
    sweep
        .add_option("--validation-per-class", o.images.validationPerClass,
                    "Training images per class held back to validate on (at most half a class)")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    sweep.add_option("--split-seed", o.images.splitSeed, "Seed of the validation split")->capture_default_str();
    sweep.add_option("--project", o.project,
                     "Project file: sweep a model imported into it (or a zoo model) on its training images, and "
                     "store the sweep there for the frontier figure");
    sweep.add_option("--label", o.label, "The stored sweep's name in the frontier's legend (default: the objective)");
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
        if (!o->project.empty())
            storeSweep(*o, learner, subject, points);
    });
}

}  // namespace nad::cli
