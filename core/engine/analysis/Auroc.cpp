#include "analysis/Auroc.h"

#include "Errors.h"

#include <algorithm>
#include <numeric>

namespace nad {

double auroc(const std::vector<float>& scores, const std::vector<bool>& positive)
{
    if (scores.size() != positive.size())
        throw InvalidArgument("AUROC needs one label per score");
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    // Sum of the positives' ranks (1-based), tied scores sharing their average rank.
    double positiveRankSum = 0;
    double positives = 0;
    for (std::size_t first = 0; first < order.size();) {
        std::size_t last = first;
        while (last + 1 < order.size() && scores[order[last + 1]] == scores[order[first]])
            ++last;
        const double averageRank = (double(first) + double(last)) / 2.0 + 1.0;
        for (std::size_t k = first; k <= last; ++k) {
            if (positive[order[k]]) {
                positiveRankSum += averageRank;
                positives += 1;
            }
        }
        first = last + 1;
    }
    const double negatives = double(scores.size()) - positives;
    if (positives == 0 || negatives == 0)
        throw InvalidArgument("AUROC needs at least one positive and one negative");
    return (positiveRankSum - positives * (positives + 1) / 2.0) / (positives * negatives);
}

}  // namespace nad
