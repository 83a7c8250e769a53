#include "nad/WindowAveragedPaths.h"

namespace nad {

WindowAveragedPaths::WindowAveragedPaths(std::size_t concepts) : m_count(concepts, 0), m_readout(concepts) {}

void WindowAveragedPaths::add(const std::vector<torch::Tensor>& maskLogits)
{
    torch::NoGradGuard noGrad;
    if (m_sum.empty()) {
        for (const auto& s : maskLogits)
            m_sum.push_back(torch::zeros_like(s.detach()));
    }
    for (std::size_t i = 0; i < maskLogits.size(); ++i)
        m_sum[i].add_(maskLogits[i].detach());
    for (auto& n : m_count)
        ++n;
}

void WindowAveragedPaths::close(std::size_t concept)
{
    torch::NoGradGuard noGrad;
    if (m_count[concept] == 0)
        return;  // nothing added since the last close: the read-out stands
    std::vector<torch::Tensor> mean;
    for (auto& sum : m_sum) {
        const torch::Tensor row = sum[std::int64_t(concept)];
        mean.push_back((row / double(m_count[concept])).to(torch::kCPU).clone());
        row.zero_();
    }
    m_readout[concept] = std::move(mean);
    m_count[concept] = 0;
}

}  // namespace nad
