#pragma once

// Test helper: a 2-block network whose every value can be computed by hand, shared by the
// learner's and the run loop's suites.
#include "nn/BlockNetwork.h"

#include <torch/torch.h>

namespace nadtest {

//   f0(x) = x (2 channels), f1(h) = h0 + h1 (1 channel), f2(h) = [h, −h] (2 logits).
class ToyNetwork : public torch::nn::Module, public nad::BlockNetwork
{
public:
    ToyNetwork() { m_blocks = {{"identity", 2}, {"sum", 1}}; }
    std::string family() const override { return "toy"; }
    torch::nn::Module& module() override { return *this; }

protected:
    torch::Tensor runBlock(std::size_t index, const torch::Tensor& input,
                           const std::vector<torch::Tensor>& history) override
    {
        return index == 0 ? input : history.back().sum(1, true);
    }
    torch::Tensor runClassifier(const torch::Tensor& last) override
    {
        return torch::cat({last.flatten(1), -last.flatten(1)}, 1);
    }
};

}  // namespace nadtest
