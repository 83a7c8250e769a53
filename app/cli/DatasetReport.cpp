#include "DatasetReport.h"

#include "TextTable.h"
#include "data/DatasetInspector.h"

#include <algorithm>

namespace nad::cli {

namespace {

// Past kTableClasses the table ends with how many images the classes have (least, median, most
// per split).
void printClassSpread(std::ostream& out, const DatasetSummary& summary)
{
    out << "Images per class:";
    for (const auto& split : summary.splits) {
        if (split.perClass.empty())
            continue;
        auto counts = split.perClass;
        std::sort(counts.begin(), counts.end());
        out << "  " << split.name << " " << counts.front() << " to " << counts.back() << " (median "
            << counts[counts.size() / 2] << ")";
    }
    out << "\n(every class: nad dataset inspect PATH --json)\n";
}

}  // namespace

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
    const std::size_t classes = summary.classNames.size();
    const std::size_t shown = classes > kTableClasses ? kShownClasses : classes;
    for (std::size_t c = 0; c < shown; ++c) {
        std::vector<std::string> row = {std::to_string(c), summary.classNames[c]};
        for (const auto& split : summary.splits)
            row.push_back(std::to_string(c < split.perClass.size() ? split.perClass[c] : 0));
        const std::string primary = summary.hierarchy.primaryOf(summary.classNames[c]);
        row.push_back(primary.empty() ? "-" : primary);
        table.addRow(std::move(row));
    }
    if (shown < classes) {
        std::vector<std::string> more = {"", "… " + std::to_string(classes - shown) + " more"};
        more.resize(header.size(), "");
        table.addRow(std::move(more));
    }
    std::vector<std::string> total = {"", "total"};
    for (const auto& split : summary.splits)
        total.push_back(std::to_string(split.total));
    total.push_back("");
    table.addRow(std::move(total));
    out << '\n';
    table.print(out);
    if (shown < classes)
        printClassSpread(out, summary);
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
