#pragma once

#include "data/ImageSet.h"
#include "data/ImageSource.h"

#include <cstdint>
#include <string>
#include <vector>

namespace nad {

// A composite image (paper Fig. 1 and 5): rows × cols tiles, each one image of a concept, so
// the activation maps of one forward pass can be compared against where each concept is.
// Tiles keep their full resolution (a 2×2 composite of 28×28 images is 56×56): the built-in
// networks end in global average pooling and accept any size, and shrinking Fashion-MNIST
// tiles to 14×14 would show the network something it never saw. Networks that need their
// training size get the composite resized (`resizedTo`).
struct CompositeImage
{
    ImageSet image;  // exactly one image, label -1
    int rows = 1;
    int cols = 1;
    std::vector<std::int64_t> tileConcepts;  // class index per tile, row-major
    std::vector<std::string> tileSources;    // "test image 123" or the file a tile came from

    int tileCount() const { return rows * cols; }
    // The first tile holding `concept`, or -1.
    int tileOf(std::int64_t concept) const;
    // Whether pixel (y, x) of the composite (or of a map of the same size) lies in `tile`.
    bool insideTile(int tile, int y, int x) const;
    // Share of a pixel mask's set pixels that lie inside `tile` (the hit rate of Fig. 5's
    // activation maps): `mask` is row-major at the composite's size, e.g. an activation map's
    // ActivationMap::topPercentMask. 0 for an empty mask; throws for another size or tile.
    double hitRate(const std::vector<std::uint8_t>& mask, int tile) const;
    // The composite scaled to height × width (bilinear); tiles scale with it.
    CompositeImage resizedTo(int height, int width) const;
};

// Builds composites from held-out images or from user image files.
class CompositeBuilder
{
public:
    // One image of each of `concepts` (row-major, rows × cols of them) from `heldOut`, chosen
    // with `seed` (the same images for the same seed on every machine). Only the chosen images
    // are read, so a held-out folder of any size works; one that cannot be read is an error.
    static CompositeImage fromHeldOut(const ImageSource& heldOut, const std::vector<std::int64_t>& concepts, int rows,
                                      int cols, std::uint64_t seed);
    // `tiles` holds one image per tile (row-major); its labels are the tiles' concepts.
    static CompositeImage fromTiles(const ImageSet& tiles, int rows, int cols,
                                    const std::vector<std::string>& sources = {});
    // Reads image files (JPEG, PNG, BMP) as tiles of channels × height × width: each file is
    // resized to the tile size and converted to the channel count.
    static CompositeImage fromFiles(const std::vector<std::string>& files, const std::vector<std::int64_t>& concepts,
                                    int rows, int cols, int channels, int height, int width);
    // `count` composites for batch statistics: each draws rows × cols distinct concepts from
    // `pool` and one held-out image of each, all from `seed` (read together, once).
    static std::vector<CompositeImage> random(const ImageSource& heldOut, const std::vector<std::int64_t>& pool,
                                              int rows, int cols, int count, std::uint64_t seed);
    // Parses a layout such as "2x2" or "1x2" (rows x cols, 1..8 each).
    static std::pair<int, int> parseLayout(const std::string& layout);
};

}  // namespace nad
