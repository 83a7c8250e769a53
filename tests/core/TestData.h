#pragma once

// Test helper: small balanced subsets of a real data set.
#include "data/ImageSet.h"

#include <algorithm>

namespace nadtest {

// The first `perClass` images of every class, in class order.
inline nad::ImageSet balancedSubset(const nad::ImageSet& set, std::size_t perClass)
{
    std::vector<std::size_t> indices;
    for (std::int64_t c = 0; c < std::int64_t(set.classNames.size()); ++c) {
        const auto all = set.indicesOfClass(c);
        indices.insert(indices.end(), all.begin(), all.begin() + std::ptrdiff_t(std::min(perClass, all.size())));
    }
    return set.subset(indices);
}

}  // namespace nadtest
