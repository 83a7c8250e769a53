#pragma once

#include "nn/BlockNetwork.h"
#include "nn/DartsCell.h"
#include "nn/NetworkConfig.h"

namespace nad {

// A DARTS network of DARTS-V2 cells: a stem, then `depth` cells with reduction cells at 1/3
// and 2/3 of the depth, C = width channels per node (4C per cell output, doubled at each
// reduction). A mask after the stem and after every cell, as in the authors' code; each cell
// reads the masked outputs of the two blocks before it. Inputs of 64 px and more get the
// ImageNet stems (two stride-2 stems, each a block); smaller ones a 3x3/2 conv stem.
class DartsNetwork : public torch::nn::Module, public BlockNetwork
{
public:
    static constexpr std::int64_t kDefaultDepth = 6;

    explicit DartsNetwork(const NetworkConfig& config);
    std::string family() const override { return "darts"; }
    torch::nn::Module& module() override { return *this; }

protected:
    torch::Tensor runBlock(std::size_t index, const torch::Tensor& input,
                           const std::vector<torch::Tensor>& history) override;
    torch::Tensor runClassifier(const torch::Tensor& lastBlockOutput) override;

private:
    std::vector<torch::nn::Sequential> m_stems;
    std::vector<DartsCell> m_cells;
    torch::nn::Linear m_classifier{nullptr};
};

}  // namespace nad
