#pragma once

namespace CLI {
class App;
}

namespace nad::cli {

// `--negatives-per-concept N`, declared the same way by `nad disentangle`, `nad evaluate` and
// `nad merge`: the other concepts' held-out images each path's specificity and AUROC are
// measured on (-1: automatic, 0: all; RunEvaluation::negativesOption maps it).
void addNegativesPerConceptOption(CLI::App& command, int& negatives);

}  // namespace nad::cli
