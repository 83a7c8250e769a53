#pragma once

#include "nn/FastFrozenBatchNorm2d.h"

#include <torch/torch.h>

#include <vector>

namespace nad {

// One cell of the published DARTS-V2 genotype (Liu et al., 2019): two inputs (the outputs of the
// two previous cells) are preprocessed to C channels, four nodes each sum two operations on
// earlier states, and the cell outputs the concatenation of the four nodes (4C channels).
// A reduction cell halves the spatial size.
class DartsCellImpl : public torch::nn::Module
{
public:
    DartsCellImpl(std::int64_t previousPreviousChannels, std::int64_t previousChannels, std::int64_t channels,
                  bool reduction, bool previousWasReduction);
    torch::Tensor forward(const torch::Tensor& s0, const torch::Tensor& s1);
    std::int64_t outputChannels() const { return 4 * m_channels; }

private:
    std::int64_t m_channels;
    torch::nn::Sequential m_preprocess0{nullptr};
    torch::nn::Sequential m_preprocess1{nullptr};
    std::vector<torch::nn::Sequential> m_ops;  // null = identity (skip_connect)
    std::vector<int> m_inputs;
};
TORCH_MODULE(DartsCell);

// DARTS's FactorizedReduce: halves the size with two 1x1/2 convs, one shifted by a pixel,
// concatenated. Odd sizes are padded so both halves agree.
class FactorizedReduceImpl : public torch::nn::Module
{
public:
    FactorizedReduceImpl(std::int64_t in, std::int64_t out);
    torch::Tensor forward(const torch::Tensor& x);

private:
    torch::nn::Conv2d m_conv1{nullptr};
    torch::nn::Conv2d m_conv2{nullptr};
    FastFrozenBatchNorm2d m_norm{nullptr};
};
TORCH_MODULE(FactorizedReduce);

}  // namespace nad
