#include "jobs/RunCheckpoints.h"

namespace nad {

RunCheckpoints::RunCheckpoints(std::vector<StoredPath> stored)
{
    for (auto& p : stored)
        m_stored[{p.classIndex, p.initialization}] = std::move(p);
}

std::vector<int> RunCheckpoints::pending(const std::vector<int>& classes, int initialization) const
{
    std::vector<int> todo;
    for (int cls : classes) {
        auto it = m_stored.find({cls, initialization});
        if (it == m_stored.end() || !it->second.final)
            todo.push_back(cls);
    }
    return todo;
}

std::optional<LearnerResume> RunCheckpoints::resumePoint(const std::vector<int>& classes, int initialization) const
{
    LearnerResume resume;
    for (int cls : classes) {
        auto it = m_stored.find({cls, initialization});
        if (it == m_stored.end() || it->second.step <= 0 || (resume.step && it->second.step != resume.step))
            return std::nullopt;
        resume.step = it->second.step;
        std::vector<torch::Tensor> logits;
        for (const auto& block : it->second.logits)
            logits.push_back(torch::tensor(block));
        resume.logits.push_back(std::move(logits));
    }
    if (resume.step == 0)
        return std::nullopt;
    return resume;
}

}  // namespace nad
