#pragma once

#include <nlohmann/json.hpp>

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
};

}  // namespace nad::cli
