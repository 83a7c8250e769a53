#include "nn/DartsCell.h"

#include "nn/ConvLayers.h"

#include <string>

namespace nad {
namespace {

enum class Op { SepConv3, DilConv3, MaxPool3, Skip };
struct Edge
{
    Op op;
    int input;
};

// DARTS-V2, as published with the paper's code (genotypes.py, "DARTS_V2"): two edges per node.
const Edge kNormal[8] = {{Op::SepConv3, 0}, {Op::SepConv3, 1}, {Op::SepConv3, 0}, {Op::SepConv3, 1},
                         {Op::SepConv3, 1}, {Op::Skip, 0},     {Op::Skip, 0},     {Op::DilConv3, 2}};
const Edge kReduce[8] = {{Op::MaxPool3, 0}, {Op::MaxPool3, 1}, {Op::Skip, 2}, {Op::MaxPool3, 1},
                         {Op::MaxPool3, 0}, {Op::Skip, 2},     {Op::Skip, 2}, {Op::MaxPool3, 1}};

torch::nn::Sequential reluConvBn(std::int64_t in, std::int64_t out)
{
    return torch::nn::Sequential(torch::nn::ReLU(), convolution(in, out, 1, 1, 0), FastFrozenBatchNorm2d(out));
}

torch::nn::Sequential sepConv3(std::int64_t c, std::int64_t stride)
{
    return torch::nn::Sequential(torch::nn::ReLU(), convolution(c, c, 3, stride, 1, 1, c), convolution(c, c, 1, 1, 0),
                                 FastFrozenBatchNorm2d(c), torch::nn::ReLU(), convolution(c, c, 3, 1, 1, 1, c),
                                 convolution(c, c, 1, 1, 0), FastFrozenBatchNorm2d(c));
}

torch::nn::Sequential dilConv3(std::int64_t c, std::int64_t stride)
{
    return torch::nn::Sequential(torch::nn::ReLU(), convolution(c, c, 3, stride, 2, 2, c), convolution(c, c, 1, 1, 0),
                                 FastFrozenBatchNorm2d(c));
}

}  // namespace

FactorizedReduceImpl::FactorizedReduceImpl(std::int64_t in, std::int64_t out)
{
    m_conv1 = register_module("conv1", convolution(in, out / 2, 1, 2, 0));
    m_conv2 = register_module("conv2", convolution(in, out - out / 2, 1, 2, 0));
    m_norm = register_module("norm", FastFrozenBatchNorm2d(out));
}

torch::Tensor FactorizedReduceImpl::forward(const torch::Tensor& input)
{
    const torch::Tensor x = torch::relu(input);
    // Shift by one pixel; pad right/bottom so odd sizes give the same output size as conv1.
    const torch::Tensor shifted = torch::constant_pad_nd(x, {0, 1, 0, 1}).slice(2, 1).slice(3, 1);
    return m_norm->forward(torch::cat({m_conv1->forward(x), m_conv2->forward(shifted)}, 1));
}

DartsCellImpl::DartsCellImpl(std::int64_t previousPreviousChannels, std::int64_t previousChannels,
                             std::int64_t channels, bool reduction, bool previousWasReduction)
    : m_channels(channels)
{
    m_preprocess0 =
        register_module("preprocess0", previousWasReduction
                                           ? torch::nn::Sequential(FactorizedReduce(previousPreviousChannels, channels))
                                           : reluConvBn(previousPreviousChannels, channels));
    m_preprocess1 = register_module("preprocess1", reluConvBn(previousChannels, channels));

    const Edge* edges = reduction ? kReduce : kNormal;
    for (int e = 0; e < 8; ++e) {
        const std::int64_t stride = (reduction && edges[e].input < 2) ? 2 : 1;
        const std::string name = "op" + std::to_string(e);
        m_inputs.push_back(edges[e].input);
        switch (edges[e].op) {
        case Op::SepConv3:
            m_ops.emplace_back(register_module(name, sepConv3(channels, stride)));
            break;
        case Op::DilConv3:
            m_ops.emplace_back(register_module(name, dilConv3(channels, stride)));
            break;
        case Op::MaxPool3:
            m_ops.emplace_back(register_module(name, torch::nn::Sequential(torch::nn::MaxPool2d(
                                                         torch::nn::MaxPool2dOptions(3).stride(stride).padding(1)))));
            break;
        case Op::Skip:
            if (stride == 1)
                m_ops.emplace_back(nullptr);  // identity
            else
                m_ops.emplace_back(register_module(name, torch::nn::Sequential(FactorizedReduce(channels, channels))));
            break;
        }
    }
}

torch::Tensor DartsCellImpl::forward(const torch::Tensor& s0, const torch::Tensor& s1)
{
    std::vector<torch::Tensor> states{m_preprocess0->forward(s0), m_preprocess1->forward(s1)};
    for (int node = 0; node < 4; ++node) {
        torch::Tensor sum;
        for (int k = 0; k < 2; ++k) {
            const int e = 2 * node + k;
            const torch::Tensor& in = states[std::size_t(m_inputs[std::size_t(e)])];
            auto& op = m_ops[std::size_t(e)];
            torch::Tensor out = op ? op->forward(in) : in;
            sum = sum.defined() ? sum + out : out;
        }
        states.push_back(sum);
    }
    return torch::cat({states[2], states[3], states[4], states[5]}, 1);
}

}  // namespace nad
