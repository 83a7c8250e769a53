#pragma once

#include "data/ImageSet.h"

#include <cstdint>
#include <vector>

namespace nad {

// A seeded, stratified split of a training set into the images paths are learned from and the
// validation images hyperparameters (λ) are chosen on, so that nothing is tuned on the held-out
// split the evaluation reports. Each class gives min(validationPerClass, half its images) to
// validation, drawn by a seeded shuffle of that class; the rest is left to learn from. The same
// set, count and seed always give the same split, on every platform (own shuffle, no
// implementation-defined std::shuffle).
struct ValidationSplit
{
    std::vector<std::size_t> learning;    // indices into the set, ascending
    std::vector<std::size_t> validation;  // indices into the set, ascending; disjoint from learning

    static ValidationSplit make(const ImageSet& train, std::size_t validationPerClass, std::uint64_t seed);

    // The first `count` learning images of `classIndex` in storage order (all when count is 0).
    std::vector<std::size_t> learningOfClass(const ImageSet& train, std::int64_t classIndex, std::size_t count) const;
};

}  // namespace nad
