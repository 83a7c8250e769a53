#pragma once

#include "nn/FastFrozenBatchNorm2d.h"

#include <torch/torch.h>

namespace nad {

// A bias-free convolution (every family follows it with batch norm), "same" padding by default.
inline torch::nn::Conv2d convolution(std::int64_t in, std::int64_t out, std::int64_t kernel, std::int64_t stride = 1,
                                     std::int64_t padding = -1, std::int64_t dilation = 1, std::int64_t groups = 1)
{
    return torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, kernel)
                                 .stride(stride)
                                 .padding(padding < 0 ? kernel / 2 : padding)
                                 .dilation(dilation)
                                 .groups(groups)
                                 .bias(false));
}

}  // namespace nad
