#pragma once

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace nad {
struct LearnerOptions;
}

namespace nad::cli {

// The path objective's options, declared the same way by `disentangle` and `sweep`:
// --objective (a named set of the others), --distance, --sparsity, the negative-aware weights --margin, --hinge, --kl,
// --one-vs-rest,
// --negative-pool, and --scale-free (the older spelling of --distance scale-free). They write
// straight into `options`, which must outlive the parse; the default is the specific objective,
// set in `options` here, so declare them before the options that override its values.
void addObjectiveOptions(CLI::App& command, LearnerOptions& options);

// The convergence rule's options, declared the same way by `disentangle` and `sweep`:
// --converge-window, --converge-tolerance, --min-steps. Returns --converge-window's option, so
// a caller can tell whether it was given (the official preset turns the rule off otherwise).
CLI::Option* addConvergenceOptions(CLI::App& command, LearnerOptions& options);

}  // namespace nad::cli
