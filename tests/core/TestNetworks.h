#pragma once

#include "nn/NetworkFactory.h"

#include <torch/torch.h>

#include <cstdint>
#include <memory>

namespace nadtest {

// A width-4 zoo VGG with seeded random weights, frozen: the smallest real network the engine's
// suites run paths, caches and activation maps on.
inline std::shared_ptr<nad::BlockNetwork> frozenTinyVgg(std::uint64_t seed)
{
    torch::manual_seed(seed);
    nad::NetworkConfig config;
    config.width = 4;
    auto network = nad::NetworkFactory::create("vgg", config);
    network->freeze();
    return network;
}

}  // namespace nadtest
