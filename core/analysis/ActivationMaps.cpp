#include "analysis/ActivationMaps.h"

#include "Errors.h"
#include "analysis/PathEvaluator.h"
#include "nn/ImageBatch.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace nad {

ActivationMap ActivationMaps::fromBlockOutput(const torch::Tensor& output, int height, int width)
{
    if (output.dim() != 3)
        throw InvalidArgument("an activation map needs a [C, h, w] block output");
    const torch::Tensor sum = output.detach().to(torch::kCPU, torch::kFloat).sum(0).contiguous();
    const int h = int(sum.size(0));
    const int w = int(sum.size(1));
    cv::Mat small(h, w, CV_32FC1);
    std::copy_n(sum.data_ptr<float>(), std::size_t(h) * std::size_t(w), small.ptr<float>());
    double low = 0, high = 0;
    cv::minMaxLoc(small, &low, &high);
    if (high > low)
        small = (small - low) / (high - low);
    else
        small.setTo(0.0f);
    ActivationMap map;
    map.height = height;
    map.width = width;
    map.values.resize(std::size_t(height) * std::size_t(width));
    cv::Mat resized(height, width, CV_32FC1, map.values.data());
    cv::resize(small, resized, resized.size(), 0, 0, cv::INTER_LINEAR);
    return map;
}

std::vector<ActivationMap> ActivationMaps::compute(BlockNetwork& network, const ImageSet& set, std::size_t index,
                                                   const Normalization& normalization, const BlockMasks& masks)
{
    if (index >= set.count())
        throw InvalidArgument("image " + std::to_string(index) + " is not in a set of " + std::to_string(set.count()));
    torch::NoGradGuard noGrad;
    const torch::Tensor input = ImageBatch::images(set, {index}, normalization, network.device());
    const BlockForward result = network.forward(input, masks, true);
    std::vector<ActivationMap> maps;
    for (const auto& output : result.blockOutputs)
        maps.push_back(fromBlockOutput(output[0], set.height, set.width));
    return maps;
}

std::vector<std::uint8_t> ActivationMaps::topPercentMask(const ActivationMap& map, double percent)
{
    if (!(percent > 0) || percent > 100)
        throw InvalidArgument("the top-k share must be in (0, 100] %, got " + std::to_string(percent));
    const std::size_t n = map.values.size();
    std::vector<std::uint8_t> mask(n, 0);
    if (n == 0)
        return mask;
    const std::size_t keep = std::max<std::size_t>(1, std::min(n, std::size_t(std::llround(double(n) * percent / 100.0))));
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    const auto higher = [&map](std::uint32_t a, std::uint32_t b) {
        return map.values[a] != map.values[b] ? map.values[a] > map.values[b] : a < b;
    };
    std::nth_element(order.begin(), order.begin() + std::ptrdiff_t(keep - 1), order.end(), higher);
    for (std::size_t k = 0; k < keep; ++k)
        mask[order[k]] = 1;
    return mask;
}

double ActivationMaps::hitRate(const std::vector<std::uint8_t>& mask, const ActivationMap& map,
                               const CompositeImage& composite, int tile)
{
    if (map.height != composite.image.height || map.width != composite.image.width)
        throw InvalidArgument("the activation map and the composite differ in size");
    if (tile < 0 || tile >= composite.tileCount())
        throw InvalidArgument("tile " + std::to_string(tile) + " is not in the composite");
    std::size_t kept = 0, inside = 0;
    for (int y = 0; y < map.height; ++y)
        for (int x = 0; x < map.width; ++x)
            if (mask[std::size_t(y) * std::size_t(map.width) + std::size_t(x)]) {
                ++kept;
                inside += composite.insideTile(tile, y, x) ? 1 : 0;
            }
    return kept ? double(inside) / double(kept) : 0.0;
}

HitRateStudy ActivationMaps::hitRates(BlockNetwork& network, const ImageSet& heldOut,
                                      const Normalization& normalization, const std::vector<LearnedPath>& paths,
                                      const HitRateOptions& options, const Progress& progress,
                                      const std::atomic<bool>* cancel)
{
    if (options.composites < 1)
        throw InvalidArgument("the hit rate needs at least one composite");
    std::map<std::int64_t, const LearnedPath*> pathOf;
    std::vector<std::int64_t> pool;
    for (const auto& path : paths)
        if (pathOf.emplace(path.classIndex, &path).second)
            pool.push_back(path.classIndex);
    const auto composites =
        CompositeBuilder::random(heldOut, pool, options.rows, options.cols, options.composites, options.seed);

    const std::size_t blocks = network.blockCount();
    std::vector<std::vector<double>> pathRates(blocks), originalRates(blocks);
    for (std::size_t k = 0; k < composites.size(); ++k) {
        if (cancel && cancel->load())
            throw Error("hit rate cancelled");
        const CompositeImage& composite = composites[k];
        const auto original = compute(network, composite.image, 0, normalization);
        std::vector<std::vector<std::uint8_t>> originalMasks;
        for (const auto& map : original)
            originalMasks.push_back(topPercentMask(map, options.topPercent));
        for (int tile = 0; tile < composite.tileCount(); ++tile) {
            const LearnedPath& path = *pathOf.at(composite.tileConcepts[std::size_t(tile)]);
            const auto maps = compute(network, composite.image, 0, normalization,
                                      PathEvaluator::masksOf(path, network.device()));
            for (std::size_t b = 0; b < blocks; ++b) {
                pathRates[b].push_back(hitRate(topPercentMask(maps[b], options.topPercent), maps[b], composite, tile));
                originalRates[b].push_back(hitRate(originalMasks[b], original[b], composite, tile));
            }
        }
        if (progress)
            progress(int(k + 1), int(composites.size()));
    }

    HitRateStudy study;
    study.composites = int(composites.size());
    study.samples = int(composites.size()) * options.rows * options.cols;
    study.chance = 1.0 / double(options.rows * options.cols);
    const auto meanStd = [](const std::vector<double>& v) {
        double mean = std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
        double variance = 0;
        for (double x : v)
            variance += (x - mean) * (x - mean) / double(v.size());
        return std::make_pair(mean, std::sqrt(variance));
    };
    for (std::size_t b = 0; b < blocks; ++b) {
        study.blockNames.push_back(network.blocks()[b].name);
        const auto [pm, ps] = meanStd(pathRates[b]);
        const auto [om, os] = meanStd(originalRates[b]);
        study.pathMean.push_back(pm);
        study.pathStd.push_back(ps);
        study.originalMean.push_back(om);
        study.originalStd.push_back(os);
    }
    return study;
}

} // namespace nad
