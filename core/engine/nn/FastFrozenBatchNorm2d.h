#pragma once

#include <torch/torch.h>

namespace nad {

// torch::nn::BatchNorm2d (momentum 0.1, ε 1e-5, affine, running statistics) whose gradient to
// the input, frozen (eval mode, parameters without gradients) on the CPU, is computed as the
// per-channel scale γ/√(σ²+ε) it then is. LibTorch's CPU kernel for an eval-mode batch norm's
// backward walks the tensor channel by channel, and a path's masked forward is backpropagated
// through every frozen norm: on densenet-w8 those backwards took a fifth of a learning step,
// where one multiplication does. The forward stays batch norm's own kernel (the same outputs
// to the bit); training and other devices (cuDNN's norm is fast) run batch norm itself. It
// registers batch norm's parameters and buffers under the same names, so saved weights load
// either way. (A subclass of BatchNorm2dImpl does not link: LibTorch does not export the
// base's printer.)
class FastFrozenBatchNorm2dImpl : public torch::nn::Cloneable<FastFrozenBatchNorm2dImpl>
{
public:
    explicit FastFrozenBatchNorm2dImpl(std::int64_t channels);
    void reset() override;
    torch::Tensor forward(const torch::Tensor& input);
    void pretty_print(std::ostream& stream) const override;

    torch::Tensor weight, bias, running_mean, running_var, num_batches_tracked;

private:
    std::int64_t m_channels;
};
TORCH_MODULE(FastFrozenBatchNorm2d);

}  // namespace nad
