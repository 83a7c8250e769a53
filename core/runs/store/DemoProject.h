#pragma once

#include <string>

namespace nad {

// The built-in default: a project on Debian's Fashion-MNIST with the built-in hierarchy.
// Shared by `nad demo` and nad-studio's "Open demo", so both start from the same file.
class DemoProject
{
public:
    static constexpr const char* kDatasetName = "fashion-mnist";

    // Opens the demo project at `projectPath`, creating it (and recording the data set found
    // in `datasetDirectory`) when it does not exist. Returns true when it was created.
    static bool ensure(const std::string& projectPath, const std::string& datasetDirectory);
};

}  // namespace nad
