#include "store/UnitStatisticsStore.h"

#include "Errors.h"
#include "store/ProjectStore.h"
#include "store/SqliteDatabase.h"
#include "store/SqliteStatement.h"

#include <nlohmann/json.hpp>

namespace nad {

std::string UnitStatisticsStore::toJson(const BlockUnitStatistics& s)
{
    nlohmann::json json;
    json["block"] = s.block;
    json["block_name"] = s.blockName;
    json["units"] = s.units;
    json["images"] = s.images;
    json["classes"] = s.classes;
    json["class_means"] = s.classMeans;
    json["top_count"] = s.topCount;
    json["top_images"] = s.topImages;
    json["top_responses"] = s.topResponses;
    return json.dump();
}

BlockUnitStatistics UnitStatisticsStore::fromJson(const std::string& text)
{
    BlockUnitStatistics s;
    try {
        const nlohmann::json json = nlohmann::json::parse(text);
        s.block = json.at("block").get<std::size_t>();
        s.blockName = json.at("block_name").get<std::string>();
        s.units = json.at("units").get<std::size_t>();
        s.images = json.at("images").get<std::size_t>();
        s.classes = json.at("classes").get<std::vector<std::int64_t>>();
        s.classMeans = json.at("class_means").get<std::vector<float>>();
        s.topCount = json.at("top_count").get<std::size_t>();
        s.topImages = json.at("top_images").get<std::vector<std::int64_t>>();
        s.topResponses = json.at("top_responses").get<std::vector<float>>();
    } catch (const nlohmann::json::exception& e) {
        throw InvalidArgument(std::string("cached unit statistics cannot be read: ") + e.what());
    }
    s.check();
    return s;
}

std::optional<BlockUnitStatistics> UnitStatisticsStore::load(std::int64_t runId, std::size_t block,
                                                             std::size_t topCount) const
{
    auto query = m_project.database().prepare(
        "SELECT data FROM unit_statistics WHERE run_id = ? AND block_index = ? AND top_count >= ?");
    query.bind(1, runId).bind(2, std::int64_t(block)).bind(3, std::int64_t(topCount));
    if (!query.step())
        return std::nullopt;
    try {
        return fromJson(query.columnText(0));
    } catch (const InvalidArgument&) {
        return std::nullopt;  // a damaged cache entry is measured again, not an error
    }
}

void UnitStatisticsStore::save(std::int64_t runId, const BlockUnitStatistics& statistics)
{
    statistics.check();
    auto insert = m_project.database().prepare(
        "INSERT OR REPLACE INTO unit_statistics(run_id, block_index, top_count, data) VALUES (?,?,?,?)");
    insert.bind(1, runId)
        .bind(2, std::int64_t(statistics.block))
        .bind(3, std::int64_t(statistics.topCount))
        .bind(4, toJson(statistics))
        .run();
}

}  // namespace nad
