#pragma once

#include "nn/BlockNetwork.h"
#include "nn/FastFrozenBatchNorm2d.h"
#include "nn/NetworkConfig.h"

namespace nad {

// DenseNet121's layout: dense blocks of [6, 12, 24, 16] bottleneck layers (BN-ReLU-1x1 conv to
// 4k, BN-ReLU-3x3 conv to k, concatenated) with growth rate k = width (DenseNet121 has k = 32),
// and transitions (BN-ReLU-1x1 conv halving the channels, 2x2 average pool). Masks sit after
// the stem, every dense block and every transition, as in the authors' code: 8 blocks; the last
// dense block ends with the final batch norm + ReLU (its mask after them, as the authors' mask5).
// The classifier is global average pooling and a linear layer. The
// stem is DenseNet's 7x7/2 conv + max pool for inputs of 64 px and more, else a 3x3/2 conv.
class DenseNetNetwork : public torch::nn::Module, public BlockNetwork
{
public:
    explicit DenseNetNetwork(const NetworkConfig& config);
    std::string family() const override { return "densenet"; }
    torch::nn::Module& module() override { return *this; }

protected:
    torch::Tensor runBlock(std::size_t index, const torch::Tensor& input,
                           const std::vector<torch::Tensor>& history) override;
    torch::Tensor runClassifier(const torch::Tensor& lastBlockOutput) override;

private:
    torch::nn::Sequential m_stem{nullptr};
    // Per block after the stem: the dense layers of a dense block, or one transition.
    std::vector<std::vector<torch::nn::Sequential>> m_stages;
    FastFrozenBatchNorm2d m_finalNorm{nullptr};
    torch::nn::Linear m_classifier{nullptr};
};

}  // namespace nad
