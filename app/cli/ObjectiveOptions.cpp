#include "ObjectiveOptions.h"

#include "nad/LearnerOptions.h"

#include <CLI/CLI.hpp>

namespace nad::cli {

void addObjectiveOptions(CLI::App& command, LearnerOptions& options)
{
    LearnerOptions* o = &options;
    command
        .add_option_function<std::string>(
            "--distance", [o](const std::string& name) { o->distance = LearnerOptions::distanceFromName(name); },
            "Paper preset's distance per block: norm (Eq. 4), scale-free (/ ||o_i||) or relative-squared "
            "(share of the block's energy removed)")
        ->check(CLI::IsMember({"norm", "scale-free", "relative-squared"}))
        ->default_str("norm");
    command.add_flag_callback(
        "--scale-free", [o] { o->distance = PathDistance::ScaleFree; }, "Same as --distance scale-free");
    command
        .add_option_function<std::string>(
            "--sparsity", [o](const std::string& name) { o->sparsity = LearnerOptions::sparsityFromName(name); },
            "Paper preset's path size: sum (Eq. 6, per unit) or block-mean (mean per block, summed over blocks)")
        ->check(CLI::IsMember({"sum", "block-mean"}))
        ->default_str("sum");
    command
        .add_option("--margin", options.negatives.margin,
                    "Weight of the margin on other concepts' images: the path must not answer its concept")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    command
        .add_option("--hinge", options.negatives.hinge,
                    "Weight of the hinge keeping the concept's logit on other concepts' images at most the "
                    "original's")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    command
        .add_option("--kl", options.negatives.kl,
                    "Weight of KL(original ‖ path) of the softmax on other concepts' images")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    command
        .add_option("--one-vs-rest", options.negatives.oneVsRest,
                    "Weight of the one-vs-rest log loss of the concept's probability (its images vs others')")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    command
        .add_option("--negative-pool", options.negativePool,
                    "Training images of other classes the negative terms draw from, spread over the classes")
        ->check(CLI::Range(2, 1000000))
        ->capture_default_str();
}

}  // namespace nad::cli
