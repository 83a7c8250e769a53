#pragma once

#include <cstdint>
#include <vector>

namespace nad {

// A binary concept path packed 64 channels to a word per block, so the Jaccard index of two
// paths (Eq. 10) is a few popcounts: 1000 ResNet50-sized paths compare pairwise in well
// under a second.
class PackedPath
{
public:
    PackedPath() = default;
    explicit PackedPath(const std::vector<std::vector<std::uint8_t>>& blocks);

    std::size_t blockCount() const { return m_channels.size(); }
    std::size_t channels(std::size_t block) const { return m_channels[block]; }
    std::size_t activeChannels(std::size_t block) const;
    bool isActive(std::size_t block, std::size_t channel) const
    {
        return (m_words[m_offsets[block] + channel / 64] >> (channel % 64)) & 1u;
    }

    // Eq. 10 for one block: |a ∧ b| / |a ∨ b|, with J(∅, ∅) = 1 (two empty blocks agree).
    static double jaccard(const PackedPath& a, const PackedPath& b, std::size_t block);
    // Eq. 11: the mean of the per-block Jaccard indices.
    static double similarity(const PackedPath& a, const PackedPath& b);

private:
    std::vector<std::size_t> m_channels;
    std::vector<std::size_t> m_offsets;  // first word of each block
    std::vector<std::uint64_t> m_words;
};

}  // namespace nad
