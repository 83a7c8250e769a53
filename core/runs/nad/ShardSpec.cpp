#include "nad/ShardSpec.h"

#include "Errors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace nad {
namespace {

bool parseCount(const std::string& text, int& value)
{
    if (text.empty() || text.size() > 6 ||
        !std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); }))
        return false;
    value = std::stoi(text);
    return true;
}

}  // namespace

ShardSpec ShardSpec::parse(const std::string& text)
{
    const auto slash = text.find('/');
    ShardSpec shard;
    if (slash == std::string::npos || !parseCount(text.substr(0, slash), shard.index) ||
        !parseCount(text.substr(slash + 1), shard.count) || shard.count < 1 || shard.index < 1 ||
        shard.index > shard.count)
        throw InvalidArgument("shard '" + text +
                              "' is not of the form i/N with 1 ≤ i ≤ N (1-based, e.g. 1/4 … 4/4, "
                              "as SLURM_ARRAY_TASK_ID with --array=1-N)");
    return shard;
}

std::string ShardSpec::text() const
{
    return std::to_string(index) + "/" + std::to_string(count);
}

std::vector<int> ShardSpec::select(std::vector<int> classes) const
{
    // Class order, not the order the user typed: the split must not depend on how the list was
    // written, and a concept named twice must not land in two shards.
    std::sort(classes.begin(), classes.end());
    classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
    if (!active())
        return classes;
    std::vector<int> mine;
    for (std::size_t k = std::size_t(index - 1); k < classes.size(); k += std::size_t(count))
        mine.push_back(classes[k]);
    return mine;
}

std::string ShardSpec::withoutShard(const std::string& hyperparametersJson)
{
    nlohmann::json parsed = nlohmann::json::parse(hyperparametersJson);
    if (parsed.is_object())
        parsed.erase(kHyperparameterKey);
    // nlohmann's objects are ordered by key, so this dump equals RunSettings::toJson's for the same
    // settings (it builds the same object).
    return parsed.dump();
}

}  // namespace nad
