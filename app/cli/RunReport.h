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
    // "Dendrogram order: …" wrapped to 100 columns; past 40 concepts only the first 40 and
    // where to find the rest.
    static void printDendrogramOrder(std::ostream& out, const std::vector<std::string>& names,
                                     const std::vector<std::size_t>& order);
};

}  // namespace nad::cli
