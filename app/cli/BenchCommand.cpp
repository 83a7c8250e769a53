#include "BenchCommand.h"

#include "ZooOption.h"
#include "analysis/ConceptClustering.h"
#include "analysis/PackedPath.h"
#include "analysis/PathMetrics.h"
#include "data/FashionMnist.h"
#include "nad/PathLearner.h"
#include "nn/ComputeDevice.h"
#include "nn/ImageBatch.h"
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

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

struct Options
{
    std::string model = "vgg-w16-s1";
    int repeats = 15;
    int concepts = 10;
    int batch = 16;
    std::string zoo;
};

void bench(const Options& o)
{
    ComputeDevice::configureThreads();
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

    // 1. A learning step on `concepts` x `batch` images against 3 no-grad forwards of the same
    //    batch (the step's floor without cached originals), interleaved, medians.
    std::vector<ConceptImages> concepts;
    for (int c = 0; c < o.concepts; ++c) {
        auto indices = train.indicesOfClass(c % 10);
        indices.resize(std::min<std::size_t>(indices.size(), 512));
        concepts.push_back({c % 10, ImageBatch::images(train, indices, normalization, device)});
    }
    LearnerOptions options;
    options.batchSize = o.batch;
    options.steps = 1;
    PathLearner learner(*network, options);
    std::vector<torch::Tensor> masks;
    for (const auto& b : network->blocks())
        masks.push_back(
            torch::randn({o.concepts, b.channels}, torch::TensorOptions().device(device)).set_requires_grad(true));
    std::vector<std::int64_t> owner, labels;
    std::vector<torch::Tensor> parts;
    for (int c = 0; c < o.concepts; ++c) {
        parts.push_back(concepts[std::size_t(c)].images.slice(0, 0, o.batch));
        owner.insert(owner.end(), std::size_t(o.batch), c);
        labels.insert(labels.end(), std::size_t(o.batch), concepts[std::size_t(c)].classIndex);
    }
    const torch::Tensor images = torch::cat(parts);
    const torch::Tensor ownerTensor = torch::tensor(owner, torch::kInt64).to(device);
    const torch::Tensor labelTensor = torch::tensor(labels, torch::kInt64).to(device);
    std::vector<bool> active(std::size_t(o.concepts), true);
    BlockForward originals;
    {
        torch::NoGradGuard noGrad;
        originals = network->forward(images, {}, true);
    }
    std::vector<double> stepTimes, cachedStepTimes, forwardTimes;
    for (int r = 0; r < o.repeats + 2; ++r) {
        auto t = Clock::now();
        learner.loss(masks, images, ownerTensor, labelTensor).backward();
        PathLearner::normalizedStep(masks, 0.1, active);
        const double step = seconds(t);
        t = Clock::now();
        learner.loss(masks, images, ownerTensor, labelTensor, nullptr, nullptr, &originals).backward();
        PathLearner::normalizedStep(masks, 0.1, active);
        const double cachedStep = seconds(t);
        t = Clock::now();
        {
            torch::NoGradGuard noGrad;
            for (int k = 0; k < 3; ++k)
                network->forward(images);
        }
        const double forwards = seconds(t);
        if (r >= 2) {  // the first two warm up allocators and caches
            stepTimes.push_back(step);
            cachedStepTimes.push_back(cachedStep);
            forwardTimes.push_back(forwards);
        }
    }
    const double stepTime = median(stepTimes), forwardTime = median(forwardTimes);
    const double cachedStepTime = median(cachedStepTimes);
    const double imagesPerStep = double(o.concepts * o.batch);
    std::printf("\nLearning step (%s, %d concepts x %d images):\n", label.c_str(), o.concepts, o.batch);
    std::printf("  step            %8.1f ms   %7.0f img/s\n", 1000 * stepTime, imagesPerStep / stepTime);
    std::printf("  3 forwards      %8.1f ms   %7.0f img/s (equivalent)\n", 1000 * forwardTime,
                imagesPerStep / forwardTime);
    std::printf("  ratio           %8.2f       (3-forward time / step time; target >= 0.85)\n", forwardTime / stepTime);
    std::printf("  cached step     %8.1f ms   %7.0f img/s, ratio %.2f (originals computed once; target > 1.0)\n",
                1000 * cachedStepTime, imagesPerStep / cachedStepTime, forwardTime / cachedStepTime);

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
}

}  // namespace

void addBenchCommand(CLI::App& parent)
{
    auto options = std::make_shared<Options>();
    auto* command =
        parent.add_subcommand("bench", "Measure the engine on this machine (learning step, paths, similarity)");
    command->add_option("--model", options->model, "Zoo model to time")->capture_default_str();
    command->add_option("--repeats", options->repeats, "Timed repetitions (medians are reported)")
        ->capture_default_str();
    command->add_option("--concepts", options->concepts, "Concepts per learning step")->capture_default_str();
    command->add_option("--batch", options->batch, "Images per concept per step")->capture_default_str();
    addZooOption(*command, options->zoo);
    command->callback([options] { bench(*options); });
}

}  // namespace nad::cli
