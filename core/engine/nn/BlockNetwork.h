#pragma once

#include <torch/torch.h>

#include <string>
#include <vector>

namespace nad {

// One block f_i of a network seen as a chain (paper §3.1, Eq. 1): its name and the number of
// channels of its output, where the concept path puts one on/off unit per channel.
struct BlockSpec
{
    std::string name;
    std::int64_t channels = 0;
};

// Per-block channel masks. An undefined tensor leaves that block unmasked. A mask of shape [C]
// applies to every sample; [B, C] gives each sample its own mask (several concepts learned in
// one batch). Values may be soft (sigmoid of the path logits) or binary; they multiply the block
// output channel-wise, broadcast over space (Eq. 2 and 5).
using BlockMasks = std::vector<torch::Tensor>;

struct BlockForward
{
    torch::Tensor logits;
    std::vector<torch::Tensor> blockOutputs;  // masked outputs, filled on request
};

// A CNN as blocks f_0..f_{n-1} and a classifier f_n with a mask slot at every block output.
// Implementations run one block given the masked outputs of the blocks before it (DARTS cells
// read the two previous cells; the others only the last one).
class BlockNetwork
{
public:
    virtual ~BlockNetwork() = default;

    virtual std::string family() const = 0;
    // The C++ module of a built-in family (what the zoo trains and saves). Imported TorchScript
    // models have none and throw.
    virtual torch::nn::Module& module() = 0;

    const std::vector<BlockSpec>& blocks() const { return m_blocks; }
    std::size_t blockCount() const { return m_blocks.size(); }
    std::vector<std::int64_t> channelCounts() const;

    // Eq. 5: m_0 = mask_0 ⊙ f_0(x), m_i = mask_i ⊙ f_i(m_{i-1}), logits = f_n(m_{n-1}).
    // `masks` is empty (no masks) or has one entry per block.
    BlockForward forward(const torch::Tensor& input, const BlockMasks& masks = {}, bool keepBlockOutputs = false);

    // The same from block `first` on, given `before`: the outputs of blocks 0..first-1 of which
    // only the last kBlocksRead are read (earlier entries may be undefined). Runs whose masks are
    // all ones in blocks before `first` share those blocks' outputs with the unmasked network,
    // so they can compute them once (the evaluation and the knockout test do). `masks` is empty
    // or has one entry per block; those before `first` are not applied.
    BlockForward forwardFrom(std::size_t first, std::vector<torch::Tensor> before, const BlockMasks& masks = {},
                             bool keepBlockOutputs = false);
    // How far back a block reads: DARTS cells take the two previous cells, the others one.
    static constexpr std::size_t kBlocksRead = 2;
    // The unmasked outputs of blocks 0..first-1 that a forward from `first` reads (the last
    // kBlocksRead; the earlier entries are undefined, freed as the blocks run).
    std::vector<torch::Tensor> outputsBefore(const torch::Tensor& input, std::size_t first);

    // Analysis mode: eval() (batch norm uses its running statistics) and every parameter
    // frozen, so gradients reach only the masks. Training the zoo uses setTrainable(true).
    void freeze();
    virtual void setTrainable(bool trainable);
    virtual bool isTraining();
    virtual void to(const torch::Device& device);
    virtual torch::Device device();
    virtual std::vector<torch::Tensor> parameters();
    std::int64_t parameterCount();

    // Multiplies `output` by `mask` per channel; checks the channel count.
    static torch::Tensor applyMask(const torch::Tensor& output, const torch::Tensor& mask, const BlockSpec& block);

protected:
    // f_i. `history` holds the masked outputs of blocks 0..index-1; an implementation reads at
    // most its last kBlocksRead entries (and `input` only for block 0).
    virtual torch::Tensor runBlock(std::size_t index, const torch::Tensor& input,
                                   const std::vector<torch::Tensor>& history) = 0;
    // f_n, from the masked output of the last block to the logits.
    virtual torch::Tensor runClassifier(const torch::Tensor& lastBlockOutput) = 0;

    std::vector<BlockSpec> m_blocks;

private:
    // Empty or one mask per block.
    void checkMasks(const BlockMasks& masks) const;
    // Blocks `first`.. on `history` (the outputs before `first`), then the classifier.
    BlockForward run(const torch::Tensor& input, std::size_t first, std::vector<torch::Tensor> history,
                     const BlockMasks& masks, bool keepBlockOutputs);
};

}  // namespace nad
