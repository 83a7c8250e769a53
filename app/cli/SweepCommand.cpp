#include "SweepCommand.h"

#include "CancelSignal.h"
#include "ObjectiveOptions.h"
#include "ProgressBar.h"
#include "TextTable.h"
#include "ZooOption.h"
#include "data/FashionMnist.h"
#include "jobs/SweepJob.h"
#include "nad/LambdaSweep.h"
#include "nn/ComputeDevice.h"
#include "store/SweepStore.h"

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
    std::vector<double> lambdas;  // none given: the objective's LearnerOptions::sweepLambdas
    std::string preset = "paper";
    LearnerOptions learner = oneInitialization();
    SweepImages images;
    std::string project;
    std::string label;  // the stored sweep's name in legends (default: the objective's)
    std::string data = FashionMnist::kDefaultDirectory;
    std::string zoo;
    bool json = false;
    CLI::Option* alpha = nullptr;   // given or not: the official preset's α otherwise
    CLI::Option* window = nullptr;  // and its rule (none: the whole budget)
    CLI::Option* steps = nullptr;
    CLI::Option* epochs = nullptr;
};

std::string fixed(double v, int digits = 3)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", digits, v);
    return text;
}

std::vector<std::string> conceptNamesOf(const Options& o)
{
    std::vector<std::string> names;
    std::stringstream list(o.concepts);
    for (std::string name; std::getline(list, name, ',');)
        names.push_back(name);
    return names;
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
        if (!o.epochs->count() && !o.steps->count())
            learner.epochs = official.epochs;
        if (!o.window->count())
            learner.convergenceWindow = official.convergenceWindow;
    }
    learner.validate();
    return learner;
}

// The points as the project stores them (SweepStore's JSON), one object per λ.
void printJson(const std::vector<SweepPoint>& points)
{
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    for (const auto& p : points)
        j.push_back(nlohmann::ordered_json::parse(SweepStore::toJson(p)));
    std::cout << j.dump(2) << '\n';
}

void printTable(const Options& o, const LearnerOptions& learner, const SweepOutcome& outcome)
{
    const auto& points = outcome.points;
    std::cout << "Sweep on " << outcome.modelName << " (" << learner.objectiveSummary() << "), concepts " << o.concepts
              << "\n"
              << "Measured on " << outcome.validationImages << " validation images (a seeded split of the "
              << outcome.trainingImages << " training images, seed " << o.images.splitSeed
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
    std::cout << "Knockout (each concept's drops averaged over up to 3 initializations): accuracy drop with each "
                 "concept's own units off, on it / on the others / with as many random units off; causal: concepts "
                 "whose mean own drop is at least 10 points and 3x both.\n";
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
    sweep
        .add_option("--lambdas", o.lambdas,
                    "λ values (or β with --preset official); default: 0.2,0.4,0.6,0.8,1.0,1.2 with the specific "
                    "objective, 0.005,0.01,0.02,0.05,0.1 with the paper's")
        ->delimiter(',');
    // The official preset is the authors' loss: it drops the default specific objective (declared
    // before --objective, so an explicit --objective still applies on top).
    sweep.add_option("--preset", o.preset, "paper or official")
        ->each([learner = &o.learner](const std::string& name) {
            if (name == "official")
                learner->usePaperObjective();
        })
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
    o.window = addConvergenceOptions(sweep, o.learner);
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
        SweepRequest request;
        request.projectPath = o->project;
        request.dataPath = o->data;
        request.zooDirectory = o->zoo;
        request.model = o->model;
        request.concepts = conceptNamesOf(*o);
        request.learner = learnerOf(*o);
        if (o->lambdas.empty())
            o->lambdas = request.learner.sweepLambdas();
        request.lambdas = o->lambdas;
        request.images = o->images;
        request.label = o->label;
        ComputeDevice::configureProcess();
        ProgressBar bar(std::cerr, ::isatty(STDERR_FILENO) != 0);
        CancelSignal cancel;
        const std::size_t count = o->lambdas.size();
        const SweepOutcome outcome = SweepJob::run(
            request,
            [&](std::size_t p, int step, int steps) {
                const double done = (double(p) + double(step) / steps) / double(count);
                bar.update(done, 0, "lambda " + fixed(o->lambdas[p], 4) + " step " + std::to_string(step));
            },
            &cancel.flag());
        bar.finish();
        if (outcome.points.size() < count)
            throw CancelledError("sweep cancelled after " + std::to_string(outcome.points.size()) + " of " +
                                 std::to_string(count) + " values; nothing was stored");
        if (o->json)
            printJson(outcome.points);
        else
            printTable(*o, request.learner, outcome);
        // After --json's output on stdout, the note goes to stderr so the JSON stays parseable.
        if (outcome.sweepId > 0)
            (o->json ? std::cerr : std::cout) << "Stored as sweep " << outcome.sweepId << " in " << o->project
                                              << " (nad figures draws its frontier).\n";
    });
}

}  // namespace nad::cli
