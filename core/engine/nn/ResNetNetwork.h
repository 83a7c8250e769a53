#pragma once

#include "nn/BlockNetwork.h"
#include "nn/NetworkConfig.h"

namespace nad {

// ResNet50's layout: a stem and bottleneck blocks in four stages [3, 4, 6, 3] with inner
// widths w·[1, 2, 4, 8] and expansion 4 (ResNet50 has w = 64). Masks sit after the stem and
// after every bottleneck's residual add + ReLU, as in the authors' code: 17 blocks. The stem is
// ResNet50's 7x7/2 conv + 3x3/2 max pool for inputs of 64 px and more; for small inputs such
// as Fashion-MNIST a 3x3/2 conv, so the stages run at 14, 7, 4 and 2 px.
class ResNetNetwork : public torch::nn::Module, public BlockNetwork
{
public:
    explicit ResNetNetwork(const NetworkConfig& config);
    std::string family() const override { return "resnet"; }
    torch::nn::Module& module() override { return *this; }

protected:
    torch::Tensor runBlock(std::size_t index, const torch::Tensor& input,
                           const std::vector<torch::Tensor>& history) override;
    torch::Tensor runClassifier(const torch::Tensor& lastBlockOutput) override;

private:
    struct Bottleneck
    {
        torch::nn::Sequential residual{nullptr};
        torch::nn::Sequential shortcut{nullptr};  // null: identity
    };
    torch::nn::Sequential m_stem{nullptr};
    std::vector<Bottleneck> m_bottlenecks;
    torch::nn::Linear m_classifier{nullptr};
};

}  // namespace nad
