#include "analysis/PackedPath.h"

#include "Errors.h"

namespace nad {

PackedPath::PackedPath(const std::vector<std::vector<std::uint8_t>>& blocks)
{
    for (const auto& block : blocks) {
        m_channels.push_back(block.size());
        m_offsets.push_back(m_words.size());
        const std::size_t words = (block.size() + 63) / 64;
        m_words.resize(m_words.size() + words, 0);
        for (std::size_t t = 0; t < block.size(); ++t) {
            if (block[t])
                m_words[m_offsets.back() + t / 64] |= std::uint64_t(1) << (t % 64);
        }
    }
}

std::size_t PackedPath::activeChannels(std::size_t block) const
{
    std::size_t count = 0;
    const std::size_t words = (m_channels[block] + 63) / 64;
    for (std::size_t w = 0; w < words; ++w)
        count += std::size_t(__builtin_popcountll(m_words[m_offsets[block] + w]));
    return count;
}

double PackedPath::jaccard(const PackedPath& a, const PackedPath& b, std::size_t block)
{
    if (a.m_channels[block] != b.m_channels[block])
        throw InvalidArgument("paths of different networks cannot be compared (block " + std::to_string(block) +
                              " has " + std::to_string(a.m_channels[block]) + " and " +
                              std::to_string(b.m_channels[block]) + " channels)");
    std::size_t both = 0, either = 0;
    const std::size_t words = (a.m_channels[block] + 63) / 64;
    const std::uint64_t* wa = a.m_words.data() + a.m_offsets[block];
    const std::uint64_t* wb = b.m_words.data() + b.m_offsets[block];
    for (std::size_t w = 0; w < words; ++w) {
        both += std::size_t(__builtin_popcountll(wa[w] & wb[w]));
        either += std::size_t(__builtin_popcountll(wa[w] | wb[w]));
    }
    return either == 0 ? 1.0 : double(both) / double(either);
}

double PackedPath::similarity(const PackedPath& a, const PackedPath& b)
{
    if (a.blockCount() != b.blockCount() || a.blockCount() == 0)
        throw InvalidArgument("paths with " + std::to_string(a.blockCount()) + " and " +
                              std::to_string(b.blockCount()) + " blocks cannot be compared");
    double sum = 0;
    for (std::size_t i = 0; i < a.blockCount(); ++i)
        sum += jaccard(a, b, i);
    return sum / double(a.blockCount());
}

}  // namespace nad
