#include "analysis/CompositeImage.h"

#include "Errors.h"
#include "data/ImageFile.h"
#include "data/ImageFolderReader.h"
#include "data/ImageTransform.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <set>

namespace nad {
namespace {

void checkLayout(int rows, int cols)
{
    if (rows < 1 || cols < 1 || rows > 8 || cols > 8)
        throw InvalidArgument("a composite needs 1 to 8 rows and columns, got " + std::to_string(rows) + "x" +
                              std::to_string(cols));
}

// The held-out images a composite of `concepts` shows (one drawn per tile with `seed`), and
// how its tiles name them.
struct TilePicks
{
    std::vector<std::size_t> indices;
    std::vector<std::string> sources;
};

TilePicks pickTiles(const std::vector<std::int64_t>& labels, const std::vector<std::int64_t>& concepts, int rows,
                    int cols, std::uint64_t seed)
{
    checkLayout(rows, cols);
    if (concepts.size() != std::size_t(rows * cols))
        throw InvalidArgument("a " + std::to_string(rows) + "x" + std::to_string(cols) + " composite needs " +
                              std::to_string(rows * cols) + " concepts, got " + std::to_string(concepts.size()));
    TilePicks picks;
    for (std::size_t t = 0; t < concepts.size(); ++t) {
        std::vector<std::size_t> ofConcept;
        for (std::size_t i = 0; i < labels.size(); ++i)
            if (labels[i] == concepts[t])
                ofConcept.push_back(i);
        if (ofConcept.empty())
            throw InvalidArgument("the held-out images have no image of concept " + std::to_string(concepts[t]));
        // A different draw per tile, so a concept shown twice shows two images.
        const auto pick = ImageFolderReader::samplePermutation(ofConcept.size(), seed * 1000003ULL + t).front();
        picks.indices.push_back(ofConcept[pick]);
        picks.sources.push_back("test image " + std::to_string(ofConcept[pick]));
    }
    return picks;
}

}  // namespace

int CompositeImage::tileOf(std::int64_t concept) const
{
    const auto it = std::find(tileConcepts.begin(), tileConcepts.end(), concept);
    return it == tileConcepts.end() ? -1 : int(it - tileConcepts.begin());
}

bool CompositeImage::insideTile(int tile, int y, int x) const
{
    // Tile edges scale with the composite, so a resized composite keeps the same split.
    const int row = tile / cols;
    const int col = tile % cols;
    const int top = row * image.height / rows;
    const int bottom = (row + 1) * image.height / rows;
    const int left = col * image.width / cols;
    const int right = (col + 1) * image.width / cols;
    return y >= top && y < bottom && x >= left && x < right;
}

double CompositeImage::hitRate(const std::vector<std::uint8_t>& mask, int tile) const
{
    if (mask.size() != std::size_t(image.height) * std::size_t(image.width))
        throw InvalidArgument("the mask and the composite differ in size");
    if (tile < 0 || tile >= tileCount())
        throw InvalidArgument("tile " + std::to_string(tile) + " is not in the composite");
    std::size_t kept = 0, inside = 0;
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x)
            if (mask[std::size_t(y) * std::size_t(image.width) + std::size_t(x)]) {
                ++kept;
                inside += insideTile(tile, y, x) ? 1 : 0;
            }
    return kept ? double(inside) / double(kept) : 0.0;
}

CompositeImage CompositeImage::resizedTo(int height, int width) const
{
    if (height == image.height && width == image.width)
        return *this;
    CompositeImage out = *this;
    out.image.height = height;
    out.image.width = width;
    out.image.pixels.assign(std::size_t(image.channels) * std::size_t(height) * std::size_t(width), 0);
    const std::size_t planeIn = std::size_t(image.height) * std::size_t(image.width);
    const std::size_t planeOut = std::size_t(height) * std::size_t(width);
    for (int c = 0; c < image.channels; ++c) {
        const cv::Mat in(image.height, image.width, CV_8UC1,
                         const_cast<std::uint8_t*>(image.pixels.data() + std::size_t(c) * planeIn));
        cv::Mat resized(height, width, CV_8UC1, out.image.pixels.data() + std::size_t(c) * planeOut);
        cv::resize(in, resized, resized.size(), 0, 0, cv::INTER_LINEAR);
    }
    return out;
}

CompositeImage CompositeBuilder::fromTiles(const ImageSet& tiles, int rows, int cols,
                                           const std::vector<std::string>& sources)
{
    checkLayout(rows, cols);
    if (tiles.count() != std::size_t(rows * cols))
        throw InvalidArgument("a " + std::to_string(rows) + "x" + std::to_string(cols) + " composite needs " +
                              std::to_string(rows * cols) + " images, got " + std::to_string(tiles.count()));
    CompositeImage composite;
    composite.rows = rows;
    composite.cols = cols;
    composite.tileConcepts = tiles.labels;
    composite.tileSources = sources;
    composite.tileSources.resize(tiles.count());
    ImageSet& out = composite.image;
    out.channels = tiles.channels;
    out.height = tiles.height * rows;
    out.width = tiles.width * cols;
    out.classNames = tiles.classNames;
    out.labels = {-1};
    out.pixels.assign(out.imageBytes(), 0);
    for (int t = 0; t < rows * cols; ++t) {
        const std::uint8_t* tile = tiles.image(std::size_t(t));
        const int top = (t / cols) * tiles.height;
        const int left = (t % cols) * tiles.width;
        for (int c = 0; c < tiles.channels; ++c)
            for (int y = 0; y < tiles.height; ++y)
                std::copy_n(tile + (std::size_t(c) * tiles.height + y) * tiles.width, tiles.width,
                            out.pixels.data() + (std::size_t(c) * out.height + top + y) * out.width + left);
    }
    return composite;
}

