#pragma once

#include <string>
#include <vector>

namespace nad {

// A two-level concept hierarchy: each primary concept groups secondary concepts (class names).
// Used to colour dendrogram leaves and to score clustering against human grouping (Fig. 7).
struct ConceptGroup
{
    std::string primary;
    std::vector<std::string> members;
};

class ConceptHierarchy
{
public:
    ConceptHierarchy() = default;

    // Validates `groups` against the data set's class names: every member must be a known
    // class, no class may appear twice, no primary name twice, no group may be empty.
    // `source` names the file (or "built-in") in error messages.
    ConceptHierarchy(std::vector<ConceptGroup> groups, const std::vector<std::string>& classNames,
                     const std::string& source = "hierarchy");

    // Reads a JSON object mapping each primary concept to an array of class names, in file
    // order: {"tops": ["T-shirt/top", "Pullover"], "footwear": ["Sandal"]}.
    static ConceptHierarchy fromJsonFile(const std::string& path, const std::vector<std::string>& classNames);
    static ConceptHierarchy fromJsonText(const std::string& text, const std::vector<std::string>& classNames,
                                         const std::string& source);
    std::string toJsonText() const;

    const std::vector<ConceptGroup>& groups() const { return m_groups; }
    bool empty() const { return m_groups.empty(); }
    // Primary concept of a class name, or "" when the class is in no group.
    std::string primaryOf(const std::string& className) const;
    // Index into groups() per class index, -1 for classes in no group.
    std::vector<int> groupIndexPerClass(const std::vector<std::string>& classNames) const;
    // Class names that belong to no group (allowed; they show as "ungrouped").
    std::vector<std::string> ungrouped(const std::vector<std::string>& classNames) const;

private:
    std::vector<ConceptGroup> m_groups;
};

}  // namespace nad
