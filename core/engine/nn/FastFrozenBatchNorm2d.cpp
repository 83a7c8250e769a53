#include "nn/FastFrozenBatchNorm2d.h"

namespace nad {
namespace {
constexpr double kMomentum = 0.1;  // torch::nn::BatchNorm2d's defaults
constexpr double kEpsilon = 1e-5;

// A frozen batch norm: forward by batch norm's own inference kernel (fast, and bit-identical to
// torch::nn::BatchNorm2d), backward to the input as the one multiplication it is.
struct FrozenBatchNorm : torch::autograd::Function<FrozenBatchNorm>
{
    static torch::Tensor forward(torch::autograd::AutogradContext* context, const torch::Tensor& input,
                                 const torch::Tensor& weight, const torch::Tensor& bias,
                                 const torch::Tensor& runningMean, const torch::Tensor& runningVar)
    {
        context->saved_data["scale"] = (weight * torch::rsqrt(runningVar + kEpsilon)).view({1, weight.size(0), 1, 1});
        return torch::batch_norm(input, weight, bias, runningMean, runningVar, false, kMomentum, kEpsilon, false);
    }
    static torch::autograd::tensor_list backward(torch::autograd::AutogradContext* context,
                                                 torch::autograd::tensor_list gradients)
    {
        const torch::Tensor scale = context->saved_data["scale"].toTensor();
        return {gradients[0] * scale, torch::Tensor(), torch::Tensor(), torch::Tensor(), torch::Tensor()};
    }
};

}  // namespace

FastFrozenBatchNorm2dImpl::FastFrozenBatchNorm2dImpl(std::int64_t channels) : m_channels(channels)
{
    reset();
}

void FastFrozenBatchNorm2dImpl::reset()
{
    weight = register_parameter("weight", torch::ones({m_channels}));
    bias = register_parameter("bias", torch::zeros({m_channels}));
    running_mean = register_buffer("running_mean", torch::zeros({m_channels}));
    running_var = register_buffer("running_var", torch::ones({m_channels}));
    num_batches_tracked = register_buffer("num_batches_tracked", torch::tensor(0, torch::kLong));
}

torch::Tensor FastFrozenBatchNorm2dImpl::forward(const torch::Tensor& input)
{
    TORCH_CHECK(input.dim() == 4, "expected a 4-D input to batch norm, got ", input.dim(), "-D");
    if (is_training())
        num_batches_tracked += 1;
    const bool frozen = !is_training() && !weight.requires_grad() && !bias.requires_grad();
    if (frozen && input.device().is_cpu() && input.requires_grad() && torch::GradMode::is_enabled())
        return FrozenBatchNorm::apply(input, weight, bias, running_mean, running_var);
    return torch::nn::functional::detail::batch_norm(input, running_mean, running_var, weight, bias, is_training(),
                                                     kMomentum, kEpsilon);
}

void FastFrozenBatchNorm2dImpl::pretty_print(std::ostream& stream) const
{
    stream << "nad::FastFrozenBatchNorm2d(" << m_channels << ")";
}

}  // namespace nad
