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

// Calls `use(indices read, logits)` for the images `indices` of `source`, read and run a chunk
// at a time.
template <typename Use>
void inChunks(BlockNetwork& network, const ImageSource& source, const std::vector<std::size_t>& indices,
              const Normalization& normalization, const BlockMasks& masks, int batchSize, Use&& use)
{
    const std::size_t chunk = source.imagesWithin(PathEvaluator::kChunkBytes, std::size_t(batchSize));
    for (std::size_t first = 0; first < indices.size(); first += chunk) {
        const std::vector<std::size_t> wanted(indices.begin() + std::ptrdiff_t(first),
                                              indices.begin() +
                                                  std::ptrdiff_t(std::min(indices.size(), first + chunk)));
        std::vector<std::size_t> read;
        const ImageSet images = source.read(wanted, &read);
        if (images.count() > 0)
            use(read, logitsOn(network, images, normalization, masks, batchSize));
    }
}

// The original network's logits on the images some path is measured on, computed once each.
class OriginalLogits
{
public:
    OriginalLogits(BlockNetwork& network, const ImageSource& source, const std::vector<std::size_t>& needed,
                   const Normalization& normalization, int batchSize)
        : m_row(source.count(), -1)
    {
        std::vector<torch::Tensor> parts;
        std::int64_t rows = 0;
        inChunks(network, source, needed, normalization, {}, batchSize,
                 [&](const std::vector<std::size_t>& read, const torch::Tensor& logits) {
                     for (std::size_t i : read)
                         m_row[i] = rows++;
                     parts.push_back(logits);
                 });
        m_logits = parts.empty() ? torch::empty({0, 0}) : torch::cat(parts);
    }
    // The rows of images `indices` (each must have been read).
    torch::Tensor rowsOf(const std::vector<std::size_t>& indices) const
    {
        std::vector<std::int64_t> rows;
        for (std::size_t i : indices)
            rows.push_back(m_row[i]);
        return m_logits.index_select(0, torch::tensor(rows, torch::kInt64));
    }

private:
    std::vector<std::int64_t> m_row;  // per image of the source: its row in m_logits, −1 when not read
    torch::Tensor m_logits;
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
    const OriginalLogits original(network, heldOut, anyPath, normalization, batchSize);

    std::vector<ConceptEvaluation> results;
    for (std::size_t p = 0; p < paths.size(); ++p) {
        const LearnedPath& path = paths[p];
        const std::int64_t c = path.classIndex;
        std::vector<torch::Tensor> masked;
        std::vector<std::size_t> measured;
        inChunks(network, heldOut, chosen[p], normalization, masksOf(path, network.device()), batchSize,
                 [&](const std::vector<std::size_t>& read, const torch::Tensor& logits) {
                     masked.push_back(logits);
                     measured.insert(measured.end(), read.begin(), read.end());
                 });
        if (measured.empty())
            throw DataError("none of the held-out images concept " + std::to_string(c) +
                            " is measured on could be read");
        ConceptEvaluation e = compare(original.rowsOf(measured), torch::cat(masked), labelsOf(labels, measured), c);
        e.usage = path.meanBlockUsage();
        e.degenerate = isDegenerate(e);
        results.push_back(e);
    }
    return results;
}

}  // namespace nad
