#pragma once

#include <cstdint>
#include <string>

namespace nad {

// What a built-in family needs to build a network: the width (channels of the first stage;
// the paper's networks use 64) and the input it sees.
struct NetworkConfig
{
    std::int64_t width = 16;
    std::int64_t inputChannels = 1;
    std::int64_t inputSize = 28;  // square inputs; blocks are fully convolutional, so larger
                                  // composites run too
    std::int64_t classes = 10;
    std::int64_t depth = 0;  // DARTS: number of cells (0 = family default); others ignore it
};

}  // namespace nad
