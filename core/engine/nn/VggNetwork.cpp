#include "nn/VggNetwork.h"

#include "nn/ConvLayers.h"

namespace nad {

VggNetwork::VggNetwork(const NetworkConfig& config)
{
    const std::int64_t stageBlocks[] = {2, 2, 3, 3, 3};
    const std::int64_t stageWidth[] = {1, 2, 4, 8, 8};
    std::int64_t channels = config.inputChannels;
    std::int64_t size = config.inputSize;
    int block = 0;
    for (int stage = 0; stage < 5; ++stage) {
        // The previous stage's last block pools when this stage starts on a smaller map.
        if (stage > 0 && size >= 6) {
            m_poolAfter.back() = true;
            size /= 2;
        }
        for (std::int64_t k = 0; k < stageBlocks[stage]; ++k) {
            const std::int64_t out = config.width * stageWidth[stage];
            torch::nn::Sequential conv(convolution(channels, out, 3), FastFrozenBatchNorm2d(out), torch::nn::ReLU());
            m_convs.push_back(register_module("conv" + std::to_string(block), conv));
            m_poolAfter.push_back(false);
            m_blocks.push_back({"conv" + std::to_string(stage + 1) + "_" + std::to_string(k + 1), out});
            channels = out;
            ++block;
        }
    }
    m_classifier = register_module("classifier", torch::nn::Linear(channels, config.classes));
}

torch::Tensor VggNetwork::runBlock(std::size_t index, const torch::Tensor& input,
                                   const std::vector<torch::Tensor>& history)
{
    const torch::Tensor output = m_convs[index]->forward(index == 0 ? input : history.back());
    return m_poolAfter[index] ? torch::max_pool2d(output, 2) : output;
}

torch::Tensor VggNetwork::runClassifier(const torch::Tensor& lastBlockOutput)
{
    return m_classifier->forward(lastBlockOutput.mean({2, 3}));
}

}  // namespace nad
