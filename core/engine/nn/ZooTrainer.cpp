#include "nn/ZooTrainer.h"

#include "Errors.h"
#include "nn/ImageBatch.h"

#include <ATen/CPUGeneratorImpl.h>

#include <chrono>
#include <cmath>
#include <numeric>

namespace nad {
namespace {

constexpr double kPi = 3.14159265358979323846;

// One-cycle schedule: linear warm-up from peak/10 to the peak, then cosine down to peak/1000.
double learningRate(const TrainingOptions& options, std::int64_t step, std::int64_t steps)
{
    const double peak = options.maxLearningRate;
    const auto warmup = std::int64_t(options.warmupFraction * double(steps));
    if (step < warmup)
        return peak * (0.1 + 0.9 * double(step) / double(std::max<std::int64_t>(1, warmup)));
    const double t = double(step - warmup) / double(std::max<std::int64_t>(1, steps - warmup));
    return peak / 1000.0 + (peak - peak / 1000.0) * 0.5 * (1.0 + std::cos(kPi * t));
}

}  // namespace

void TrainingOptions::validate() const
{
    if (epochs < 1 || epochs > 1000)
        throw InvalidArgument("epochs must be between 1 and 1000, got " + std::to_string(epochs));
    if (batchSize < 1 || batchSize > 65536)
        throw InvalidArgument("batch size must be between 1 and 65536, got " + std::to_string(batchSize));
    if (!(maxLearningRate > 0) || maxLearningRate > 10)
        throw InvalidArgument("learning rate must be in (0, 10], got " + std::to_string(maxLearningRate));
    if (!(weightDecay >= 0))
        throw InvalidArgument("weight decay must not be negative");
    if (!(warmupFraction >= 0 && warmupFraction < 1))
        throw InvalidArgument("warm-up fraction must be in [0, 1)");
}

TrainingResult ZooTrainer::train(BlockNetwork& network, const ImageSet& train, const ImageSet& test,
                                 const Normalization& normalization, const TrainingOptions& options,
                                 const ProgressCallback& progress, const std::atomic<bool>* cancel)
{
    options.validate();
    normalization.validate(train.channels);
    if (train.count() == 0)
        throw InvalidArgument("the training set is empty");
    // The data order and the flips come from a generator of its own, seeded as manual_seed
    // would seed the global one (so the same draws): models can train at once on two threads.
    at::Generator generator = at::detail::createCPUGenerator(options.seed);
    const torch::Device device = network.device();
    network.setTrainable(true);

    torch::optim::SGD optimizer(network.module().parameters(), torch::optim::SGDOptions(options.maxLearningRate)
                                                                   .momentum(0.9)
                                                                   .nesterov(true)
                                                                   .weight_decay(options.weightDecay));
    const auto batch = std::size_t(options.batchSize);
    const std::int64_t stepsPerEpoch = std::int64_t((train.count() + batch - 1) / batch);
    const std::int64_t steps = stepsPerEpoch * options.epochs;

    TrainingResult result;
    const auto start = std::chrono::steady_clock::now();
    std::int64_t step = 0;
    for (int epoch = 1; epoch <= options.epochs && !result.cancelled; ++epoch) {
        const torch::Tensor order = torch::randperm(std::int64_t(train.count()), generator, torch::kInt64);
        const auto* orderData = order.data_ptr<std::int64_t>();
        double lossSum = 0;
        std::int64_t lossCount = 0;
        for (std::size_t first = 0; first < train.count(); first += batch, ++step) {
            if (cancel && cancel->load()) {
                result.cancelled = true;
                break;
            }
            const std::size_t count = std::min(batch, train.count() - first);
            std::vector<std::size_t> indices(count);
            for (std::size_t k = 0; k < count; ++k)
                indices[k] = std::size_t(orderData[first + k]);
            torch::Tensor images = ImageBatch::images(train, indices, normalization, device);
            if (options.horizontalFlips) {
                const torch::Tensor flip =
                    (torch::rand({std::int64_t(count)}, generator) < 0.5).to(device).view({-1, 1, 1, 1});
                images = torch::where(flip, images.flip({3}), images);
            }
            const torch::Tensor labels = ImageBatch::labels(train, indices, device);

            for (auto& group : optimizer.param_groups())
                static_cast<torch::optim::SGDOptions&>(group.options()).lr(learningRate(options, step, steps));
            optimizer.zero_grad();
            const torch::Tensor loss = torch::nn::functional::cross_entropy(network.forward(images).logits, labels);
            loss.backward();
            optimizer.step();

            lossSum += loss.item<double>();
            ++lossCount;
            if (progress) {
                TrainingProgress p;
                p.epoch = epoch;
                p.epochs = options.epochs;
                p.step = step + 1;
                p.steps = steps;
                p.loss = lossSum / double(lossCount);
                p.elapsedSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                p.etaSeconds = p.elapsedSeconds / double(p.step) * double(steps - p.step);
                progress(p);
            }
        }
        if (!result.cancelled) {
            result.epochLosses.push_back(lossCount ? lossSum / double(lossCount) : 0.0);
            result.epochsCompleted = epoch;
        }
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    network.freeze();
    if (!result.cancelled && test.count() > 0)
        result.testAccuracy = accuracy(network, test, normalization);
    return result;
}

double ZooTrainer::accuracy(BlockNetwork& network, const ImageSet& set, const Normalization& normalization,
                            int batchSize)
{
    if (set.count() == 0)
        return 0;
    torch::NoGradGuard noGrad;
    const bool wasTraining = network.isTraining();
    if (wasTraining)
        network.setTrainable(false);
    const torch::Device device = network.device();
    std::int64_t correct = 0;
    for (std::size_t first = 0; first < set.count(); first += std::size_t(batchSize)) {
        const std::size_t count = std::min(std::size_t(batchSize), set.count() - first);
        const torch::Tensor predicted =
            network.forward(ImageBatch::range(set, first, count, normalization, device)).logits.argmax(1).cpu();
        const auto* p = predicted.data_ptr<std::int64_t>();
        for (std::size_t k = 0; k < count; ++k)
            correct += p[k] == set.labels[first + k] ? 1 : 0;
    }
    if (wasTraining)
        network.setTrainable(true);
    return double(correct) / double(set.count());
}

}  // namespace nad
