#include "ObjectiveOptions.h"

#include "nad/LearnerOptions.h"

#include <CLI/CLI.hpp>

namespace nad::cli {

namespace {

std::string specificSummary()
{
    LearnerOptions specific;
    specific.useSpecificObjective();
    const std::string summary = specific.objectiveSummary();  // "paper: relative-squared, ..."
    return summary.substr(summary.find(": ") + 2);
}

}  // namespace

void addObjectiveOptions(CLI::App& command, LearnerOptions& options)
{
    LearnerOptions* o = &options;
    // The default: on the zoo models the paper's objective keeps every unit of most blocks (the
    // path is the original network), the specific one gives sparse, specific and causal paths
    // (README, "Which objective by default").
    options.useSpecificObjective();
    // Declared first: CLI11 runs option callbacks in declaration order, so the options below
    // override the named objective's values whatever their order on the command line.
    command
        .add_option_function<std::string>(
            "--objective",
            [o](const std::string& name) {
                if (name == "specific")
                    o->useSpecificObjective();
                else
                    o->usePaperObjective();
            },
            "specific: " + specificSummary() +
                " (sparse and specific paths, with its own default λ; the default) or paper (Eq. 4-9, the "
                "paper's objective)")
        ->check(CLI::IsMember({"paper", "specific"}))
        ->default_str("specific");
    command
        .add_option_function<std::string>(
            "--distance", [o](const std::string& name) { o->distance = LearnerOptions::distanceFromName(name); },
            "Paper preset's distance per block: norm (Eq. 4), scale-free (/ ||o_i||), relative-squared "
            "(share of the block's energy removed) or distillation (KL of the logits only, as CDRP); --objective "
            "paper: norm")
        ->check(CLI::IsMember({"norm", "scale-free", "relative-squared", "distillation"}))
        ->default_str(LearnerOptions::distanceName(options.distance));
    command.add_flag_callback(
        "--scale-free", [o] { o->distance = PathDistance::ScaleFree; }, "Same as --distance scale-free");
    command
        .add_option_function<std::string>(
            "--sparsity", [o](const std::string& name) { o->sparsity = LearnerOptions::sparsityFromName(name); },
            "Paper preset's path size: sum (Eq. 6, per unit) or block-mean (mean per block, summed over blocks); "
            "--objective paper: sum")
        ->check(CLI::IsMember({"sum", "block-mean"}))
        ->default_str(LearnerOptions::sparsityName(options.sparsity));
    const struct
    {
        const char* flag;
        double* weight;
        const char* help;
    } terms[] = {
        {"--margin", &options.negatives.margin,
         "Weight of the margin on other concepts' images: the path must not answer its concept"},
        {"--hinge", &options.negatives.hinge,
         "Weight of the hinge keeping the concept's logit on other concepts' images at most the original's"},
        {"--kl", &options.negatives.kl, "Weight of KL(original ‖ path) of the softmax on other concepts' images"},
        {"--one-vs-rest", &options.negatives.oneVsRest,
         "Weight of the one-vs-rest log loss of the concept's probability (its images vs others')"},
    };
    for (const auto& term : terms)
        command.add_option(term.flag, *term.weight, std::string(term.help) + " (--objective paper: 0)")
            ->check(CLI::NonNegativeNumber)
            ->capture_default_str();
    command
        .add_option("--alpha-decay", options.alphaDecaySteps,
                    "Steps after which the step size α has halved (α·τ/(τ+t)); lets paths with terms on negatives "
                    "settle (0: constant α, the paper's)")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    command.add_flag("--averaged-paths", options.averagedPaths,
                     "Read each path off the mean of its mask logits over the last convergence window, and "
                     "compare those means for convergence (Polyak averaging: paths with terms on negatives settle); on "
                     "with the specific objective");
    command
        .add_option("--negative-pool", options.negativePool,
                    "Training images of other classes the negative terms draw from, spread over the classes")
        ->check(CLI::Range(2, 1000000))
        ->capture_default_str();
}

CLI::Option* addConvergenceOptions(CLI::App& command, LearnerOptions& options)
{
    // A window of 0 has nothing to average over: the run keeps its last step's paths (as the
    // studio does for an epoch budget), rather than refusing the specific objective's averaging.
    LearnerOptions* o = &options;
    CLI::Option* window =
        command
            .add_option("--converge-window", options.convergenceWindow,
                        "Check convergence every this many steps (0: run the whole budget and keep the last "
                        "step's paths)")
            ->check(CLI::NonNegativeNumber)
            ->each([o](const std::string& steps) {
                if (steps == "0")
                    o->averagedPaths = false;
            })
            ->capture_default_str();
    command
        .add_option("--converge-tolerance", options.convergenceTolerance,
                    "Converged when at most this share of units changed over a window")
        ->check(CLI::Range(0.0, 0.999))
        ->capture_default_str();
    command.add_option("--min-steps", options.minSteps, "Steps before convergence is checked")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    return window;
}

}  // namespace nad::cli
