#include "analysis/OriginalLogits.h"

#include "analysis/PathEvaluator.h"
#include "nn/ImageBatch.h"

#include <algorithm>

namespace nad {

void OriginalLogits::forEachChunk(const ImageSource& source, const std::vector<std::size_t>& indices, int batchSize,
                                  const ChunkUse& use)
{
    const std::size_t chunk = source.imagesWithin(PathEvaluator::kChunkBytes, std::size_t(batchSize));
    for (std::size_t first = 0; first < indices.size(); first += chunk) {
        const std::vector<std::size_t> wanted(indices.begin() + std::ptrdiff_t(first),
                                              indices.begin() +
                                                  std::ptrdiff_t(std::min(indices.size(), first + chunk)));
        std::vector<std::size_t> read;
        const ImageSet images = source.read(wanted, &read);
        if (images.count() > 0)
            use(read, images);
    }
}

OriginalLogits::OriginalLogits(BlockNetwork& network, const ImageSource& source, const std::vector<std::size_t>& needed,
                               const Normalization& normalization, int batchSize, std::size_t sharedFrom)
    : m_row(source.count(), -1), m_sharedFrom(sharedFrom < network.blockCount() ? sharedFrom : 0)
{
    std::vector<torch::Tensor> parts;
    std::vector<std::vector<torch::Tensor>> kept;  // per block before m_sharedFrom, per batch
    std::int64_t rows = 0;
    forEachChunk(source, needed, batchSize, [&](const std::vector<std::size_t>& read, const ImageSet& images) {
        for (std::size_t i : read)
            m_row[i] = rows++;
        const int batch = ImageBatch::imagesWithin(images, batchSize);
        for (std::size_t first = 0; first < images.count(); first += std::size_t(batch)) {
            const std::size_t count = std::min(std::size_t(batch), images.count() - first);
            const torch::Tensor input = ImageBatch::range(images, first, count, normalization, network.device());
            parts.push_back(logitsKeepingShared(network, input, needed.size(), kept).to(torch::kCPU, torch::kFloat));
        }
    });
    m_logits = parts.empty() ? torch::empty({0, 0}) : torch::cat(parts);
    for (const auto& blockParts : kept)
        m_shared.push_back(blockParts.empty() ? torch::Tensor() : torch::cat(blockParts));
}

std::vector<std::size_t> OriginalLogits::readOf(const std::vector<std::size_t>& indices) const
{
    std::vector<std::size_t> read;
    for (std::size_t i : indices)
        if (m_row[i] >= 0)
            read.push_back(i);
    return read;
}

torch::Tensor OriginalLogits::rowsOf(const std::vector<std::size_t>& indices) const
{
    return m_logits.index_select(0, rowIndices(indices));
}

torch::Tensor OriginalLogits::runFromShared(BlockNetwork& network, const std::vector<std::size_t>& indices,
                                            const BlockMasks& masks, int batchSize) const
{
    const torch::Tensor rows = rowIndices(indices);
    std::vector<torch::Tensor> parts;
    for (std::int64_t first = 0; first < rows.numel(); first += batchSize) {
        const torch::Tensor batchRows = rows.slice(0, first, std::min(rows.numel(), first + batchSize));
        std::vector<torch::Tensor> before(m_sharedFrom);
        for (std::size_t b = 0; b < m_shared.size(); ++b)
            if (m_shared[b].defined())
                before[b] = m_shared[b].index_select(0, batchRows).to(network.device());
        parts.push_back(
            network.forwardFrom(m_sharedFrom, std::move(before), masks).logits.to(torch::kCPU, torch::kFloat));
    }
    return parts.empty() ? torch::empty({0, 0}) : torch::cat(parts);
}

torch::Tensor OriginalLogits::rowIndices(const std::vector<std::size_t>& indices) const
{
    std::vector<std::int64_t> rows;
    for (std::size_t i : indices)
        rows.push_back(m_row[i]);
    return torch::tensor(rows, torch::kInt64);
}

torch::Tensor OriginalLogits::logitsKeepingShared(BlockNetwork& network, const torch::Tensor& input, std::size_t images,
                                                  std::vector<std::vector<torch::Tensor>>& kept)
{
    if (m_sharedFrom == 0)
        return network.forward(input).logits;
    std::vector<torch::Tensor> before = network.outputsBefore(input, m_sharedFrom);
    std::size_t bytesPerImage = 0;
    for (const auto& output : before)
        if (output.defined())
            bytesPerImage += std::size_t(output.numel() / output.size(0)) * output.element_size();
    // Decided on the first batch: every image's outputs have the same size.
    if (bytesPerImage * images > PathEvaluator::kSharedBytes) {
        m_sharedFrom = 0;  // too large to keep: every path runs on its images
        kept.clear();
    } else {
        kept.resize(before.size());
        for (std::size_t b = 0; b < before.size(); ++b)
            if (before[b].defined())
                kept[b].push_back(before[b].to(torch::kCPU));
    }
    const std::size_t first = before.size();  // before the move below
    return network.forwardFrom(first, std::move(before)).logits;
}

}  // namespace nad
