#pragma once

// Test helper: a 2-block network whose every value can be computed by hand, shared by the
// learner's and the run loop's suites.
#include "nad/PathObjective.h"
#include "nn/BlockNetwork.h"

#include <torch/torch.h>

#include <cmath>

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

// σ(s0) = [0.5, 0.75], σ(s1) = [0.5]; one concept row.
inline std::vector<torch::Tensor> toyMasks()
{
    return {torch::tensor({{0.0f, std::log(3.0f)}}).set_requires_grad(true),
            torch::tensor({{0.0f}}).set_requires_grad(true)};
}

// The concept image x = [3, 4] of class 0, owned by concept row 0.
inline nad::LossBatch toyConceptBatch()
{
    nad::LossBatch batch;
    batch.images = torch::tensor({3.0f, 4.0f}).view({1, 2, 1, 1});
    batch.owner = torch::tensor({0}, torch::kInt64);
    batch.labels = torch::tensor({0}, torch::kInt64);
    return batch;
}

}  // namespace nadtest
