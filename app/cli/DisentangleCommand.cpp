#include "DisentangleCommand.h"

#include "CancelSignal.h"
#include "EvaluationOptions.h"
#include "ObjectiveOptions.h"
#include "ProgressBar.h"
#include "RunReport.h"
#include "TextTable.h"
#include "ZooOption.h"
#include "jobs/DisentangleJob.h"
#include "nad/RunEvaluation.h"
#include "nad/ShardSpec.h"
#include "store/ProjectStore.h"
#include "store/RunStore.h"

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>

namespace nad::cli {

namespace {

// What the disentangle command's options fill before its callback builds the request.
struct DisentangleOptions
{
    DisentangleRequest request;
    std::string concepts = "all";
    std::string preset = "paper";
    std::string shard;
    int memoryMiB = 0;
    CLI::Option* lambda = nullptr;  // given or not: the family's default λ otherwise
    // Given or not: the official preset's defaults (LearnerOptions::officialDefaults) otherwise.
    CLI::Option* alpha = nullptr;
    CLI::Option* steps = nullptr;
    CLI::Option* epochs = nullptr;
    CLI::Option* window = nullptr;
};

void addLearnerOptions(CLI::App& command, DisentangleOptions& o)
{
    LearnerOptions& learner = o.request.options;
    command.add_option("--concepts", o.concepts, "all, or class names separated by commas")->capture_default_str();
    // The official preset is the authors' loss: it drops the default specific objective (declared
    // before --objective, so an explicit --objective still applies on top).
    command.add_option("--preset", o.preset, "paper (Eq. 4-8) or official (the authors' code)")
        ->each([options = &learner](const std::string& name) {
            if (name == "official")
                options->usePaperObjective();
        })
        ->check(CLI::IsMember({"paper", "official"}))
        ->capture_default_str();
    o.alpha = command.add_option("--alpha", learner.alpha, "Step size α of the normalized update (official: 0.1)")
                  ->check(CLI::PositiveNumber)
                  ->capture_default_str();
    o.lambda = command
                   .add_option("--lambda", learner.lambda,
                               "Sparsity weight λ (paper) or β (official); default: the model family's")
                   ->check(CLI::NonNegativeNumber);
    addObjectiveOptions(command, learner);
    o.steps = command.add_option("--steps", learner.steps, "Maximum steps per concept (convergence stops earlier)")
                  ->check(CLI::PositiveNumber)
                  ->capture_default_str();
    o.epochs = command
                   .add_option("--epochs", learner.epochs,
                               "Epochs over each concept's training images instead of convergence (official: 21)")
                   ->check(CLI::NonNegativeNumber)
                   ->capture_default_str();
    command.add_option("--batch", learner.batchSize, "Images per concept per step")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    o.window = addConvergenceOptions(command, learner);
    command.add_option("--inits", learner.initializations, "Initializations per concept")->capture_default_str();
    command.add_option("--seed", learner.seed, "Seed")->capture_default_str();
}

void addRunOptions(CLI::App& command, DisentangleOptions& o)
{
    DisentangleRequest& r = o.request;
    command.add_option("--images-per-concept", r.imagesPerConcept, "Training images per concept (0: all)")
        ->capture_default_str();
    command.add_option("--concepts-per-pass", r.conceptsPerPass, "Concepts learned in one batched pass")
        ->capture_default_str();
    command.add_option("--checkpoint-every", r.checkpointEvery, "Steps between checkpoints")->capture_default_str();
    command
        .add_option("--eval-images-per-concept", r.evaluationImagesPerConcept,
                    "Held-out images per concept for the final evaluation (0: all)")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    addNegativesPerConceptOption(command, r.evaluationNegativesPerConcept);
    command
        .add_option("--memory", o.memoryMiB,
                    "MiB for decoded training images of an image folder (0: a quarter of this machine's memory); "
                    "a pass is decoded while the previous one learns when two fit")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    addZooOption(command, r.zooDirectory);
    command
        .add_option("--shard", o.shard,
                    "i/N (1-based, as SLURM_ARRAY_TASK_ID with --array=1-N): learn only every N-th concept in "
                    "class order from the i-th, into this project, without evaluating; combine the N shard "
                    "projects with `nad merge`")
        ->check(CLI::Validator(
            [](std::string& text) {
                try {
                    ShardSpec::parse(text);
                } catch (const std::exception& e) {
                    return std::string(e.what());
                }
                return std::string();
            },
            "i/N"));
}

// The request the parsed options describe.
DisentangleRequest requestOf(const DisentangleOptions& o)
{
    DisentangleRequest request = o.request;
    request.shard = o.shard.empty() ? ShardSpec{} : ShardSpec::parse(o.shard);
    request.memoryBytes = std::size_t(o.memoryMiB) << 20;
    request.options.preset = LearnerOptions::presetFromName(o.preset);
    if (request.options.preset == LearnerPreset::Official) {
        // The authors' setting unless the user says otherwise: lr 0.1 for 21 epochs.
        const LearnerOptions official = LearnerOptions::officialDefaults();
        if (!o.alpha->count())
            request.options.alpha = official.alpha;
        if (!o.epochs->count() && !o.steps->count())
            request.options.epochs = official.epochs;
        if (!o.window->count())
            request.options.convergenceWindow = official.convergenceWindow;
    }
    request.lambdaGiven = o.lambda->count() > 0;
    request.concepts.clear();
    if (o.concepts != "all") {
        std::stringstream list(o.concepts);
        std::string name;
        while (std::getline(list, name, ','))
            if (!name.empty())
                request.concepts.push_back(name);
    }
    return request;
}

// "init 1/3 pass 2/4 step 40/100  usage 0.912" on the progress bar.
void showProgress(ProgressBar& bar, const DisentangleProgress& p)
{
    double usage = 0;
    for (double u : p.learner.usage)
        usage += u / double(p.learner.usage.size());
    char status[128];
    std::snprintf(status, sizeof status, "init %d/%d pass %d/%d step %d/%d  usage %.3f", p.initialization + 1,
                  p.initializations, p.pass + 1, p.passes, p.learner.step, p.learner.steps, usage);
    const double total = double(p.initializations * p.passes);
    const double done = double(p.initialization * p.passes + p.pass) + double(p.learner.step) / p.learner.steps;
    bar.update(done / total, p.etaSeconds, status);
}

// An imported model has no λ of its own: say so, and how to choose one without touching the
// held-out images the report above is computed on.
std::string lambdaAdvice(const DisentangleRequest& request, double lambda)
{
    std::ostringstream text;
    text << "NOTE: lambda " << lambda << " is a general fallback: no lambda has been chosen for model '"
         << request.modelName << "'. Choose one on a validation split of the training images with\n"
         << "  nad sweep --project " << request.projectPath << " --model " << request.modelName << " --concepts A,B,C"
         << (request.options.preset == LearnerPreset::Official ? " --preset official" : "")
         << "\nthen run again with --lambda.\n";
    return text.str();
}

void printResult(const DisentangleRequest& request, const DisentangleResult& result)
{
    if (!result.evaluated) {
        std::string names;
        for (const auto& name : result.concepts)
            names += (names.empty() ? "" : ", ") + name;
        std::cout << (result.resumed ? "Resumed and finished shard " : "Finished shard ") << request.shard.text()
                  << " (run " << result.runId << "): " << result.pathsLearned << " path(s) learned in "
                  << ProgressBar::formatDuration(result.seconds) << " for " << names
                  << "\nNot evaluated: combine all shard projects with `nad merge OUT SHARD...`, which evaluates.\n";
        return;
    }
    std::cout << (result.resumed ? "Resumed and finished run " : "Finished run ") << result.runId << ": "
              << result.pathsLearned << " path(s) learned and evaluated in "
              << ProgressBar::formatDuration(result.seconds) << " (evaluation "
              << ProgressBar::formatDuration(result.evaluationSeconds) << "; training images held "
              << ((result.trainingImagesBytes + (1u << 20) - 1) >> 20) << " MiB at most)\n";
    RunReport::print(std::cout, result.summary);
    if (result.lambdaIsFallback)
        std::cout << lambdaAdvice(request, result.lambda);
}

void addDisentangleCommand(CLI::App& parent)
{
    auto o = std::make_shared<DisentangleOptions>();
    auto* disentangle = parent.add_subcommand(
        "disentangle", "Learn concept feature paths (Algorithm 1) into a project; Ctrl-C stops at the next step, "
                       "running the same command again resumes");
    disentangle->add_option("PROJECT", o->request.projectPath, "Project file")->required();
    disentangle
        ->add_option("--model", o->request.modelName,
                     "Zoo model name, e.g. vgg-w16-s1 (see `nad zoo list`), or a model imported into the project "
                     "(`nad project new --model`)")
        ->required();
    addLearnerOptions(*disentangle, *o);
    addRunOptions(*disentangle, *o);
    disentangle->callback([o] {
        const DisentangleRequest request = requestOf(*o);
        ProgressBar bar(std::cerr, ::isatty(STDERR_FILENO) != 0);
        CancelSignal cancel;
        const DisentangleResult result = DisentangleJob::run(
            request, [&bar](const DisentangleProgress& p) { showProgress(bar, p); }, &cancel.flag());
        bar.finish();
        if (result.cancelled)
            throw CancelledError("stopped; run " + std::to_string(result.runId) +
                                 " is saved at its last checkpoint — run the same command to resume");
        printResult(request, result);
    });
}

void addEvaluateCommand(CLI::App& parent)
{
    struct EvaluateOptions
    {
        std::string project;
        std::int64_t run = 0;
        std::string zoo;
        int imagesPerConcept = 0;
        int negativesPerConcept = -1;
    };
    auto evaluate = std::make_shared<EvaluateOptions>();
    auto* evaluateCommand =
        parent.add_subcommand("evaluate", "Evaluate a run's paths on held-out images and store the metrics");
    evaluateCommand->add_option("PROJECT", evaluate->project, "Project file")->required();
    evaluateCommand->add_option("--run", evaluate->run, "Run id (default: the latest finished run)");
    addZooOption(*evaluateCommand, evaluate->zoo);
    evaluateCommand
        ->add_option("--images-per-concept", evaluate->imagesPerConcept,
                     "Held-out images per concept (0: all; fewer is quicker and noisier)")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    addNegativesPerConceptOption(*evaluateCommand, evaluate->negativesPerConcept);
    evaluateCommand->callback([evaluate] {
        ProjectStore project = ProjectStore::open(evaluate->project);
        // Run 0: the latest finished one (RunContext says clearly when there is none).
        RunReport::print(std::cout,
                         RunEvaluation::evaluate(project, evaluate->run, evaluate->zoo, nullptr,
                                                 std::size_t(evaluate->imagesPerConcept),
                                                 RunEvaluation::negativesOption(evaluate->negativesPerConcept)));
    });
}

}  // namespace

void addDisentangleCommands(CLI::App& parent)
{
    addDisentangleCommand(parent);
    addEvaluateCommand(parent);
}

}  // namespace nad::cli
