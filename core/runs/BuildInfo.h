#pragma once

#include <string>
#include <utility>
#include <vector>

namespace nad {

// Versions of the engine and the libraries it was built with, for `nad --version` and the
// About box (a bug report should say which OpenCV and SQLite produced a result).
class BuildInfo
{
public:
    static std::string version();
    static std::vector<std::pair<std::string, std::string>> libraryVersions();
};

}  // namespace nad
