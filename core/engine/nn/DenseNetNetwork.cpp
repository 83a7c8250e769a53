#include "nn/DenseNetNetwork.h"

#include "nn/ConvLayers.h"

namespace nad {
DenseNetNetwork::DenseNetNetwork(const NetworkConfig& config)
{
    const std::int64_t growth = config.width;
    std::int64_t channels = 2 * growth;
    if (config.inputSize >= 64)
        m_stem = torch::nn::Sequential(convolution(config.inputChannels, channels, 7, 2),
                                       FastFrozenBatchNorm2d(channels), torch::nn::ReLU(),
                                       torch::nn::MaxPool2d(torch::nn::MaxPool2dOptions(3).stride(2).padding(1)));
    else
        m_stem = torch::nn::Sequential(convolution(config.inputChannels, channels, 3, 2),
                                       FastFrozenBatchNorm2d(channels), torch::nn::ReLU());
    register_module("stem", m_stem);
    m_blocks.push_back({"stem", channels});

    const int layersPerBlock[] = {6, 12, 24, 16};
    for (int d = 0; d < 4; ++d) {
        std::vector<torch::nn::Sequential> layers;
        for (int l = 0; l < layersPerBlock[d]; ++l) {
            const std::string name = "denseblock" + std::to_string(d + 1) + "_layer" + std::to_string(l + 1);
            layers.push_back(register_module(
                name, torch::nn::Sequential(FastFrozenBatchNorm2d(channels), torch::nn::ReLU(),
                                            convolution(channels, 4 * growth, 1), FastFrozenBatchNorm2d(4 * growth),
                                            torch::nn::ReLU(), convolution(4 * growth, growth, 3))));
            channels += growth;
        }
        m_stages.push_back(std::move(layers));
        m_blocks.push_back({"denseblock" + std::to_string(d + 1), channels});
        if (d < 3) {
            const std::int64_t out = channels / 2;
            m_stages.push_back({register_module(
                "transition" + std::to_string(d + 1),
                torch::nn::Sequential(FastFrozenBatchNorm2d(channels), torch::nn::ReLU(), convolution(channels, out, 1),
                                      torch::nn::AvgPool2d(torch::nn::AvgPool2dOptions(2).stride(2))))});
            channels = out;
            m_blocks.push_back({"transition" + std::to_string(d + 1), channels});
        }
    }
    m_finalNorm = register_module("final_norm", FastFrozenBatchNorm2d(channels));
    m_classifier = register_module("classifier", torch::nn::Linear(channels, config.classes));
}

torch::Tensor DenseNetNetwork::runBlock(std::size_t index, const torch::Tensor& input,
                                        const std::vector<torch::Tensor>& history)
{
    if (index == 0)
        return m_stem->forward(input);
    auto& stage = m_stages[index - 1];
    torch::Tensor x = history.back();
    const bool isTransition = m_blocks[index].name.rfind("transition", 0) == 0;
    if (isTransition)
        return stage.front()->forward(x);
    const bool isLast = index + 1 == m_blocks.size();
    // Dense block: every layer sees the concatenation of all earlier feature maps. Collect the
    // new maps and concatenate once per layer input (what DenseNet's memory-efficient form does).
    std::vector<torch::Tensor> features{x};
    for (auto& layer : stage)
        features.push_back(layer->forward(torch::cat(features, 1)));
    const torch::Tensor output = torch::cat(features, 1);
    // The last mask sits after the final batch norm and ReLU (the authors' densenet121.py:
    // norm5, relu5, mask5), so a unit switched off there sends nothing to the classifier.
    return isLast ? torch::relu(m_finalNorm->forward(output)) : output;
}

torch::Tensor DenseNetNetwork::runClassifier(const torch::Tensor& lastBlockOutput)
{
    return m_classifier->forward(lastBlockOutput.mean({2, 3}));
}

}  // namespace nad
