#pragma once

#include "data/ImageSet.h"
#include "data/Normalization.h"
#include "nad/StepBatches.h"

#include <cstdint>
#include <vector>

namespace nad {

// The pool of training images the negative-aware terms draw other concepts' images from.
class NegativePool
{
public:
    // Up to ⌈size / classes⌉ images of every class among `candidates` (indices into `set`; the
    // whole set when empty), each class's drawn by a seeded shuffle, normalized, on `device`.
    // The same set, candidates, size and seed always give the same pool.
    static NegativeImages draw(const ImageSet& set, const std::vector<std::size_t>& candidates, int size,
                               std::uint64_t seed, const Normalization& normalization, const torch::Device& device);
};

}  // namespace nad
