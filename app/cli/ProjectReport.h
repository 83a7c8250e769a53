#pragma once

#include <nlohmann/json.hpp>

#include <ostream>

namespace nad {
class ProjectStore;
}

namespace nad::cli {

// How the CLI shows a project: its data sets, concepts (by primary concept), models and runs.
class ProjectReport
{
public:
    static void print(std::ostream& out, const ProjectStore& store);
    static nlohmann::ordered_json toJson(const ProjectStore& store);
};

}  // namespace nad::cli
