#include "BuildInfo.h"

#include "nad/Version.h"
#include "nn/ComputeDevice.h"

#include <nlohmann/json.hpp>
#include <opencv2/core/version.hpp>
#include <sqlite3.h>
#include <zlib.h>

namespace nad {

std::string BuildInfo::version()
{
    return kVersion;
}

std::vector<std::pair<std::string, std::string>> BuildInfo::libraryVersions()
{
    return {
        {"LibTorch", ComputeDevice::libtorchVersion()},
        {"OpenCV", CV_VERSION},
        {"SQLite", sqlite3_libversion()},
        {"zlib", zlibVersion()},
        {"nlohmann-json", std::to_string(NLOHMANN_JSON_VERSION_MAJOR) + "." +
                              std::to_string(NLOHMANN_JSON_VERSION_MINOR) + "." +
                              std::to_string(NLOHMANN_JSON_VERSION_PATCH)},
    };
}

}  // namespace nad
