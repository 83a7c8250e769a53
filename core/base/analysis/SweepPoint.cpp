#include "analysis/SweepPoint.h"

#include <algorithm>
#include <cmath>

namespace nad {

int SweepPoint::blocksBelow(double share) const
{
    return int(std::count_if(usagePerBlock.begin(), usagePerBlock.end(), [share](double u) { return u < share; }));
}

void SweepPoint::judge()
{
    // A hair of slack so a point exactly on the tolerance is not lost to rounding of the means.
    constexpr double kSlack = 1e-9;
    faithful = pathPrecision >= originalPrecision - kFaithfulPoints - kSlack;
    specific = pathSpecificity >= originalSpecificity - kSpecificPoints - kSlack;
}

bool SweepPoint::causalKnockout(int ownUnits, double ownDrop, double othersDrop, double randomDrop)
{
    return ownUnits > 0 && ownDrop >= kCausalDrop && ownDrop >= 3 * std::max(0.0, randomDrop) &&
           ownDrop >= 3 * std::max(0.0, othersDrop);
}

int recommendedSweepPoint(const std::vector<SweepPoint>& points)
{
    int best = -1;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!points[i].faithful || !points[i].specific || points[i].degenerate > 0)
            continue;
        if (best < 0) {
            best = int(i);
            continue;
        }
        const SweepPoint& b = points[std::size_t(best)];
        const bool sparser = points[i].usage < b.usage - 1e-12;
        const bool asSparse = std::abs(points[i].usage - b.usage) <= 1e-12;
        if (sparser || (asSparse && points[i].lambda > b.lambda))
            best = int(i);
    }
    return best;
}

}  // namespace nad
