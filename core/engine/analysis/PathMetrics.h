#pragma once

#include "analysis/PackedPath.h"

#include <utility>
#include <vector>

namespace nad {

// How a block's units are shared among concepts' paths: used by every path, by more than one
// but not all, by exactly one.
struct UnitSharing
{
    double all = 0;
    double some = 0;
    double one = 0;
};

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

    // Per block, the smallest share of units any one path keeps.
    static std::vector<double> minimumUsagePerBlock(const std::vector<PackedPath>& paths);
    // Per block, how many units every path, several paths or exactly one path uses.
    static std::vector<UnitSharing> sharingPerBlock(const std::vector<PackedPath>& paths);
    // Mean and population standard deviation of `values` (0, 0 when empty).
    static std::pair<double, double> meanAndStd(const std::vector<double>& values);
    // Var(M): the population variance of M(c_i, c_j) over the pairs i < j (0 for fewer than 2).
    static double similarityVariance(const std::vector<std::vector<double>>& similarity);
    // Whether average linkage on 1 − M meets two equal distances when choosing a merge (within
    // 1e-12), so the dendrogram's order among them is arbitrary.
    static bool hasTiedMerges(const std::vector<std::vector<double>>& similarity);

    // Eq. 12: I = 2/(k²−k) Σ_{i<j} (a_i a_j M(c_i, c_j) − μ)², μ the mean of the k(k−1)/2
    // weighted terms a_i a_j M(c_i, c_j) (the reading that makes I their variance; the paper's
    // wording of μ is ambiguous). Accuracies are fractions. Needs k ≥ 2.
    static double interpretability(const std::vector<double>& accuracies,
                                   const std::vector<std::vector<double>>& similarity);

    // Mean pairwise M between paths of one concept from different initializations (1 for one path).
    static double stability(const std::vector<PackedPath>& pathsOfOneConcept);
};

}  // namespace nad
