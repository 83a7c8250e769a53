// nad-engine-check: the LibTorch-only engine on whatever device this LibTorch has, without
// data sets, Qt or a project (a GPU server with just PyTorch's C++ distribution builds it with
// NAD_ENGINE_ONLY=ON). Per family it measures the learning step's throughput on random-weight
// networks and random images (EngineTiming, the same measurement as `nad bench`), and on CUDA checks that a few
// learning steps give the same masks as on the CPU.
#include "nad/EngineTiming.h"
#include "nad/PathLearner.h"
#include "nn/ComputeDevice.h"
#include "nn/NetworkFactory.h"

#include <torch/torch.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace nad;

namespace {

std::shared_ptr<BlockNetwork> network(const std::string& family)
{
    torch::manual_seed(1);
    NetworkConfig config;
    config.width = NetworkFactory::defaultWidth(family);
    auto net = NetworkFactory::create(family, config);
    net->freeze();
    return net;
}

std::vector<ConceptImages> randomConcepts(int concepts, int images, const torch::Device& device)
{
    torch::manual_seed(2);
    std::vector<ConceptImages> out;
    for (int c = 0; c < concepts; ++c)
        out.push_back({c, torch::randn({images, 1, 28, 28}).to(device)});
    return out;
}

}  // namespace

int main(int argc, char** argv)
{
    const int concepts = argc > 1 ? std::atoi(argv[1]) : 10;
    const int steps = argc > 2 ? std::atoi(argv[2]) : 50;
    const int batch = argc > 3 ? std::atoi(argv[3]) : 16;
    ComputeDevice::configureProcess();
    const torch::Device device = ComputeDevice::choose();
    std::printf("nad-engine-check: LibTorch %s on %s; %d concepts x %d images per step, %d steps\n",
                ComputeDevice::libtorchVersion().c_str(), ComputeDevice::describe(device).c_str(), concepts, batch,
                steps);
    std::printf("%-9s %10s %12s %10s %14s %10s %s\n", "family", "step ms", "img/s", "cached ms", "3 fwd ms", "ratio",
                "CPU agreement");
    int failures = 0;
    for (const std::string family : {"vgg", "resnet", "densenet", "darts"}) {
        auto net = network(family);
        net->to(device);
        const auto images = randomConcepts(concepts, 4 * batch, device);
        LearnerOptions options;
        options.batchSize = batch;
        options.lambda = LearnerOptions::defaultLambda(family, LearnerPreset::Paper);
        const StepTiming timing = EngineTiming::measure(*net, images, options, steps, 3);
        const double stepMs = timing.stepSeconds * 1000.0;
        const double forwardMs = timing.forwardsSeconds * 1000.0;

        std::string agreement = "-";
        if (device.is_cuda()) {
            // The same few steps on the CPU: masks must agree up to float rounding.
            LearnerOptions few = options;
            few.steps = 5;
            few.convergenceWindow = 0;
            auto gpuPaths = PathLearner(*net, few).learn(images, 0);
            auto cpuNet = network(family);
            std::vector<ConceptImages> cpuImages;
            for (const auto& c : images)
                cpuImages.push_back(c.to(torch::kCPU));
            auto cpuPaths = PathLearner(*cpuNet, few).learn(cpuImages, 0);
            double maxDiff = 0;
            std::size_t same = 0, all = 0;
            for (std::size_t c = 0; c < gpuPaths.size(); ++c)
                for (std::size_t b = 0; b < gpuPaths[c].logits.size(); ++b) {
                    maxDiff =
                        std::max(maxDiff, (gpuPaths[c].logits[b] - cpuPaths[c].logits[b]).abs().max().item<double>());
                    for (std::size_t t = 0; t < gpuPaths[c].binary[b].size(); ++t) {
                        same += gpuPaths[c].binary[b][t] == cpuPaths[c].binary[b][t] ? 1 : 0;
                        ++all;
                    }
                }
            char text[96];
            std::snprintf(text, sizeof text, "max |Δs| %.2e, binary %.4f", maxDiff, double(same) / double(all));
            agreement = text;
            if (maxDiff > 1e-2 || double(same) / double(all) < 0.999)
                ++failures;
        }
        std::printf("%-9s %10.2f %12.0f %10.2f %14.2f %10.2f %s\n", family.c_str(), stepMs,
                    double(concepts * batch) / (stepMs / 1000.0), timing.cachedStepSeconds * 1000.0, forwardMs,
                    forwardMs / stepMs, agreement.c_str());
        std::fflush(stdout);
    }
    return failures == 0 ? 0 : 1;
}
