#pragma once

#include "nn/BlockNetwork.h"
#include "nn/NetworkConfig.h"

namespace nad {

// VGG16's layout: 13 conv3x3 blocks in five stages [2, 2, 3, 3, 3] with widths w·[1, 2, 4, 8, 8]
// (the paper's VGG16 has w = 64). A block is conv + batch norm + ReLU. A 2x2 max pool closes each
// stage whose next stage starts on a map still at least 6 pixels wide (four pools at 224 px, three
// at 28 px, so the last blocks keep a spatial map to look at); the pool belongs to the stage's last
// block, so that block's mask sits after the pool, as in the authors' models/imagenet/vgg16.py
// (cfg 'D': conv, ReLU, 'M', then 'msk'). Every other mask sits after its ReLU. The classifier
// is global average pooling and one linear layer.
class VggNetwork : public torch::nn::Module, public BlockNetwork
{
public:
    explicit VggNetwork(const NetworkConfig& config);
    std::string family() const override { return "vgg"; }
    torch::nn::Module& module() override { return *this; }

protected:
    torch::Tensor runBlock(std::size_t index, const torch::Tensor& input,
                           const std::vector<torch::Tensor>& history) override;
    torch::Tensor runClassifier(const torch::Tensor& lastBlockOutput) override;

private:
    std::vector<torch::nn::Sequential> m_convs;
    std::vector<bool> m_poolAfter;
    torch::nn::Linear m_classifier{nullptr};
};

}  // namespace nad
