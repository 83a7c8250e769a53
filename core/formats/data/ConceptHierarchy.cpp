#include "data/ConceptHierarchy.h"

#include "Errors.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace nad {

ConceptHierarchy::ConceptHierarchy(std::vector<ConceptGroup> groups, const std::vector<std::string>& classNames,
                                   const std::string& source)
{
    const std::set<std::string> known(classNames.begin(), classNames.end());
    std::set<std::string> primaries;
    for (const ConceptGroup& group : groups) {
        if (group.primary.empty())
            throw DataError(source + ": a primary concept has an empty name");
        if (!primaries.insert(group.primary).second)
            throw DataError(source + ": primary concept '" + group.primary + "' appears twice");
    }
    std::set<std::string> seen;
    for (const ConceptGroup& group : groups) {
        if (group.members.empty())
            throw DataError(source + ": primary concept '" + group.primary + "' has no members");
        for (const std::string& member : group.members) {
            if (!known.count(member))
                throw DataError(source + ": '" + member + "' (under '" + group.primary +
                                "') is not a class of the data set");
            if (!seen.insert(member).second)
                throw DataError(source + ": class '" + member + "' is listed under more than one primary concept");
            if (primaries.count(member) && member != group.primary)
                throw DataError(source + ": '" + member +
                                "' is both a primary concept and a member (cyclic hierarchy)");
        }
    }
    m_groups = std::move(groups);
}

ConceptHierarchy ConceptHierarchy::fromJsonFile(const std::string& path, const std::vector<std::string>& classNames)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw DataError("hierarchy file '" + path + "' cannot be opened");
    std::ostringstream text;
    text << in.rdbuf();
    return fromJsonText(text.str(), classNames, "hierarchy file '" + path + "'");
}

ConceptHierarchy ConceptHierarchy::fromJsonText(const std::string& text, const std::vector<std::string>& classNames,
                                                const std::string& source)
{
    // JSON parsers silently keep the last of two equal keys; a hierarchy that names a primary
    // concept twice is a mistake the user should hear about, so watch the keys as they parse.
    std::set<std::string> topLevelKeys;
    std::string duplicateKey;
    const nlohmann::ordered_json::parser_callback_t watchKeys = [&](int depth, nlohmann::json::parse_event_t event,
                                                                    nlohmann::ordered_json& parsed) {
        if (event == nlohmann::json::parse_event_t::key && depth == 1 && parsed.is_string() &&
            !topLevelKeys.insert(parsed.get<std::string>()).second && duplicateKey.empty())
            duplicateKey = parsed.get<std::string>();
        return true;
    };
    nlohmann::ordered_json json;
    try {
        json = nlohmann::ordered_json::parse(text, watchKeys);
    } catch (const nlohmann::json::exception& e) {
        throw DataError(source + " is not valid JSON: " + e.what());
    }
    if (!duplicateKey.empty())
        throw DataError(source + ": primary concept '" + duplicateKey + "' appears twice");
    if (!json.is_object())
        throw DataError(source + " must be a JSON object mapping primary concepts to arrays of "
                                 "class names");
    std::vector<ConceptGroup> groups;
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!it.value().is_array())
            throw DataError(source + ": the value of '" + it.key() + "' must be an array of class names");
        ConceptGroup group{it.key(), {}};
        for (const auto& member : it.value()) {
            if (!member.is_string())
                throw DataError(source + ": '" + it.key() + "' lists a member that is not a string");
            group.members.push_back(member.get<std::string>());
        }
        groups.push_back(std::move(group));
    }
    return ConceptHierarchy(std::move(groups), classNames, source);
}

std::string ConceptHierarchy::toJsonText() const
{
    nlohmann::ordered_json json = nlohmann::ordered_json::object();
    for (const ConceptGroup& group : m_groups)
        json[group.primary] = group.members;
    return json.dump(2);
}

std::string ConceptHierarchy::primaryOf(const std::string& className) const
{
    for (const ConceptGroup& group : m_groups) {
        if (std::find(group.members.begin(), group.members.end(), className) != group.members.end())
            return group.primary;
    }
    return {};
}

std::vector<int> ConceptHierarchy::groupIndexPerClass(const std::vector<std::string>& classNames) const
{
    std::vector<int> result(classNames.size(), -1);
    for (std::size_t c = 0; c < classNames.size(); ++c) {
        for (std::size_t g = 0; g < m_groups.size(); ++g) {
            const auto& members = m_groups[g].members;
            if (std::find(members.begin(), members.end(), classNames[c]) != members.end())
                result[c] = int(g);
        }
    }
    return result;
}

std::vector<std::string> ConceptHierarchy::ungrouped(const std::vector<std::string>& classNames) const
{
    std::vector<std::string> result;
    for (const std::string& name : classNames) {
        if (primaryOf(name).empty())
            result.push_back(name);
    }
    return result;
}

}  // namespace nad
