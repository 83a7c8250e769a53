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
    map.rawMin = float(low);
    map.rawMax = float(high);
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

HitRateStudy ActivationMaps::hitRates(BlockNetwork& network, const ImageSource& heldOut,
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
    std::vector<std::vector<double>> pathRates(blocks);
    for (std::size_t k = 0; k < composites.size(); ++k) {
        if (cancel && cancel->load())
            throw Error("hit rate cancelled");
        const CompositeImage& composite = composites[k];
        for (int tile = 0; tile < composite.tileCount(); ++tile) {
            const LearnedPath& path = *pathOf.at(composite.tileConcepts[std::size_t(tile)]);
            const auto maps =
                compute(network, composite.image, 0, normalization, PathEvaluator::masksOf(path, network.device()));
            for (std::size_t b = 0; b < blocks; ++b) {
                pathRates[b].push_back(composite.hitRate(maps[b].topPercentMask(options.topPercent), tile));
            }
        }
        if (progress)
            progress(int(k + 1), int(composites.size()));
    }

    HitRateStudy study;
    study.composites = int(composites.size());
    study.samples = int(composites.size()) * options.rows * options.cols;
    study.chance = 1.0 / double(options.rows * options.cols);
    study.topPercent = options.topPercent;
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
        study.pathMean.push_back(pm);
        study.pathStd.push_back(ps);
    }
    return study;
}

}  // namespace nad
