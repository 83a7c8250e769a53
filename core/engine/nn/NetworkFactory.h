#pragma once

#include "nn/BlockNetwork.h"
#include "nn/NetworkConfig.h"

#include <memory>
#include <string>
#include <vector>

namespace nad {

// Builds the built-in families by name: "vgg", "resnet", "densenet", "darts".
class NetworkFactory
{
public:
    static const std::vector<std::string>& families();
    // Throws InvalidArgument for an unknown family or a config out of range.
    static std::shared_ptr<BlockNetwork> create(const std::string& family, const NetworkConfig& config);
    // The width each family's zoo model uses (small enough to train on 2 CPU cores in minutes).
    static std::int64_t defaultWidth(const std::string& family);
};

}  // namespace nad
