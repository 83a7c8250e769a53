#include "BenchCommand.h"

#include "ScaleBench.h"
#include "ZooOption.h"
#include "analysis/ConceptClustering.h"
#include "analysis/PackedPath.h"
#include "analysis/PathMetrics.h"
#include "analysis/UnitExplorer.h"
#include "data/FashionMnist.h"
#include "nad/EngineTiming.h"
#include "nad/PathLearner.h"
#include "nn/ComputeDevice.h"
#include "nn/ImageBatch.h"
#include "nn/ImportSpecFile.h"
#include "nn/NetworkFactory.h"
#include "zoo/ModelZoo.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <numeric>
#include <random>

namespace nad::cli {
namespace {

using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point since)
{
    return std::chrono::duration<double>(Clock::now() - since).count();
}

struct Options
{
    std::string model = "vgg-w16-s1";
    int repeats = 15;
    int concepts = 10;
    int batch = 16;
    std::string zoo;
};

// 4. The unit explorer's first result for a block: the held-out split read, one pass over it
//    keeping the block's outputs (what the project then caches), the maps of 12 top images.
void benchUnitExplorer(BlockNetwork& network, const Normalization& normalization)
{
    auto t = Clock::now();
    const ImageSet heldOut = FashionMnist::load(FashionMnist::kDefaultDirectory, Split::Test);
    const double loading = seconds(t);
    std::printf("\nUnit explorer, first profile of a block (%zu held-out images read in %.2f s):\n", heldOut.count(),
                loading);
    for (std::size_t block : {network.blockCount() / 2, network.blockCount() - 1}) {
        std::vector<double> measures, maps;
        for (int repeat = 0; repeat < 3; ++repeat) {
            t = Clock::now();
            const BlockUnitStatistics statistics = UnitExplorer::measureBlock(
                network, ImageSetSource(heldOut), normalization, block, UnitExplorer::kCachedTopCount);
            measures.push_back(seconds(t));
            t = Clock::now();
            const auto top = statistics.topImagesOf(0, 12);
            UnitExplorer::unitMaps(network, heldOut.subset({top.begin(), top.end()}), normalization, block, 0);
            maps.push_back(seconds(t));
        }
        std::sort(measures.begin(), measures.end());
        std::sort(maps.begin(), maps.end());
        std::printf("  %-10s pass %.2f s + maps %.3f s = %.2f s to the first profile (median of 3); later units of "
                    "the block read the cache\n",
                    network.blocks()[block].name.c_str(), measures[1], maps[1], loading + measures[1] + maps[1]);
    }
}

void bench(const Options& o)
{
    ComputeDevice::configureProcess();
    const torch::Device device = ComputeDevice::choose();
    std::printf("nad bench — %s, LibTorch %s\n", ComputeDevice::describe(device).c_str(),
                ComputeDevice::libtorchVersion().c_str());

    // The network: the zoo model when present, else an untrained one of the same shape (speed
    // does not depend on the weights).
    const ModelZoo zoo(o.zoo);
    std::shared_ptr<BlockNetwork> network;
    std::string label = o.model;
    if (auto entry = zoo.find(o.model)) {
        network = zoo.load(*entry);
    } else {
        NetworkConfig config;
        config.width = 16;
        network = NetworkFactory::create("vgg", config);
        network->freeze();
        label = "untrained vgg w16 (" + o.model + " is not in the zoo)";
    }
    network->to(device);
    const ImageSet train = FashionMnist::load(FashionMnist::kDefaultDirectory, Split::Train);
    const Normalization normalization = Normalization::fashionMnist();

    // 1. A learning step on `concepts` x `batch` images, with and without the originals cached,
    //    against 3 no-grad forwards of the same batch (the step's floor without a cache).
    std::vector<ConceptImages> concepts;
    for (int c = 0; c < o.concepts; ++c) {
        auto indices = train.indicesOfClass(c % 10);
        indices.resize(std::min<std::size_t>(indices.size(), 512));
        concepts.push_back({c % 10, ImageBatch::images(train, indices, normalization, device)});
    }
    LearnerOptions options;
    options.batchSize = o.batch;
    options.alpha = 0.1;
    const StepTiming timing = EngineTiming::measure(*network, concepts, options, o.repeats, 3);
    const double imagesPerStep = timing.imagesPerStep;
    std::printf("\nLearning step (%s, %d concepts x %d images):\n", label.c_str(), o.concepts, o.batch);
    std::printf("  step            %8.1f ms   %7.0f img/s\n", 1000 * timing.stepSeconds,
                imagesPerStep / timing.stepSeconds);
    std::printf("  3 forwards      %8.1f ms   %7.0f img/s (equivalent)\n", 1000 * timing.forwardsSeconds,
                imagesPerStep / timing.forwardsSeconds);
    std::printf("  ratio           %8.2f       (3-forward time / step time; target >= 0.85)\n",
                timing.forwardsSeconds / timing.stepSeconds);
    std::printf("  cached step     %8.1f ms   %7.0f img/s, ratio %.2f (originals computed once; target > 1.0)%s\n",
                1000 * timing.cachedStepSeconds, imagesPerStep / timing.cachedStepSeconds,
                timing.forwardsSeconds / timing.cachedStepSeconds,
                timing.cacheFits ? "" : " — the outputs exceed the cache budget: not cached");

    // 2. Time to paths for all 10 concepts (1 initialization, default budget).
    LearnerOptions defaults;
    const auto t = Clock::now();
    const auto learned =
        PathLearner(*network, defaults)
            .learn(std::vector<ConceptImages>(concepts.begin(), concepts.begin() + std::min(10, o.concepts)), 0);
    const double allConcepts = seconds(t);
    int longest = 0;
    for (const auto& path : learned)
        longest = std::max(longest, path.steps);
    std::printf("\nPaths for %d concepts (1 init, to convergence: %d steps for the slowest, batch %d): %.1f s "
                "(target <= 30 s)\n",
                std::min(10, o.concepts), longest, defaults.batchSize, allConcepts);

    // 3. Similarity + clustering for 1000 synthetic concepts with ResNet50's block widths.
    std::vector<std::int64_t> widths = {64};
    for (auto [n, c] : std::vector<std::pair<int, int>>{{3, 256}, {4, 512}, {6, 1024}, {3, 2048}})
        widths.insert(widths.end(), std::size_t(n), c);
    std::mt19937_64 random(1);
    std::vector<PackedPath> paths;
    for (int k = 0; k < 1000; ++k) {
        std::vector<std::vector<std::uint8_t>> blocks;
        for (auto w : widths) {
            std::vector<std::uint8_t> bits(static_cast<std::size_t>(w));
            for (auto& b : bits)
                b = std::uint8_t(random() & 1u);
            blocks.push_back(std::move(bits));
        }
        paths.emplace_back(blocks);
    }
    auto t3 = Clock::now();
    const auto similarity = PathMetrics::similarityMatrix(paths);
    const double similarityTime = seconds(t3);
    t3 = Clock::now();
    const auto merges = ConceptClustering::averageLinkageOfSimilarity(similarity);
    ConceptClustering::leafOrder(merges);
    const double clusteringTime = seconds(t3);
    std::printf("\n1000 concepts, ResNet50 widths (17 blocks, %lld channels):\n",
                static_cast<long long>(std::accumulate(widths.begin(), widths.end(), std::int64_t(0))));
    std::printf("  similarity %.3f s + clustering %.3f s = %.3f s (target <= 1 s)\n", similarityTime, clusteringTime,
                similarityTime + clusteringTime);
    benchUnitExplorer(*network, normalization);
}

}  // namespace

