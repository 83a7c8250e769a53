#pragma once

#include <vector>

namespace nad {

// The area under the ROC curve of a score that should rank positives above negatives: the
// probability that a random positive outscores a random negative, ties counting one half
// (Mann–Whitney U / (n₊ n₋), from average ranks). 0.5 is chance, 1 a perfect ranking.
// Throws InvalidArgument without at least one positive and one negative, or on sizes that differ.
double auroc(const std::vector<float>& scores, const std::vector<bool>& positive);

}  // namespace nad
