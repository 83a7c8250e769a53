#include "analysis/PathEvaluator.h"

#include "Errors.h"
#include "analysis/Auroc.h"
#include "nad/ImageCycle.h"
#include "nn/ImageBatch.h"

#include <algorithm>

namespace nad {
namespace {

// The network's logits on every image of `set` (CPU), with optional masks.
torch::Tensor logitsOn(BlockNetwork& network, const ImageSet& set, const Normalization& normalization,
                       const BlockMasks& masks, int batchSize)
{
    std::vector<torch::Tensor> parts;
    batchSize = ImageBatch::imagesWithin(set, batchSize);
    for (std::size_t first = 0; first < set.count(); first += std::size_t(batchSize)) {
        const std::size_t count = std::min(std::size_t(batchSize), set.count() - first);
        parts.push_back(network.forward(ImageBatch::range(set, first, count, normalization, network.device()), masks)
                            .logits.to(torch::kCPU, torch::kFloat));
    }
    return parts.empty() ? torch::empty({0, 0}) : torch::cat(parts);
}

// Calls `use(indices read, images)` for the images `indices` of `source`, read a chunk at a time.
template <typename Use>
void forEachChunk(const ImageSource& source, const std::vector<std::size_t>& indices, int batchSize, Use&& use)
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

// The original network's logits on the images some path is measured on, computed once each,
// and — when the paths all keep every unit of the blocks before `sharedFrom` and their outputs
// there fit in kSharedBytes — those outputs, for the paths to run from.
class OriginalLogits
{
public:
    OriginalLogits(BlockNetwork& network, const ImageSource& source, const std::vector<std::size_t>& needed,
                   const Normalization& normalization, int batchSize, std::size_t sharedFrom)
        : m_row(source.count(), -1), m_sharedFrom(sharedFrom < network.blockCount() ? sharedFrom : 0)
    {
        std::vector<torch::Tensor> parts;
        std::int64_t rows = 0;
        forEachChunk(source, needed, batchSize, [&](const std::vector<std::size_t>& read, const ImageSet& images) {
            for (std::size_t i : read)
                m_row[i] = rows++;
            const int batch = ImageBatch::imagesWithin(images, batchSize);
            for (std::size_t first = 0; first < images.count(); first += std::size_t(batch)) {
                const std::size_t count = std::min(std::size_t(batch), images.count() - first);
                const torch::Tensor input = ImageBatch::range(images, first, count, normalization, network.device());
                parts.push_back(logitsKeepingShared(network, input, needed.size()).to(torch::kCPU, torch::kFloat));
            }
        });
        m_logits = parts.empty() ? torch::empty({0, 0}) : torch::cat(parts);
        for (auto& blockParts : m_sharedParts)
            m_shared.push_back(blockParts.empty() ? torch::Tensor() : torch::cat(blockParts));
        m_sharedParts.clear();
    }
    // The images of `indices` that were read, in order.
    std::vector<std::size_t> readOf(const std::vector<std::size_t>& indices) const
    {
        std::vector<std::size_t> read;
        for (std::size_t i : indices)
            if (m_row[i] >= 0)
                read.push_back(i);
        return read;
    }
    // The rows of images `indices` (each must have been read).
    torch::Tensor rowsOf(const std::vector<std::size_t>& indices) const
    {
        return m_logits.index_select(0, rowIndices(indices));
    }
    // Whether a path that keeps every unit before block `first` can run from the kept outputs.
    bool canRunFrom(std::size_t first) const { return m_sharedFrom > 0 && first >= m_sharedFrom; }
    // The logits of a path (`masks`) on images `indices` (each read), run from the kept outputs.
    torch::Tensor runFromShared(BlockNetwork& network, const std::vector<std::size_t>& indices, const BlockMasks& masks,
                                int batchSize) const
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

private:
    torch::Tensor rowIndices(const std::vector<std::size_t>& indices) const
    {
        std::vector<std::int64_t> rows;
        for (std::size_t i : indices)
            rows.push_back(m_row[i]);
        return torch::tensor(rows, torch::kInt64);
    }
    // The logits of one batch, keeping the outputs at m_sharedFrom while they fit.
    torch::Tensor logitsKeepingShared(BlockNetwork& network, const torch::Tensor& input, std::size_t images)
    {
        if (m_sharedFrom == 0)
            return network.forward(input).logits;
        std::vector<torch::Tensor> before = network.outputsBefore(input, m_sharedFrom);
        std::size_t bytesPerImage = 0;
        for (const auto& output : before)
            if (output.defined())
                bytesPerImage += std::size_t(output.numel() / output.size(0)) * output.element_size();
        if (bytesPerImage * images > PathEvaluator::kSharedBytes) {
            m_sharedFrom = 0;  // too large to keep: every path runs on its images
            m_sharedParts.clear();
        } else {
            m_sharedParts.resize(before.size());
            for (std::size_t b = 0; b < before.size(); ++b)
                if (before[b].defined())
                    m_sharedParts[b].push_back(before[b].to(torch::kCPU));
        }
        const std::size_t first = before.size();  // before the move below
        return network.forwardFrom(first, std::move(before)).logits;
    }

