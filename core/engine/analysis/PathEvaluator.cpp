#include "analysis/PathEvaluator.h"

#include "Errors.h"
#include "analysis/Auroc.h"
#include "nn/ImageBatch.h"

#include <algorithm>

namespace nad {
namespace {

// The network's logits on every image of `set` (CPU), with optional masks.
torch::Tensor logitsOn(BlockNetwork& network, const ImageSet& set, const Normalization& normalization,
                       const BlockMasks& masks, int batchSize)
{
    std::vector<torch::Tensor> parts;
    for (std::size_t first = 0; first < set.count(); first += std::size_t(batchSize)) {
        const std::size_t count = std::min(std::size_t(batchSize), set.count() - first);
        parts.push_back(network.forward(ImageBatch::range(set, first, count, normalization, network.device()), masks)
                            .logits.to(torch::kCPU, torch::kFloat));
    }
    return torch::cat(parts);
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

}  // namespace

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
                                                       const std::vector<LearnedPath>& paths, int batchSize)
{
    if (heldOut.count() == 0)
        throw InvalidArgument("no held-out images to evaluate paths on");
    torch::NoGradGuard noGrad;
    const torch::Tensor labels = torch::tensor(heldOut.labels, torch::kInt64);
    const torch::Tensor originalLogits = logitsOn(network, heldOut, normalization, {}, batchSize);
    const torch::Tensor original = originalLogits.argmax(1);
    bool bothKinds = false;  // AUROC needs images of c and of another class
    for (std::int64_t label : heldOut.labels)
        bothKinds = bothKinds || label != heldOut.labels.front();

    auto rates = [&labels](const torch::Tensor& predicted, std::int64_t c) {
        const torch::Tensor isC = labels == c;
        const double ofC = isC.sum().item<double>();
        const double others = double(labels.numel()) - ofC;
        const double hit = (predicted.eq(c) & isC).sum().item<double>();
        const double rejected = (predicted.ne(c) & isC.logical_not()).sum().item<double>();
        return std::make_pair(ofC > 0 ? hit / ofC : 0.0, others > 0 ? rejected / others : 1.0);
    };

    std::vector<ConceptEvaluation> results;
    for (const auto& path : paths) {
        if (path.binary.size() != network.blockCount())
            throw InvalidArgument("a path with " + std::to_string(path.binary.size()) +
                                  " blocks cannot run on a network with " + std::to_string(network.blockCount()));
        ConceptEvaluation e;
        e.classIndex = path.classIndex;
        std::tie(e.originalPrecision, e.originalSpecificity) = rates(original, path.classIndex);
        const torch::Tensor maskedLogits =
            logitsOn(network, heldOut, normalization, masksOf(path, network.device()), batchSize);
        std::tie(e.pathPrecision, e.pathSpecificity) = rates(maskedLogits.argmax(1), path.classIndex);
        const bool hasC =
            std::find(heldOut.labels.begin(), heldOut.labels.end(), path.classIndex) != heldOut.labels.end();
        if (bothKinds && hasC) {
            e.originalAuroc = aurocOf(originalLogits, heldOut.labels, path.classIndex);
            e.pathAuroc = aurocOf(maskedLogits, heldOut.labels, path.classIndex);
        }
        e.usage = path.meanBlockUsage();
        e.degenerate = isDegenerate(e);
        results.push_back(e);
    }
    return results;
}

}  // namespace nad
