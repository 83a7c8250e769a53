#pragma once

#include "data/ImageSource.h"
#include "data/Normalization.h"
#include "nn/BlockNetwork.h"

#include <functional>
#include <vector>

namespace nad {

// The original network's logits on the held-out images some path is measured on, computed once
// each (PathEvaluator), and — when every path keeps every unit of the blocks before
// `sharedFrom` and their outputs there fit in PathEvaluator::kSharedBytes — those outputs, so
// that each path runs only the blocks from its first masked one on, without reading its images
// again.
class OriginalLogits
{
public:
    OriginalLogits(BlockNetwork& network, const ImageSource& source, const std::vector<std::size_t>& needed,
                   const Normalization& normalization, int batchSize, std::size_t sharedFrom);

    // The images of `indices` that were read, in order.
    std::vector<std::size_t> readOf(const std::vector<std::size_t>& indices) const;
    // The logits of images `indices` (each must have been read), one row each.
    torch::Tensor rowsOf(const std::vector<std::size_t>& indices) const;
    // Whether a path that keeps every unit before block `first` can run from the kept outputs.
    bool canRunFrom(std::size_t first) const { return m_sharedFrom > 0 && first >= m_sharedFrom; }
    // The logits of a path (`masks`) on images `indices` (each read), run from the kept outputs.
    torch::Tensor runFromShared(BlockNetwork& network, const std::vector<std::size_t>& indices, const BlockMasks& masks,
                                int batchSize) const;

    // Calls `use(indices read, images)` for the images `indices` of `source`, read a chunk of
    // PathEvaluator::kChunkBytes (at least `batchSize` images) at a time.
    using ChunkUse = std::function<void(const std::vector<std::size_t>& read, const ImageSet& images)>;
    static void forEachChunk(const ImageSource& source, const std::vector<std::size_t>& indices, int batchSize,
                             const ChunkUse& use);

private:
    torch::Tensor rowIndices(const std::vector<std::size_t>& indices) const;
    // The logits of one batch, adding its outputs at m_sharedFrom to `kept` (per block, per
    // batch) while all `images` fit.
    torch::Tensor logitsKeepingShared(BlockNetwork& network, const torch::Tensor& input, std::size_t images,
                                      std::vector<std::vector<torch::Tensor>>& kept);

    std::vector<std::int64_t> m_row;  // per image of the source: its row in m_logits, −1 when not read
    torch::Tensor m_logits;
    std::size_t m_sharedFrom;             // 0: no outputs kept
    std::vector<torch::Tensor> m_shared;  // per block before m_sharedFrom (undefined: not read)
};

}  // namespace nad
