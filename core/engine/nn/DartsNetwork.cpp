#include "nn/DartsNetwork.h"

#include "Errors.h"
#include "nn/ConvLayers.h"

namespace nad {
DartsNetwork::DartsNetwork(const NetworkConfig& config)
{
    const std::int64_t depth = config.depth > 0 ? config.depth : kDefaultDepth;
    if (depth < 3)
        throw InvalidArgument("a DARTS network needs at least 3 cells, got " + std::to_string(depth));
    const std::int64_t c = config.width;
    std::int64_t stemChannels = 0;
    if (config.inputSize >= 64) {
        m_stems.push_back(torch::nn::Sequential(convolution(config.inputChannels, c / 2, 3, 2),
                                                FastFrozenBatchNorm2d(c / 2), torch::nn::ReLU(),
                                                convolution(c / 2, c, 3, 2), FastFrozenBatchNorm2d(c)));
        m_stems.push_back(torch::nn::Sequential(torch::nn::ReLU(), convolution(c, c, 3, 2), FastFrozenBatchNorm2d(c)));
        stemChannels = c;
    } else {
        stemChannels = 3 * c;
        m_stems.push_back(torch::nn::Sequential(convolution(config.inputChannels, stemChannels, 3, 2),
                                                FastFrozenBatchNorm2d(stemChannels)));
    }
    for (std::size_t s = 0; s < m_stems.size(); ++s) {
        const std::string name = m_stems.size() == 1 ? "stem" : "stem" + std::to_string(s);
        register_module(name, m_stems[s]);
        m_blocks.push_back({name, stemChannels});
    }

    std::int64_t previousPrevious = stemChannels, previous = stemChannels, current = c;
    bool previousWasReduction = m_stems.size() == 2;  // the ImageNet stem1 halves the size
    for (std::int64_t i = 0; i < depth; ++i) {
        const bool reduction = i == depth / 3 || i == 2 * depth / 3;
        if (reduction)
            current *= 2;
        DartsCell cell(previousPrevious, previous, current, reduction, previousWasReduction);
        m_cells.push_back(register_module("cell" + std::to_string(i), cell));
        m_blocks.push_back({"cell" + std::to_string(i) + (reduction ? " (reduction)" : ""), cell->outputChannels()});
        previousWasReduction = reduction;
        previousPrevious = previous;
        previous = cell->outputChannels();
    }
    m_classifier = register_module("classifier", torch::nn::Linear(previous, config.classes));
}

torch::Tensor DartsNetwork::runBlock(std::size_t index, const torch::Tensor& input,
                                     const std::vector<torch::Tensor>& history)
{
    if (index < m_stems.size())
        return m_stems[index]->forward(index == 0 ? input : history.back());
    const torch::Tensor& s1 = history.back();
    const torch::Tensor& s0 = history.size() >= 2 ? history[history.size() - 2] : s1;
    return m_cells[index - m_stems.size()]->forward(s0, s1);
}

torch::Tensor DartsNetwork::runClassifier(const torch::Tensor& lastBlockOutput)
{
    return m_classifier->forward(lastBlockOutput.mean({2, 3}));
}

}  // namespace nad
