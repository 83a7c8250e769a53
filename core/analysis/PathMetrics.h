#pragma once

#include "analysis/PackedPath.h"

#include <vector>

namespace nad {

// The paper's path metrics (Section 4 and 5), on binary paths. No LibTorch needed.
class PathMetrics
{
public:
    // M(c_i, c_j) for every pair (Eq. 11); the diagonal is 1.
    static std::vector<std::vector<double>> similarityMatrix(const std::vector<PackedPath>& paths);
    // M averaged over initializations: one list of paths per initialization, the same concepts in
    // the same order in each (a list of another length, e.g. an unfinished one, is left out).
    static std::vector<std::vector<double>>
    meanSimilarity(const std::vector<std::vector<PackedPath>>& pathsPerInitialization);

    // Fig. 4: per block, the mean over concepts of |p_i^c|₁ / C_i.
    static std::vector<double> unitUsagePerBlock(const std::vector<PackedPath>& paths);

    // Eq. 12: I = 2/(k²−k) Σ_{i<j} (a_i a_j M(c_i, c_j) − μ)², μ the mean of the k(k−1)/2
    // weighted terms a_i a_j M(c_i, c_j) (the reading that makes I their variance; the paper's
    // wording of μ is ambiguous). Accuracies are fractions. Needs k ≥ 2.
    static double interpretability(const std::vector<double>& accuracies,
                                   const std::vector<std::vector<double>>& similarity);

    // Mean pairwise M between paths of one concept from different initializations (1 for one path).
    static double stability(const std::vector<PackedPath>& pathsOfOneConcept);
};

}  // namespace nad
