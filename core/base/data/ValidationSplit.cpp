#include "data/ValidationSplit.h"

#include <algorithm>

namespace nad {
namespace {

// SplitMix64: a small generator whose output is fixed by its definition, unlike the
// distributions of <random>, so a split is the same with every standard library.
class SplitMix64
{
public:
    explicit SplitMix64(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

private:
    std::uint64_t m_state;
};

// Fisher–Yates; the modulo's bias (< 2^-40 for any image set) does not matter here.
void shuffle(std::vector<std::size_t>& values, SplitMix64& random)
{
    for (std::size_t i = values.size(); i > 1; --i)
        std::swap(values[i - 1], values[random.next() % i]);
}

}  // namespace

ValidationSplit ValidationSplit::make(const ImageSet& train, std::size_t validationPerClass, std::uint64_t seed)
{
    ValidationSplit split;
    std::vector<bool> isValidation(train.count(), false);
    for (std::size_t c = 0; c < train.classNames.size(); ++c) {
        auto indices = train.indicesOfClass(std::int64_t(c));
        // A class of its own stream: adding a class to the set leaves the others' draws alone.
        SplitMix64 random(seed * 0x100000001B3ull + c);
        shuffle(indices, random);
        const std::size_t count = std::min(validationPerClass, indices.size() / 2);
        for (std::size_t k = 0; k < count; ++k)
            isValidation[indices[k]] = true;
    }
    for (std::size_t i = 0; i < train.count(); ++i)
        (isValidation[i] ? split.validation : split.learning).push_back(i);
    return split;
}

std::vector<std::size_t> ValidationSplit::learningOfClass(const ImageSet& train, std::int64_t classIndex,
                                                          std::size_t count) const
{
    std::vector<std::size_t> indices;
    for (std::size_t i : learning) {
        if (train.labels[i] != classIndex)
            continue;
        if (count > 0 && indices.size() == count)
            break;
        indices.push_back(i);
    }
    return indices;
}

}  // namespace nad
