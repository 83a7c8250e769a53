#include "DatasetReport.h"

#include "TextTable.h"
#include "data/DatasetInspector.h"

namespace nad::cli {

void DatasetReport::print(std::ostream& out, const DatasetSummary& summary)
{
    out << "Data set: " << summary.path << " (" << (summary.kind == "idx" ? "IDX" : "ImageFolder") << ")\n";
    out << "Images:   " << summary.sizeNote << '\n';
    out << "Classes:  " << summary.classNames.size() << '\n';
    std::vector<std::string> header = {"#", "class"};
    for (const auto& split : summary.splits)
        header.push_back(split.name);
    header.push_back("primary concept");
    TextTable table(header);
    for (std::size_t c = 0; c < summary.classNames.size(); ++c) {
        std::vector<std::string> row = {std::to_string(c), summary.classNames[c]};
        for (const auto& split : summary.splits)
            row.push_back(std::to_string(c < split.perClass.size() ? split.perClass[c] : 0));
        const std::string primary = summary.hierarchy.primaryOf(summary.classNames[c]);
        row.push_back(primary.empty() ? "-" : primary);
        table.addRow(std::move(row));
    }
    std::vector<std::string> total = {"", "total"};
    for (const auto& split : summary.splits)
        total.push_back(std::to_string(split.total));
    total.push_back("");
    table.addRow(std::move(total));
    out << '\n';
    table.print(out);
    out << '\n';
    if (summary.hierarchy.empty()) {
        out << "Hierarchy: none (give one with --hierarchy FILE or put hierarchy.json in the data set folder)\n";
        return;
    }
    out << "Hierarchy (" << summary.hierarchySource << "):\n";
    for (const auto& group : summary.hierarchy.groups()) {
        out << "  " << group.primary << ":";
        for (std::size_t i = 0; i < group.members.size(); ++i)
            out << (i ? ", " : " ") << group.members[i];
        out << '\n';
    }
    const auto ungrouped = summary.hierarchy.ungrouped(summary.classNames);
    if (!ungrouped.empty()) {
        out << "  (ungrouped):";
        for (std::size_t i = 0; i < ungrouped.size(); ++i)
            out << (i ? ", " : " ") << ungrouped[i];
        out << '\n';
    }
}

nlohmann::ordered_json DatasetReport::toJson(const DatasetSummary& summary)
{
    nlohmann::ordered_json json;
    json["path"] = summary.path;
    json["kind"] = summary.kind;
    json["classes"] = summary.classNames;
    json["image"] = {{"channels", summary.channels},
                     {"height", summary.height},
                     {"width", summary.width},
                     {"note", summary.sizeNote}};
    json["splits"] = nlohmann::ordered_json::array();
    for (const auto& split : summary.splits)
        json["splits"].push_back({{"name", split.name},
                                  {"location", split.location},
                                  {"total", split.total},
                                  {"per_class", split.perClass}});
    json["hierarchy"] = nlohmann::ordered_json::object();
    for (const auto& group : summary.hierarchy.groups())
        json["hierarchy"][group.primary] = group.members;
    json["hierarchy_source"] = summary.hierarchySource;
    return json;
}

}  // namespace nad::cli