void addBenchCommand(CLI::App& parent)
{
    auto options = std::make_shared<Options>();
    auto scale = std::make_shared<ScaleBenchOptions>();
    auto* command = parent.add_subcommand(
        "bench", "Measure the engine on this machine (learning step, paths, similarity, the unit explorer's first "
                 "profile); with --imported, at a real model's size (decoding, learning, evaluation)");
    command->add_option("--model", options->model, "Zoo model to time")->capture_default_str();
    command->add_option("--repeats", options->repeats, "Steps per timing (3 timings, medians reported)")
        ->capture_default_str();
    command->add_option("--concepts", options->concepts, "Concepts per learning step")->capture_default_str();
    command->add_option("--batch", options->batch, "Images per concept per step")->capture_default_str();
    addZooOption(*command, options->zoo);
    auto* imported = command->add_option("--imported", scale->modelFile,
                                         "A TorchScript model to time at its own size instead of a zoo model");
    command->add_option("--preset", scale->preset, "With --imported: its torchvision preset")
        ->check(CLI::IsMember(ImportSpecFile::presetNames()))
        ->needs(imported);
    command->add_option("--spec", scale->spec, "With --imported: its block spec")->needs(imported);
    command->add_option("--images", scale->images, "With --imported: an ImageFolder of images to decode and learn on")
        ->needs(imported);
    command->add_option("--input-size", scale->inputSize, "With --imported: input size (default: the spec's)")
        ->needs(imported);
    command->add_option("--decode-images", scale->decodeImages, "With --imported: images to decode")
        ->capture_default_str();
    command->add_option("--threads", scale->threads, "With --imported: decoding threads (0: one per core)")
        ->capture_default_str();
    command->callback([options, scale, imported] {
        if (!imported->count()) {
            bench(*options);
            return;
        }
        if (scale->preset.empty() == scale->spec.empty())
            throw CLI::ValidationError("--imported", "give --preset or --spec");
        if (scale->images.empty())
            throw CLI::RequiredError("--images");
        scale->concepts = options->concepts == Options().concepts ? 2 : options->concepts;
        scale->batch = options->batch == Options().batch ? 8 : options->batch;
        ScaleBench::run(*scale);
    });
}

}  // namespace nad::cli
