#include "EvaluationOptions.h"

#include <CLI/CLI.hpp>

namespace nad::cli {

void addNegativesPerConceptOption(CLI::App& command, int& negatives)
{
    command
        .add_option("--negatives-per-concept", negatives,
                    "Other concepts' held-out images each path's specificity and AUROC are measured on, a seeded "
                    "sample (0: all; -1: all while paths x held-out images <= 100,000, else max(100, "
                    "100,000 / paths))")
        ->check(CLI::Range(-1, 1 << 30))
        ->capture_default_str();
}

}  // namespace nad::cli
