#pragma once

#include <cstdint>
#include <numeric>
#include <random>
#include <vector>

namespace nad {

// A 64-bit mix (SplitMix64's finalizer) to derive independent seeds.
inline std::uint64_t mixSeed(std::uint64_t x)
{
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

// The seed of one (run seed, concept, initialization) for one purpose (1: mask init, 2: image
// order, 3: negatives' order), independent of which other concepts share the pass.
inline std::uint64_t derivedSeed(std::uint64_t seed, std::int64_t classIndex, int initialization, std::uint64_t purpose)
{
    return mixSeed(mixSeed(mixSeed(seed) ^ std::uint64_t(classIndex)) ^ std::uint64_t(initialization)) ^ purpose;
}

// Cycles through `count` items (a concept's images) in a seeded random order, reshuffling after
// each pass.
class ImageCycle
{
public:
    ImageCycle(std::int64_t count, std::uint64_t seed) : m_order(std::size_t(count)), m_random(seed)
    {
        std::iota(m_order.begin(), m_order.end(), 0);
        shuffle();
    }
    std::vector<std::int64_t> next(int batch)
    {
        std::vector<std::int64_t> indices;
        for (int k = 0; k < batch; ++k) {
            if (m_cursor == m_order.size()) {
                shuffle();
                m_cursor = 0;
            }
            indices.push_back(m_order[m_cursor++]);
        }
        return indices;
    }

private:
    void shuffle()
    {
        // Own Fisher-Yates: std::shuffle's sequence differs between standard libraries.
        for (std::size_t i = m_order.size(); i > 1; --i)
            std::swap(m_order[i - 1], m_order[std::size_t(m_random() % i)]);
    }
    std::vector<std::int64_t> m_order;
    std::mt19937_64 m_random;
    std::size_t m_cursor = 0;
};

}  // namespace nad
