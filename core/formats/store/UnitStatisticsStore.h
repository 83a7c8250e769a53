#pragma once

#include "analysis/UnitStatistics.h"

#include <cstdint>
#include <optional>

namespace nad {

class ProjectStore;

// The unit explorer's cache in the project file (schema v4, table unit_statistics): one
// BlockUnitStatistics per run and block, as JSON. Measuring a block takes a pass over the
// held-out split; reading it back takes milliseconds.
class UnitStatisticsStore
{
public:
    explicit UnitStatisticsStore(const ProjectStore& project) : m_project(project) {}

    // The cached statistics of `block`, if they hold at least `topCount` images per unit.
    std::optional<BlockUnitStatistics> load(std::int64_t runId, std::size_t block, std::size_t topCount) const;
    // Replaces the block's entry (the project must be open read-write).
    void save(std::int64_t runId, const BlockUnitStatistics& statistics);

    static std::string toJson(const BlockUnitStatistics& statistics);
    // Throws InvalidArgument for JSON that is not a consistent BlockUnitStatistics.
    static BlockUnitStatistics fromJson(const std::string& json);

private:
    const ProjectStore& m_project;
};

}  // namespace nad
