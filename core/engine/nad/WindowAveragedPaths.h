#pragma once

#include <torch/torch.h>

#include <cstddef>
#include <vector>

namespace nad {

// Polyak–Ruppert averaging of the soft mask logits over each convergence window
// (LearnerOptions::averagedPaths). Under Eq. 8's normalized update every block's logits move by α
// at every step, so a unit whose gradient changes sign from batch to batch never settles: it
// circles its optimum and, near the threshold, its bit flips for ever. The mean of the logits over
// a window sits at the centre of that circling, so its binary path settles where the last
// iterate's does not. Windows are per concept: closing one makes its mean the concept's read-out.
class WindowAveragedPaths
{
public:
    explicit WindowAveragedPaths(std::size_t concepts);

    // The logits after a step (per block, one row per concept); every concept's row is added.
    void add(const std::vector<torch::Tensor>& maskLogits);
    // Ends concept `concept`'s window: its read-out becomes the mean of the logits added since the
    // window opened (CPU, per block), and a new window opens.
    void close(std::size_t concept);

    bool hasReadout(std::size_t concept) const { return !m_readout[concept].empty(); }
    const std::vector<torch::Tensor>& readout(std::size_t concept) const { return m_readout[concept]; }

private:
    std::vector<torch::Tensor> m_sum;  // per block [concepts, C_i]
    std::vector<int> m_count;
    std::vector<std::vector<torch::Tensor>> m_readout;
};

}  // namespace nad