CompositeImage CompositeBuilder::fromHeldOut(const ImageSource& heldOut, const std::vector<std::int64_t>& concepts,
                                             int rows, int cols, std::uint64_t seed)
{
    const TilePicks picks = pickTiles(heldOut.labels(), concepts, rows, cols, seed);
    return fromTiles(heldOut.readAll(picks.indices, "a composite's tile"), rows, cols, picks.sources);
}

CompositeImage CompositeBuilder::fromFiles(const std::vector<std::string>& files,
                                           const std::vector<std::int64_t>& concepts, int rows, int cols, int channels,
                                           int height, int width)
{
    checkLayout(rows, cols);
    if (files.size() != std::size_t(rows * cols) || concepts.size() != files.size())
        throw InvalidArgument("a " + std::to_string(rows) + "x" + std::to_string(cols) + " composite needs " +
                              std::to_string(rows * cols) + " image files and as many concepts, got " +
                              std::to_string(files.size()) + " files and " + std::to_string(concepts.size()) +
                              " concepts");
    ImageTransform transform;
    transform.channels = channels;
    transform.resizeHeight = height;
    transform.resizeWidth = width;
    ImageSet tiles;
    tiles.channels = channels;
    tiles.height = height;
    tiles.width = width;
    for (std::size_t t = 0; t < files.size(); ++t) {
        std::string whyNot;
        const cv::Mat decoded = ImageFile::read(files[t], &whyNot);
        if (decoded.empty())
            throw DataError("image file '" + files[t] + "' " + whyNot + " (JPEG, PNG or BMP expected)");
        const cv::Mat pixels = transform.apply(decoded);
        // HWC (interleaved) to CHW planes.
        std::vector<cv::Mat> planes;
        cv::split(pixels, planes);
        for (const auto& plane : planes)
            tiles.pixels.insert(tiles.pixels.end(), plane.data, plane.data + plane.total());
        tiles.labels.push_back(concepts[t]);
    }
    return fromTiles(tiles, rows, cols, files);
}

std::vector<CompositeImage> CompositeBuilder::random(const ImageSource& heldOut, const std::vector<std::int64_t>& pool,
                                                     int rows, int cols, int count, std::uint64_t seed)
{
    checkLayout(rows, cols);
    const std::set<std::int64_t> distinct(pool.begin(), pool.end());
    if (distinct.size() < std::size_t(rows * cols))
        throw InvalidArgument("a " + std::to_string(rows) + "x" + std::to_string(cols) + " composite needs " +
                              std::to_string(rows * cols) + " distinct concepts, only " +
                              std::to_string(distinct.size()) + " have paths");
    const std::vector<std::int64_t> concepts(distinct.begin(), distinct.end());
    std::vector<TilePicks> picks;
    std::vector<std::size_t> all;
    for (int k = 0; k < count; ++k) {
        const std::uint64_t drawSeed = seed * 7919ULL + std::uint64_t(k);
        const auto order = ImageFolderReader::samplePermutation(concepts.size(), drawSeed);
        std::vector<std::int64_t> chosen;
        for (int t = 0; t < rows * cols; ++t)
            chosen.push_back(concepts[order[std::size_t(t)]]);
        picks.push_back(pickTiles(heldOut.labels(), chosen, rows, cols, drawSeed));
        all.insert(all.end(), picks.back().indices.begin(), picks.back().indices.end());
    }
    const ImageSet tiles = heldOut.readAll(all, "a composite's tile");
    std::vector<CompositeImage> composites;
    const auto perComposite = std::size_t(rows * cols);
    for (std::size_t k = 0; k < picks.size(); ++k) {
        std::vector<std::size_t> range(perComposite);
        for (std::size_t t = 0; t < perComposite; ++t)
            range[t] = k * perComposite + t;
        composites.push_back(fromTiles(tiles.subset(range), rows, cols, picks[k].sources));
    }
    return composites;
}

std::pair<int, int> CompositeBuilder::parseLayout(const std::string& layout)
{
    const auto x = layout.find_first_of("xX×");
    int rows = 0, cols = 0;
    try {
        if (x == std::string::npos)
            throw std::invalid_argument(layout);
        std::size_t used = 0;
        rows = std::stoi(layout.substr(0, x), &used);
        if (used != x)
            throw std::invalid_argument(layout);
        const std::string rest = layout.substr(layout.find_first_of("0123456789", x));
        cols = std::stoi(rest, &used);
        if (used != rest.size())
            throw std::invalid_argument(layout);
    } catch (const std::logic_error&) {
        throw InvalidArgument("layout '" + layout + "' is not ROWSxCOLS, e.g. 2x2");
    }
    checkLayout(rows, cols);
    return {rows, cols};
}

}  // namespace nad
