#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <ostream>

namespace nad {
struct DatasetSummary;
}

namespace nad::cli {

// How the CLI shows a data set: a table per class for people, JSON for scripts.
class DatasetReport
{
public:
    static void print(std::ostream& out, const DatasetSummary& summary);
    static nlohmann::ordered_json toJson(const DatasetSummary& summary);
    // Past kTableClasses classes (ImageNet has 1,000) a table shows the first kShownClasses and
    // a summary; `--json` lists every class. The project report follows the same rule.
    static constexpr std::size_t kTableClasses = 40;
    static constexpr std::size_t kShownClasses = 20;
};

}  // namespace nad::cli
