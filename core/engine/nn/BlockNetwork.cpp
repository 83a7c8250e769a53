#include "nn/BlockNetwork.h"

#include "Errors.h"

namespace nad {

std::vector<std::int64_t> BlockNetwork::channelCounts() const
{
    std::vector<std::int64_t> counts;
    for (const auto& block : m_blocks)
        counts.push_back(block.channels);
    return counts;
}

torch::Tensor BlockNetwork::applyMask(const torch::Tensor& output, const torch::Tensor& mask, const BlockSpec& block)
{
    if (!mask.defined())
        return output;
    const std::int64_t channels = output.size(1);
    if (mask.size(-1) != channels)
        throw InvalidArgument("mask for block '" + block.name + "' has " + std::to_string(mask.size(-1)) +
                              " channels, the block has " + std::to_string(channels));
    std::vector<std::int64_t> shape(std::size_t(output.dim()), 1);
    shape[1] = channels;
    if (mask.dim() == 2) {
        if (mask.size(0) != output.size(0))
            throw InvalidArgument("per-sample mask for block '" + block.name + "' has " + std::to_string(mask.size(0)) +
                                  " rows for a batch of " + std::to_string(output.size(0)));
        shape[0] = output.size(0);
    } else if (mask.dim() != 1) {
        throw InvalidArgument("mask for block '" + block.name + "' must be [C] or [B, C]");
    }
    return output * mask.to(output.dtype()).view(shape);
}

void BlockNetwork::checkMasks(const BlockMasks& masks) const
{
    if (!masks.empty() && masks.size() != m_blocks.size())
        throw InvalidArgument("got " + std::to_string(masks.size()) + " masks for " + std::to_string(m_blocks.size()) +
                              " blocks");
}

BlockForward BlockNetwork::forward(const torch::Tensor& input, const BlockMasks& masks, bool keepBlockOutputs)
{
    checkMasks(masks);
    std::vector<torch::Tensor> history;
    history.reserve(m_blocks.size());
    return run(input, 0, std::move(history), masks, keepBlockOutputs);
}

BlockForward BlockNetwork::forwardFrom(std::size_t first, std::vector<torch::Tensor> before, const BlockMasks& masks,
                                       bool keepBlockOutputs)
{
    checkMasks(masks);
    if (first == 0 || first > m_blocks.size() || before.size() != first)
        throw InvalidArgument("a forward from block " + std::to_string(first) + " needs the outputs of the " +
                              std::to_string(first) + " blocks before it, got " + std::to_string(before.size()));
    if (!before.back().defined())
        throw InvalidArgument("a forward from block " + std::to_string(first) + " needs the output of block " +
                              std::to_string(first - 1));
    return run(torch::Tensor(), first, std::move(before), masks, keepBlockOutputs);
}

std::vector<torch::Tensor> BlockNetwork::outputsBefore(const torch::Tensor& input, std::size_t first)
{
    if (first == 0 || first > m_blocks.size())
        throw InvalidArgument("no block outputs before block " + std::to_string(first) + " of " +
                              std::to_string(m_blocks.size()));
    std::vector<torch::Tensor> history;
    history.reserve(first);
    for (std::size_t i = 0; i < first; ++i) {
        history.push_back(runBlock(i, input, history));
        if (i >= kBlocksRead)
            history[i - kBlocksRead] = torch::Tensor();  // no later block reads it
    }
    return history;
}

BlockForward BlockNetwork::run(const torch::Tensor& input, std::size_t first, std::vector<torch::Tensor> history,
                               const BlockMasks& masks, bool keepBlockOutputs)
{
    for (std::size_t i = first; i < m_blocks.size(); ++i) {
        torch::Tensor output = runBlock(i, input, history);
        if (!masks.empty())
            output = applyMask(output, masks[i], m_blocks[i]);
        history.push_back(std::move(output));
    }
    BlockForward result;
    result.logits = runClassifier(history.back());
    if (keepBlockOutputs)
        result.blockOutputs = std::move(history);
    return result;
}

void BlockNetwork::freeze()
{
    setTrainable(false);
}

void BlockNetwork::setTrainable(bool trainable)
{
    module().train(trainable);
    for (auto& parameter : module().parameters())
        parameter.set_requires_grad(trainable);
}

bool BlockNetwork::isTraining()
{
    return module().is_training();
}

void BlockNetwork::to(const torch::Device& device)
{
    module().to(device);
}

std::vector<torch::Tensor> BlockNetwork::parameters()
{
    return module().parameters();
}

torch::Device BlockNetwork::device()
{
    const auto all = parameters();
    return all.empty() ? torch::Device(torch::kCPU) : all.front().device();
}

std::int64_t BlockNetwork::parameterCount()
{
    std::int64_t count = 0;
    for (const auto& parameter : parameters())
        count += parameter.numel();
    return count;
}

}  // namespace nad