    std::vector<std::int64_t> m_row;  // per image of the source: its row in m_logits, −1 when not read
    torch::Tensor m_logits;
    std::size_t m_sharedFrom;                               // 0: no outputs kept
    std::vector<std::vector<torch::Tensor>> m_sharedParts;  // per block before m_sharedFrom, per batch
    std::vector<torch::Tensor> m_shared;                    // per block before m_sharedFrom (undefined: not read)
};

// One-vs-rest AUROC of logit column `c`: concept c's images against all the others.
double aurocOf(const torch::Tensor& logits, const std::vector<std::int64_t>& labels, std::int64_t c)
{
    const torch::Tensor column = logits.select(1, c).contiguous();
    const std::vector<float> scores(column.data_ptr<float>(), column.data_ptr<float>() + column.numel());
    std::vector<bool> positive;
    for (std::int64_t label : labels)
        positive.push_back(label == c);
    return auroc(scores, positive);
}

// Precision (share of c's images called c) and specificity (share of the others not called c).
std::pair<double, double> rates(const torch::Tensor& labels, const torch::Tensor& predicted, std::int64_t c)
{
    const torch::Tensor isC = labels == c;
    const double ofC = isC.sum().item<double>();
    const double others = double(labels.numel()) - ofC;
    const double hit = (predicted.eq(c) & isC).sum().item<double>();
    const double rejected = (predicted.ne(c) & isC.logical_not()).sum().item<double>();
    return std::make_pair(ofC > 0 ? hit / ofC : 0.0, others > 0 ? rejected / others : 1.0);
}

std::vector<std::int64_t> labelsOf(const std::vector<std::int64_t>& labels, const std::vector<std::size_t>& indices)
{
    std::vector<std::int64_t> chosen;
    for (std::size_t i : indices)
        chosen.push_back(labels[i]);
    return chosen;
}

// Precision, specificity and AUROC of concept `c` from the original network's and the path's
// logits on the same images (rows), labelled `imageLabels`.
ConceptEvaluation compare(const torch::Tensor& unmasked, const torch::Tensor& masked,
                          const std::vector<std::int64_t>& imageLabels, std::int64_t c)
{
    const torch::Tensor labels = torch::tensor(imageLabels, torch::kInt64);
    ConceptEvaluation e;
    e.classIndex = c;
    std::tie(e.originalPrecision, e.originalSpecificity) = rates(labels, unmasked.argmax(1), c);
    std::tie(e.pathPrecision, e.pathSpecificity) = rates(labels, masked.argmax(1), c);
    // AUROC needs images of c and of another class.
    const bool hasC = std::find(imageLabels.begin(), imageLabels.end(), c) != imageLabels.end();
    const bool hasOther =
        std::any_of(imageLabels.begin(), imageLabels.end(), [c](std::int64_t label) { return label != c; });
    if (hasC && hasOther) {
        e.originalAuroc = aurocOf(unmasked, imageLabels, c);
        e.pathAuroc = aurocOf(masked, imageLabels, c);
    }
    return e;
}

}  // namespace

std::vector<std::size_t> PathEvaluator::evaluationImages(const std::vector<std::int64_t>& labels, std::int64_t c,
                                                         std::size_t negatives)
{
    std::vector<std::size_t> own, others;
    for (std::size_t i = 0; i < labels.size(); ++i)
        (labels[i] == c ? own : others).push_back(i);
    if (negatives > 0 && negatives < others.size()) {
        ImageCycle order(std::int64_t(others.size()), mixSeed(std::uint64_t(c)) ^ 5);
        std::vector<std::size_t> sample;
        for (std::int64_t k : order.next(int(negatives)))
            sample.push_back(others[std::size_t(k)]);
        others = std::move(sample);
    }
    own.insert(own.end(), others.begin(), others.end());
    std::sort(own.begin(), own.end());
    return own;
}

std::size_t PathEvaluator::firstBlockWith(const std::vector<std::vector<std::uint8_t>>& bits, std::uint8_t value)
{
    for (std::size_t b = 0; b < bits.size(); ++b)
        if (std::find(bits[b].begin(), bits[b].end(), value) != bits[b].end())
            return b;
    return bits.size();
}

BlockMasks PathEvaluator::masksOf(const LearnedPath& path, const torch::Device& device)
{
    BlockMasks masks;
    for (const auto& block : path.binary) {
        std::vector<float> values(block.begin(), block.end());
        masks.push_back(torch::tensor(values).to(device));
    }
    return masks;
}

bool PathEvaluator::isDegenerate(const ConceptEvaluation& e)
{
    return e.usage < 0.02 || e.pathSpecificity < e.originalSpecificity - 0.20;
}

std::vector<ConceptEvaluation> PathEvaluator::evaluate(BlockNetwork& network, const ImageSet& heldOut,
                                                       const Normalization& normalization,
                                                       const std::vector<LearnedPath>& paths, int batchSize,
                                                       std::size_t negativesPerConcept)
{
    return evaluate(network, ImageSetSource(heldOut), normalization, paths, batchSize, negativesPerConcept);
}

std::vector<ConceptEvaluation> PathEvaluator::evaluate(BlockNetwork& network, const ImageSource& heldOut,
                                                       const Normalization& normalization,
                                                       const std::vector<LearnedPath>& paths, int batchSize,
                                                       std::size_t negativesPerConcept)
{
    if (heldOut.count() == 0)
        throw InvalidArgument("no held-out images to evaluate paths on");
    torch::NoGradGuard noGrad;
    const auto& labels = heldOut.labels();
    // The images each path is measured on: every held-out image, or c's and a sample of others.
    std::vector<std::vector<std::size_t>> chosen;
    std::vector<std::uint8_t> needed(heldOut.count(), 0);  // by some path
    for (const auto& path : paths) {
        if (path.binary.size() != network.blockCount())
            throw InvalidArgument("a path with " + std::to_string(path.binary.size()) +
                                  " blocks cannot run on a network with " + std::to_string(network.blockCount()));
        chosen.push_back(evaluationImages(labels, path.classIndex, negativesPerConcept));
        for (std::size_t i : chosen.back())
            needed[i] = 1;
    }
    std::vector<std::size_t> anyPath;
    for (std::size_t i = 0; i < needed.size(); ++i)
        if (needed[i])
            anyPath.push_back(i);
    std::size_t sharedFrom = network.blockCount();  // the first block any path masks
    for (const auto& path : paths)
        sharedFrom = std::min(sharedFrom, firstBlockWith(path.binary, 0));
    const OriginalLogits original(network, heldOut, anyPath, normalization, batchSize, sharedFrom);

    std::vector<ConceptEvaluation> results;
    for (std::size_t p = 0; p < paths.size(); ++p) {
        const LearnedPath& path = paths[p];
        const std::int64_t c = path.classIndex;
        const std::size_t differsFrom = firstBlockWith(path.binary, 0);
        torch::Tensor masked;
        std::vector<std::size_t> measured;
        if (differsFrom == network.blockCount()) {  // the path is the original network
            measured = original.readOf(chosen[p]);
            masked = original.rowsOf(measured);
        } else if (original.canRunFrom(differsFrom)) {
            measured = original.readOf(chosen[p]);
            masked = original.runFromShared(network, measured, masksOf(path, network.device()), batchSize);
        } else {
            const BlockMasks masks = masksOf(path, network.device());
            std::vector<torch::Tensor> parts;
            forEachChunk(heldOut, chosen[p], batchSize,
                         [&](const std::vector<std::size_t>& read, const ImageSet& images) {
                             parts.push_back(logitsOn(network, images, normalization, masks, batchSize));
                             measured.insert(measured.end(), read.begin(), read.end());
                         });
            if (!parts.empty())
                masked = torch::cat(parts);
        }
        if (measured.empty())
            throw DataError("none of the held-out images concept " + std::to_string(c) +
                            " is measured on could be read");
        ConceptEvaluation e = compare(original.rowsOf(measured), masked, labelsOf(labels, measured), c);
        e.usage = path.meanBlockUsage();
        e.degenerate = isDegenerate(e);
        results.push_back(e);
    }
    return results;
}

}  // namespace nad
