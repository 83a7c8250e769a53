#include "nn/ResNetNetwork.h"

#include "nn/ConvLayers.h"

namespace nad {
ResNetNetwork::ResNetNetwork(const NetworkConfig& config)
{
    const std::int64_t stem = config.width;
    if (config.inputSize >= 64) {
        m_stem = torch::nn::Sequential(convolution(config.inputChannels, stem, 7, 2), FastFrozenBatchNorm2d(stem),
                                       torch::nn::ReLU(),
                                       torch::nn::MaxPool2d(torch::nn::MaxPool2dOptions(3).stride(2).padding(1)));
    } else {
        m_stem = torch::nn::Sequential(convolution(config.inputChannels, stem, 3, 2), FastFrozenBatchNorm2d(stem),
                                       torch::nn::ReLU());
    }
    register_module("stem", m_stem);
    m_blocks.push_back({"stem", stem});

    const int stageBlocks[] = {3, 4, 6, 3};
    std::int64_t channels = stem;
    for (int stage = 0; stage < 4; ++stage) {
        const std::int64_t inner = config.width << stage;
        const std::int64_t out = inner * 4;
        for (int k = 0; k < stageBlocks[stage]; ++k) {
            const std::int64_t stride = (k == 0 && stage > 0) ? 2 : 1;
            const std::string name = "layer" + std::to_string(stage + 1) + "." + std::to_string(k);
            const std::string moduleName = "layer" + std::to_string(stage + 1) + "_" + std::to_string(k);
            Bottleneck b;
            b.residual = register_module(
                moduleName + "_residual",
                torch::nn::Sequential(convolution(channels, inner, 1), FastFrozenBatchNorm2d(inner), torch::nn::ReLU(),
                                      convolution(inner, inner, 3, stride), FastFrozenBatchNorm2d(inner),
                                      torch::nn::ReLU(), convolution(inner, out, 1), FastFrozenBatchNorm2d(out)));
            if (stride != 1 || channels != out)
                b.shortcut = register_module(
                    moduleName + "_shortcut",
                    torch::nn::Sequential(convolution(channels, out, 1, stride), FastFrozenBatchNorm2d(out)));
            m_bottlenecks.push_back(b);
            m_blocks.push_back({name, out});
            channels = out;
        }
    }
    m_classifier = register_module("classifier", torch::nn::Linear(channels, config.classes));
}

torch::Tensor ResNetNetwork::runBlock(std::size_t index, const torch::Tensor& input,
                                      const std::vector<torch::Tensor>& history)
{
    if (index == 0)
        return m_stem->forward(input);
    Bottleneck& b = m_bottlenecks[index - 1];
    const torch::Tensor& x = history.back();
    torch::Tensor identity = b.shortcut ? b.shortcut->forward(x) : x;
    return torch::relu(b.residual->forward(x) + identity);
}

torch::Tensor ResNetNetwork::runClassifier(const torch::Tensor& lastBlockOutput)
{
    return m_classifier->forward(lastBlockOutput.mean({2, 3}));
}

}  // namespace nad
