#include "analysis/UnitExplorer.h"

#include "Errors.h"
#include "jobs/RunContext.h"
#include "nn/BlockNetwork.h"
#include "nn/ImageBatch.h"
#include "store/ProjectStore.h"
#include "store/UnitStatisticsStore.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <set>

namespace nad {

namespace {

// Chunk of held-out images per forward pass: the block outputs of a small network at 28 px
// stay in the cache at this size, and a cancel is seen within a fraction of a second.
constexpr std::size_t kChunk = 256;

void checkUnit(BlockNetwork& network, std::size_t block, std::size_t unit)
{
    if (block >= network.blockCount())
        throw InvalidArgument("block " + std::to_string(block) + " does not exist: the network has " +
                              std::to_string(network.blockCount()) + " blocks (0–" +
                              std::to_string(network.blockCount() - 1) + ")");
    const auto& spec = network.blocks()[block];
    if (unit >= std::size_t(spec.channels))
        throw InvalidArgument("block '" + spec.name + "' has " + std::to_string(spec.channels) + " units (0–" +
                              std::to_string(spec.channels - 1) + "), not " + std::to_string(unit));
}

std::vector<std::int64_t> classesOf(const std::vector<std::int64_t>& labels)
{
    const std::set<std::int64_t> distinct(labels.begin(), labels.end());
    return {distinct.begin(), distinct.end()};
}

// Adds the rows of `responses` (images `read`, in order) to `builder`, one run of consecutive
// indices at a time (an unreadable image breaks a run).
void addRead(UnitStatisticsBuilder& builder, const torch::Tensor& responses, const std::vector<std::size_t>& read,
             const std::vector<std::int64_t>& labels)
{
    const float* rows = responses.data_ptr<float>();
    const auto units = std::size_t(responses.size(1));
    for (std::size_t start = 0; start < read.size();) {
        std::size_t end = start + 1;
        while (end < read.size() && read[end] == read[end - 1] + 1)
            ++end;
        builder.add(rows + start * units, labels.data() + read[start], end - start, read[start]);
        start = end;
    }
}

}  // namespace

BlockUnitStatistics UnitExplorer::measureBlock(BlockNetwork& network, const ImageSource& heldOut,
                                               const Normalization& normalization, std::size_t block,
                                               std::size_t topCount, const Progress& progress,
                                               const std::atomic<bool>* cancel)
{
    checkUnit(network, block, 0);
    if (heldOut.count() == 0)
        throw InvalidArgument("the held-out split has no images to measure the units on");
    const BlockSpec& spec = network.blocks()[block];
    const auto& labels = heldOut.labels();
    UnitStatisticsBuilder builder(block, spec.name, std::size_t(spec.channels), classesOf(labels), topCount);
    torch::NoGradGuard noGrad;
    for (std::size_t first = 0; first < heldOut.count(); first += kChunk) {
        if (cancel && cancel->load())
            throw Error("cancelled");
        const std::size_t count = std::min(kChunk, heldOut.count() - first);
        std::vector<std::size_t> wanted(count);
        for (std::size_t i = 0; i < count; ++i)
            wanted[i] = first + i;
        std::vector<std::size_t> read;
        const ImageSet images = heldOut.read(wanted, &read);
        if (images.count() > 0) {
            // The blocks after `block` are not needed.
            const torch::Tensor input = ImageBatch::range(images, 0, images.count(), normalization, network.device());
            const torch::Tensor responses =
                network.outputsBefore(input, block + 1).back().mean({2, 3}).to(torch::kCPU, torch::kFloat).contiguous();
            addRead(builder, responses, read, labels);
        }
        if (progress)
            progress(first + count, heldOut.count());
    }
    return builder.finish();
}

std::vector<ActivationMap> UnitExplorer::unitMaps(BlockNetwork& network, const ImageSet& images,
                                                  const Normalization& normalization, std::size_t block,
                                                  std::size_t unit)
{
    checkUnit(network, block, unit);
    if (images.count() == 0)
        return {};
    torch::NoGradGuard noGrad;
    const torch::Tensor input = ImageBatch::range(images, 0, images.count(), normalization, network.device());
    const torch::Tensor channel = network.forward(input, {}, true)
                                      .blockOutputs.at(block)
                                      .select(1, std::int64_t(unit))
                                      .to(torch::kCPU, torch::kFloat)
                                      .contiguous();
    // One scale for all the maps; values below zero (a block without a final ReLU) show as 0.
    const float largest = std::max(channel.max().item<float>(), 0.0f);
    const int h = int(channel.size(1));
    const int w = int(channel.size(2));
    std::vector<ActivationMap> maps;
    for (std::size_t i = 0; i < images.count(); ++i) {
        cv::Mat small(h, w, CV_32FC1, channel[std::int64_t(i)].data_ptr<float>());
        ActivationMap map;
        map.height = images.height;
        map.width = images.width;
        map.rawMin = 0;
        map.rawMax = largest;
        map.values.resize(std::size_t(map.height) * std::size_t(map.width));
        cv::Mat resized(map.height, map.width, CV_32FC1, map.values.data());
        cv::resize(small, resized, resized.size(), 0, 0, cv::INTER_LINEAR);
        for (float& v : map.values)
            v = largest > 0 ? std::clamp(v / largest, 0.0f, 1.0f) : 0.0f;
        maps.push_back(std::move(map));
    }
    return maps;
}

UnitKeeping UnitExplorer::keeping(const std::map<int, std::vector<LearnedPath>>& paths, std::size_t block,
                                  std::size_t units, std::vector<std::int64_t>* classes)
{
    std::map<std::int64_t, std::vector<std::vector<std::uint8_t>>> masksOfClass;
    for (const auto& [init, concepts] : paths)
        for (const auto& path : concepts)
            if (block < path.binary.size())
                masksOfClass[path.classIndex].push_back(path.binary[block]);
    std::vector<std::vector<std::vector<std::uint8_t>>> ordered;
    if (classes)
        classes->clear();
    for (auto& [classIndex, masks] : masksOfClass) {
        ordered.push_back(std::move(masks));
        if (classes)
            classes->push_back(classIndex);
    }
    return UnitKeeping::fromPaths(ordered, units);
}

UnitProfile UnitExplorer::profile(ProjectStore& project, const RunContext& context, BlockNetwork& network,
                                  const ImageSource& heldOut, const std::map<int, std::vector<LearnedPath>>& paths,
                                  std::size_t block, std::size_t unit, std::size_t top, const Progress& progress,
                                  const std::atomic<bool>* cancel)
{
    checkUnit(network, block, unit);
    top = std::clamp<std::size_t>(top, 1, kCachedTopCount);
    const std::size_t units = std::size_t(network.blocks()[block].channels);
    UnitStatisticsStore cache(project);
    std::optional<BlockUnitStatistics> statistics = cache.load(context.run.id, block, top);
    const bool cached = statistics && statistics->units == units && statistics->images == heldOut.count();
    if (!cached) {
        statistics =
            measureBlock(network, heldOut, context.model.normalization, block, kCachedTopCount, progress, cancel);
        if (!project.isReadOnly())
            cache.save(context.run.id, *statistics);
    }

    UnitProfile profile;
    profile.runId = context.run.id;
    profile.block = block;
    profile.blockName = statistics->blockName;
    profile.unit = unit;
    profile.units = units;
    profile.heldOutImages = statistics->images;
    profile.fromCache = cached;
    profile.topImageIndices = statistics->topImagesOf(unit, top);
    profile.topResponses = statistics->topResponsesOf(unit, top);
    profile.topImages = heldOut.readAll({profile.topImageIndices.begin(), profile.topImageIndices.end()},
                                        "one of unit " + std::to_string(unit) + "'s strongest images");
    profile.topMaps = unitMaps(network, profile.topImages, context.model.normalization, block, unit);
    profile.classes = statistics->classes;
    std::vector<std::int64_t> pathClasses;
    const UnitKeeping shared = keeping(paths, block, units, &pathClasses);
    profile.initializations = int(paths.size());
    for (std::size_t c = 0; c < profile.classes.size(); ++c) {
        const std::int64_t classIndex = profile.classes[c];
        profile.classNames.push_back(std::size_t(classIndex) < context.classNames.size()
                                         ? context.classNames[std::size_t(classIndex)]
                                         : std::to_string(classIndex));
        profile.classMeans.push_back(statistics->classMean(unit, c));
        const auto column = std::find(pathClasses.begin(), pathClasses.end(), classIndex);
        profile.keptShare.push_back(
            column == pathClasses.end() ? -1.0 : shared.keptShare[unit][std::size_t(column - pathClasses.begin())]);
    }
    return profile;
}

}  // namespace nad
