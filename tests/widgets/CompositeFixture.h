#pragma once

#include "analysis/CompositeImage.h"

namespace nadtest {

// A 2 × 2 composite of 10 × 10 grey tiles (0, 60, 120, 180), concepts 0..3 row-major.
inline nad::CompositeImage composite2x2()
{
    nad::ImageSet tiles;
    tiles.channels = 1;
    tiles.height = 10;
    tiles.width = 10;
    for (int t = 0; t < 4; ++t) {
        tiles.pixels.insert(tiles.pixels.end(), 100, std::uint8_t(60 * t));
        tiles.labels.push_back(t);
    }
    return nad::CompositeBuilder::fromTiles(tiles, 2, 2);
}

}  // namespace nadtest
