#include "jobs/RunPlan.h"

#include "Errors.h"

#include <algorithm>

namespace nad {
namespace {

std::vector<int> classesByName(const std::vector<ConceptRecord>& concepts, const std::vector<std::string>& requested)
{
    std::vector<int> classes;
    if (requested.empty()) {
        for (const auto& c : concepts)
            classes.push_back(c.classIndex);
        return classes;
    }
    for (const auto& name : requested) {
        auto it =
            std::find_if(concepts.begin(), concepts.end(), [&](const ConceptRecord& c) { return c.name == name; });
        if (it == concepts.end()) {
            std::string known;
            for (const auto& c : concepts)
                known += (known.empty() ? "" : ", ") + c.name;
            throw InvalidArgument("unknown concept '" + name + "' (the data set has: " + known + ")");
        }
        classes.push_back(it->classIndex);
    }
    return classes;
}

}  // namespace

RunPlan RunPlan::make(const std::vector<ConceptRecord>& concepts, const std::vector<std::string>& requested,
                      const ShardSpec& shard, int conceptsPerPass, int initializations)
{
    if (conceptsPerPass < 1)
        throw InvalidArgument("concepts per pass must be at least 1");
    RunPlan plan;
    plan.conceptsPerPass = conceptsPerPass;
    plan.initializations = initializations;
    plan.classes = classesByName(concepts, requested);
    // A shard learns its share only; a share with nothing in it is refused before a run exists.
    if (shard.active()) {
        const std::size_t requestedCount = ShardSpec{}.select(plan.classes).size();  // distinct concepts
        plan.classes = shard.select(plan.classes);
        if (plan.classes.empty())
            throw InvalidArgument("shard " + shard.text() + " has no concepts: only " + std::to_string(requestedCount) +
                                  " concept(s) were requested, so use at most " + std::to_string(requestedCount) +
                                  " shards");
    }
    for (int cls : plan.classes)
        for (const auto& c : concepts)
            if (c.classIndex == cls)
                plan.conceptNames.push_back(c.name);
    return plan;
}

int RunPlan::passes() const
{
    return int((classes.size() + std::size_t(conceptsPerPass) - 1) / std::size_t(conceptsPerPass));
}

std::vector<int> RunPlan::passClasses(int pass) const
{
    const std::size_t begin = std::size_t(pass) * std::size_t(conceptsPerPass);
    const std::size_t end = std::min(classes.size(), begin + std::size_t(conceptsPerPass));
    if (begin >= end)
        return {};
    return {classes.begin() + std::ptrdiff_t(begin), classes.begin() + std::ptrdiff_t(end)};
}

}  // namespace nad
