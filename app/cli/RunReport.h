#pragma once

#include "nad/RunEvaluation.h"

#include <ostream>

namespace nad::cli {

// The metrics of an evaluated run as `nad disentangle`, `nad evaluate` and `nad demo` print
// them: per concept precision and specificity beside the original network's, usage,
// stability, degenerate flags; unit usage per block, I, clustering agreement.
class RunReport
{
public:
    static void print(std::ostream& out, const RunSummary& summary);
};

}  // namespace nad::cli
