#include "ScaleBench.h"

#include "Errors.h"
#include "analysis/PathEvaluator.h"
#include "data/ImageFolderReader.h"
#include "nad/EngineTiming.h"
#include "nn/ComputeDevice.h"
#include "nn/ImageBatch.h"
#include "nn/ImportSpecFile.h"
#include "nn/TorchScriptNetwork.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

namespace nad::cli {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// The first `count` files of the folder, spread over its classes in turn.
ImageFolderScan firstFiles(const std::string& root, std::size_t count)
{
    ImageFolderScan scan = ImageFolderReader::scan(root);
    std::vector<std::vector<std::string>> kept(scan.files.size());
    std::size_t taken = 0;
    for (std::size_t k = 0; taken < count; ++k) {
        bool any = false;
        for (std::size_t c = 0; c < scan.files.size() && taken < count; ++c)
            if (k < scan.files[c].size()) {
                kept[c].push_back(scan.files[c][k]);
                ++taken;
                any = true;
            }
        if (!any)
            break;
    }
    scan.files = std::move(kept);
    return scan;
}

// Decoding throughput on `threads` threads, images per second.
double decodeRate(const ImageFolderScan& files, const ImageTransform& transform, int threads, ImageSet* decoded)
{
    ImageFolderOptions options;
    options.transform = transform;
    options.threads = threads;
    const auto start = Clock::now();
    ImageSet set = ImageFolderReader::load(files, options);
    const double rate = double(set.count()) / secondsSince(start);
    if (decoded)
        *decoded = std::move(set);
    return rate;
}

// `concepts` concepts of `batch` images each, cycled from the decoded set, as 8-bit pixels.
std::vector<ConceptImages> conceptsFrom(const ImageSet& set, const Normalization& normalization, int concepts,
                                        int batch, const torch::Device& device)
{
    std::vector<ConceptImages> out;
    for (int c = 0; c < concepts; ++c) {
        std::vector<std::size_t> indices;
        for (int k = 0; k < batch; ++k)
            indices.push_back(std::size_t(c * batch + k) % set.count());
        out.push_back(ConceptImages::ofPixels(c, ImageBatch::pixels(set, indices).to(device), normalization));
    }
    return out;
}

// Images per second of a masked no-grad forward (half the units of every block on).
double evaluationRate(BlockNetwork& network, const ConceptImages& images, int repeats)
{
    torch::NoGradGuard noGrad;
    BlockMasks masks;
    for (const auto& block : network.blocks())
        masks.push_back((torch::arange(block.channels) % 2).to(torch::kFloat).to(network.device()));
    const torch::Tensor batch = images.range(0, images.count(), network.device());
    network.forward(batch, masks);
    EngineTiming::synchronize(network.device());
    const auto start = Clock::now();
    for (int r = 0; r < repeats; ++r)
        network.forward(batch, masks);
    EngineTiming::synchronize(network.device());
    return double(images.count() * repeats) / secondsSince(start);
}

}  // namespace

void ScaleBench::run(const ScaleBenchOptions& o)
{
    ComputeDevice::configureProcess();
    const torch::Device device = ComputeDevice::choose();
    ImportSpec spec = o.spec.empty() ? ImportSpecFile::preset(o.preset) : ImportSpecFile::fromJsonFile(o.spec);
    if (o.inputSize > 0)
        spec.inputSize = o.inputSize;
    TorchScriptNetwork network(o.modelFile, spec);
    network.freeze();
    network.to(device);
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    const int threads = ImageFolderReader::decodingThreads(o.threads);
    std::printf("nad bench — %s, LibTorch %s, %d cores\nModel %s (%s, %zu blocks, input %d px)\n",
                ComputeDevice::describe(device).c_str(), ComputeDevice::libtorchVersion().c_str(), cores,
                o.modelFile.c_str(), o.spec.empty() ? ("preset " + o.preset).c_str() : o.spec.c_str(),
                network.blockCount(), int(spec.inputSize));

    // 1. Decoding.
    const ImageTransform transform =
        ImageTransform::forModelInput(int(spec.inputChannels), int(spec.inputSize), !spec.preset.empty());
    const ImageFolderScan files = firstFiles(o.images, std::size_t(o.decodeImages));
    ImageSet decoded;
    decodeRate(files, transform, threads, nullptr);  // untimed: the files into the page cache first
    const double one = decodeRate(files, transform, 1, nullptr);
    const double all = decodeRate(files, transform, threads, &decoded);
    std::printf("\nDecoding %zu images (%s):\n  1 thread     %8.1f img/s\n  %2d threads   %8.1f img/s  (%.1f img/s "
                "per thread)\n",
                decoded.count(), transform.describe().c_str(), one, threads, all, all / threads);

    // 2. Learning.
    const auto concepts = conceptsFrom(decoded, spec.normalization, o.concepts, o.batch, device);
    LearnerOptions learner;
    learner.batchSize = o.batch;
    learner.originalsCacheMiB = 0;
    const StepTiming timing = EngineTiming::measure(network, concepts, learner, o.steps, 3);
    const double stepRate = timing.imagesPerStep / timing.stepSeconds;
    const double limit = timing.imagesPerStep / timing.forwardsSeconds;
    std::printf("\nLearning (%d concepts x %d images, no cache):\n  step         %8.1f ms  %8.1f image-steps/s\n"
                "  3 forwards   %8.1f ms  %8.1f image-steps/s (the limit)\n  fraction of the limit %.2f\n",
                o.concepts, o.batch, 1000 * timing.stepSeconds, stepRate, 1000 * timing.forwardsSeconds, limit,
                timing.forwardsSeconds / timing.stepSeconds);
    std::printf("  decoding on %d threads feeds %.1f image-steps/s of new images: %.1fx the learning rate\n", threads,
                all, all / stepRate);

    // 3. Evaluation.
    const double evaluation = evaluationRate(network, concepts.front(), 3);
    std::printf("\nEvaluation (masked forward, batch %d): %.1f img/s\n", o.batch, evaluation);
}

}  // namespace nad::cli
