#include "ProjectReport.h"

#include "DatasetReport.h"
#include "TextTable.h"
#include "store/ProjectStore.h"

namespace nad::cli {

void ProjectReport::print(std::ostream& out, const ProjectStore& store)
{
    const ProjectInfo info = store.info();
    out << "Project:  " << info.path << " (schema v" << info.schemaVersion << ", created " << info.createdAt << " by "
        << info.createdWith << ")\n";
    out << "Contents: " << info.datasets.size() << " data set(s), " << info.conceptCount << " concept(s), "
        << info.modelCount << " model(s), " << info.runCount << " run(s), " << info.pathCount << " learned path(s), "
        << info.exportCount << " export(s)\n";
    for (const DatasetRecord& dataset : info.datasets) {
        out << "\nData set '" << dataset.name << "': " << dataset.path << " (" << dataset.kind << ", " << dataset.width
            << "x" << dataset.height << "x" << dataset.channels << ", " << dataset.trainCount << " train / "
            << dataset.testCount << " test images)\n";
        const auto concepts = store.concepts(dataset.id);
        out << concepts.size() << " concepts:\n";
        TextTable table({"#", "concept", "primary", "train", "test"});
        const std::size_t shown =
            concepts.size() > DatasetReport::kTableClasses ? DatasetReport::kShownClasses : concepts.size();
        for (std::size_t k = 0; k < shown; ++k) {
            const ConceptRecord& concept = concepts[k];
            table.addRow({std::to_string(concept.classIndex), concept.name,
                          concept.primary.empty() ? "-" : concept.primary, std::to_string(concept.trainCount),
                          std::to_string(concept.testCount)});
        }
        if (shown < concepts.size())
            table.addRow({"", "… " + std::to_string(concepts.size() - shown) + " more", "", "", ""});
        table.print(out);
        if (shown < concepts.size())
            out << "(every concept: nad project info " << info.path << " --json)\n";
    }
}

nlohmann::ordered_json ProjectReport::toJson(const ProjectStore& store)
{
    const ProjectInfo info = store.info();
    nlohmann::ordered_json json;
    json["path"] = info.path;
    json["schema_version"] = info.schemaVersion;
    json["created_with"] = info.createdWith;
    json["created_at"] = info.createdAt;
    json["models"] = info.modelCount;
    json["runs"] = info.runCount;
    json["paths"] = info.pathCount;
    json["exports"] = info.exportCount;
    json["datasets"] = nlohmann::ordered_json::array();
    for (const DatasetRecord& dataset : info.datasets) {
        nlohmann::ordered_json d = {{"name", dataset.name},        {"kind", dataset.kind},
                                    {"path", dataset.path},        {"channels", dataset.channels},
                                    {"height", dataset.height},    {"width", dataset.width},
                                    {"train", dataset.trainCount}, {"test", dataset.testCount}};
        d["concepts"] = nlohmann::ordered_json::array();
        for (const ConceptRecord& concept : store.concepts(dataset.id))
            d["concepts"].push_back({{"index", concept.classIndex},
                                     {"name", concept.name},
                                     {"primary", concept.primary},
                                     {"train", concept.trainCount},
                                     {"test", concept.testCount}});
        json["datasets"].push_back(std::move(d));
    }
    return json;
}

}  // namespace nad::cli
