#include "analysis/PathEvaluator.h"

#include "Errors.h"
#include "analysis/Auroc.h"
#include "analysis/OriginalLogits.h"
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

// The path's logits on images `chosen`, and in `measured` the images they are for: the
// original's when the path keeps every unit, else run from the original's kept outputs when it
// can, else on its images read again.
torch::Tensor pathLogits(BlockNetwork& network, const ImageSource& heldOut, const OriginalLogits& original,
                         const LearnedPath& path, const std::vector<std::size_t>& chosen,
                         const Normalization& normalization, int batchSize, std::vector<std::size_t>& measured)
{
    const std::size_t differsFrom = PathEvaluator::firstBlockWith(path.binary, 0);
    if (differsFrom == network.blockCount()) {  // the path is the original network
        measured = original.readOf(chosen);
        return original.rowsOf(measured);
    }
    const BlockMasks masks = PathEvaluator::masksOf(path, network.device());
    if (original.canRunFrom(differsFrom)) {
        measured = original.readOf(chosen);
        return original.runFromShared(network, measured, masks, batchSize);
    }
    std::vector<torch::Tensor> parts;
    OriginalLogits::forEachChunk(heldOut, chosen, batchSize,
                                 [&](const std::vector<std::size_t>& read, const ImageSet& images) {
                                     parts.push_back(logitsOn(network, images, normalization, masks, batchSize));
                                     measured.insert(measured.end(), read.begin(), read.end());
                                 });
    return parts.empty() ? torch::empty({0, 0}) : torch::cat(parts);
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
        std::vector<std::size_t> measured;
        const torch::Tensor masked =
            pathLogits(network, heldOut, original, path, chosen[p], normalization, batchSize, measured);
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
