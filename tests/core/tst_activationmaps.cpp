#include "Errors.h"
#include "TestNetworks.h"
#include "analysis/ActivationMaps.h"
#include "analysis/CompositeImage.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <numeric>

using namespace nad;

namespace {

// `count` single-channel h × w images; image k is filled with the value 10 * (k + 1) and
// labelled with concept k + 3.
ImageSet flatTiles(int count, int h, int w)
{
    ImageSet set;
    set.channels = 1;
    set.height = h;
    set.width = w;
    for (int k = 0; k < count; ++k) {
        set.pixels.insert(set.pixels.end(), std::size_t(h * w), std::uint8_t(10 * (k + 1)));
        set.labels.push_back(k + 3);
    }
    return set;
}

std::size_t countSet(const std::vector<std::uint8_t>& mask)
{
    return std::size_t(std::accumulate(mask.begin(), mask.end(), 0));
}

}  // namespace

TEST(CompositeImage, TilesArePlacedRowMajorAtFullResolution)
{
    const CompositeImage composite = CompositeBuilder::fromTiles(flatTiles(4, 3, 5), 2, 2);
    ASSERT_EQ(composite.image.height, 6);
    ASSERT_EQ(composite.image.width, 10);
    ASSERT_EQ(composite.image.count(), 1u);
    const auto pixel = [&](int y, int x) { return int(composite.image.pixels[std::size_t(y * 10 + x)]); };
    EXPECT_EQ(pixel(0, 0), 10);
    EXPECT_EQ(pixel(2, 4), 10);
    EXPECT_EQ(pixel(0, 5), 20);
    EXPECT_EQ(pixel(3, 0), 30);
    EXPECT_EQ(pixel(5, 9), 40);
    EXPECT_EQ(composite.tileConcepts, (std::vector<std::int64_t>{3, 4, 5, 6}));
    EXPECT_EQ(composite.tileOf(5), 2);
    EXPECT_EQ(composite.tileOf(9), -1);
    EXPECT_TRUE(composite.insideTile(1, 0, 5));
    EXPECT_FALSE(composite.insideTile(1, 3, 5));
    EXPECT_TRUE(composite.insideTile(3, 5, 9));
}

TEST(CompositeImage, ResizingKeepsTheTileSplit)
{
    const CompositeImage composite = CompositeBuilder::fromTiles(flatTiles(2, 28, 28), 1, 2).resizedTo(28, 28);
    EXPECT_EQ(composite.image.width, 28);
    EXPECT_EQ(composite.image.pixels.size(), 28u * 28u);
    EXPECT_EQ(composite.image.pixels[5], 10);
    EXPECT_EQ(composite.image.pixels[27], 20);
    EXPECT_TRUE(composite.insideTile(0, 0, 13));
    EXPECT_TRUE(composite.insideTile(1, 0, 14));
}

namespace {

// A held-out set read on demand that records what is asked of it and fails on one image.
class RecordingSource : public ImageSource
{
public:
    RecordingSource(const ImageSet& images, std::size_t unreadable) : m_inner(images), m_unreadable(unreadable) {}
    const std::vector<std::int64_t>& labels() const override { return m_inner.labels(); }
    ImageSet read(const std::vector<std::size_t>& indices, std::vector<std::size_t>* read) const override
    {
        asked.insert(asked.end(), indices.begin(), indices.end());
        ++reads;
        std::vector<std::size_t> readable;
        for (std::size_t i : indices)
            if (i != m_unreadable)
                readable.push_back(i);
        return m_inner.read(readable, read);
    }
    std::size_t imageBytes() const override { return m_inner.imageBytes(); }
    mutable std::vector<std::size_t> asked;
    mutable int reads = 0;

private:
    ImageSetSource m_inner;
    std::size_t m_unreadable;
};

}  // namespace

TEST(CompositeImage, HeldOutCompositesAreSeededAndShowTheirConcepts)
{
    ImageSet heldOut = flatTiles(8, 4, 4);
    for (std::size_t k = 0; k < heldOut.count(); ++k)
        heldOut.labels[k] = std::int64_t(k % 4);  // two images per concept 0..3
    const ImageSetSource source(heldOut);
    const auto a = CompositeBuilder::fromHeldOut(source, {2, 0, 3, 1}, 2, 2, 7);
    const auto b = CompositeBuilder::fromHeldOut(source, {2, 0, 3, 1}, 2, 2, 7);
    EXPECT_EQ(a.image.pixels, b.image.pixels);
    EXPECT_EQ(a.tileConcepts, (std::vector<std::int64_t>{2, 0, 3, 1}));
    // Tile 0 shows an image of concept 2: value 30 (image 2) or 70 (image 6).
    const int first = a.image.pixels[0];
    EXPECT_TRUE(first == 30 || first == 70) << first;

    const auto random = CompositeBuilder::random(source, {0, 1, 2, 3}, 1, 2, 20, 5);
    ASSERT_EQ(random.size(), 20u);
    for (const auto& c : random)
        EXPECT_NE(c.tileConcepts[0], c.tileConcepts[1]);
    EXPECT_THROW(CompositeBuilder::random(source, {0}, 1, 2, 1, 5), InvalidArgument);
    EXPECT_THROW(CompositeBuilder::fromHeldOut(source, {0, 1}, 2, 2, 1), InvalidArgument);
    EXPECT_THROW(CompositeBuilder::fromHeldOut(source, {9}, 1, 1, 1), InvalidArgument);

    // Issue 16: a held-out split read on demand gives the same composites and is asked only for
    // their tiles, all composites' tiles in one read; a tile that cannot be read is an error.
    RecordingSource recording(heldOut, heldOut.count());
    EXPECT_EQ(CompositeBuilder::fromHeldOut(recording, {2, 0, 3, 1}, 2, 2, 7).image.pixels, a.image.pixels);
    EXPECT_EQ(recording.asked.size(), 4u);
    recording.asked.clear();
    recording.reads = 0;
    const auto streamed = CompositeBuilder::random(recording, {0, 1, 2, 3}, 1, 2, 20, 5);
    EXPECT_EQ(recording.reads, 1);
    EXPECT_EQ(recording.asked.size(), 40u);
    for (std::size_t k = 0; k < random.size(); ++k) {
        EXPECT_EQ(streamed[k].image.pixels, random[k].image.pixels) << k;
        EXPECT_EQ(streamed[k].tileSources, random[k].tileSources) << k;
    }
    const std::size_t tile = std::stoul(a.tileSources[1].substr(std::string("test image ").size()));
    RecordingSource broken(heldOut, tile);
    EXPECT_THROW(CompositeBuilder::fromHeldOut(broken, {2, 0, 3, 1}, 2, 2, 7), DataError);
}

TEST(CompositeImage, LayoutParsing)
{
    EXPECT_EQ(CompositeBuilder::parseLayout("2x2"), std::make_pair(2, 2));
    EXPECT_EQ(CompositeBuilder::parseLayout("1x3"), std::make_pair(1, 3));
    EXPECT_THROW(CompositeBuilder::parseLayout("2"), InvalidArgument);
    EXPECT_THROW(CompositeBuilder::parseLayout("0x2"), InvalidArgument);
    EXPECT_THROW(CompositeBuilder::parseLayout("2x2x"), InvalidArgument);
    EXPECT_THROW(CompositeBuilder::parseLayout("9x1"), InvalidArgument);
}

TEST(ActivationMaps, ChannelSumIsMinMaxNormalizedAndResized)
{
    // Two channels whose sum is 0, 1, 2, 3 over a 2 × 2 map.
    const torch::Tensor output = torch::tensor({0.f, 1.f, 0.f, 1.f, 0.f, 0.f, 2.f, 2.f}).reshape({2, 2, 2});
    const ActivationMap same = ActivationMaps::fromBlockOutput(output, 2, 2);
    ASSERT_EQ(same.values.size(), 4u);
    EXPECT_FLOAT_EQ(same.at(0, 0), 0.0f);
    EXPECT_FLOAT_EQ(same.at(0, 1), 1.0f / 3.0f);
    EXPECT_FLOAT_EQ(same.at(1, 0), 2.0f / 3.0f);
    EXPECT_FLOAT_EQ(same.at(1, 1), 1.0f);
    const ActivationMap big = ActivationMaps::fromBlockOutput(output, 8, 8);
    EXPECT_EQ(big.values.size(), 64u);
    EXPECT_GE(*std::min_element(big.values.begin(), big.values.end()), 0.0f);
    EXPECT_LE(*std::max_element(big.values.begin(), big.values.end()), 1.0f);
    EXPECT_LT(big.at(0, 0), big.at(7, 7));
    const ActivationMap flat = ActivationMaps::fromBlockOutput(torch::ones({3, 4, 4}), 4, 4);
    for (float v : flat.values)
        EXPECT_EQ(v, 0.0f);
}

TEST(ActivationMaps, TopPercentKeepsExactlyThatShareEvenOnTies)
{
    ActivationMap map;
    map.height = 10;
    map.width = 20;
    map.values.assign(200, 0.5f);
    // A flat map: still exactly 5 % (10 pixels), the first ones.
    auto mask = map.topPercentMask(5.0);
    EXPECT_EQ(countSet(mask), 10u);
    EXPECT_EQ(countSet(std::vector<std::uint8_t>(mask.begin(), mask.begin() + 10)), 10u);
    // Distinct values: the 10 highest.
    std::iota(map.values.begin(), map.values.end(), 0.0f);
    mask = map.topPercentMask(5.0);
    EXPECT_EQ(countSet(mask), 10u);
    EXPECT_EQ(countSet(std::vector<std::uint8_t>(mask.begin() + 190, mask.end())), 10u);
    // Ties across the threshold: 15 pixels share the top value, 10 are kept.
    std::fill(map.values.begin() + 185, map.values.end(), 1000.0f);
    EXPECT_EQ(countSet(map.topPercentMask(5.0)), 10u);
    EXPECT_EQ(countSet(map.topPercentMask(12.5)), 25u);
    EXPECT_EQ(countSet(map.topPercentMask(0.01)), 1u);
    EXPECT_EQ(countSet(map.topPercentMask(100)), 200u);
    EXPECT_THROW(map.topPercentMask(0), InvalidArgument);
    EXPECT_THROW(map.topPercentMask(101), InvalidArgument);
}

TEST(ActivationMaps, HitRateOnASyntheticCompositeWithAKnownAnswer)
{
    const CompositeImage composite = CompositeBuilder::fromTiles(flatTiles(4, 10, 10), 2, 2);
    ActivationMap map;
    map.height = 20;
    map.width = 20;
    map.values.assign(400, 0.0f);
    // A hot spot of 16 pixels in tile 3 (bottom right) and 4 in tile 1 (top right).
    for (int y = 12; y < 16; ++y)
        for (int x = 12; x < 16; ++x)
            map.values[std::size_t(y * 20 + x)] = 1.0f;
    for (int x = 14; x < 18; ++x)
        map.values[std::size_t(2 * 20 + x)] = 0.9f;
    const auto mask = map.topPercentMask(5.0);  // 20 pixels: the 16 + 4
    EXPECT_DOUBLE_EQ(composite.hitRate(mask, 3), 0.8);
    EXPECT_DOUBLE_EQ(composite.hitRate(mask, 1), 0.2);
    EXPECT_DOUBLE_EQ(composite.hitRate(mask, 0), 0.0);
    EXPECT_THROW(composite.hitRate(mask, 4), InvalidArgument);
    map.width = 10;
    map.values.assign(200, 0.0f);
    EXPECT_THROW(composite.hitRate(map.topPercentMask(5.0), 0), InvalidArgument);
}

TEST(ActivationMaps, OneMapPerBlockAtTheCompositeSize)
{
    auto network = nadtest::frozenTinyVgg(1);
    const CompositeImage composite = CompositeBuilder::fromTiles(flatTiles(4, 28, 28), 2, 2);
    const Normalization normalization;
    const auto maps = ActivationMaps::compute(*network, composite.image, 0, normalization);
    ASSERT_EQ(maps.size(), network->blockCount());
    for (const auto& map : maps) {
        EXPECT_EQ(map.height, 56);
        EXPECT_EQ(map.width, 56);
    }
    // A path that switches every channel of block 5 off leaves a flat (zero) map there.
    BlockMasks masks;
    for (const auto& block : network->blocks())
        masks.push_back(torch::ones({block.channels}));
    masks[5].zero_();
    const auto masked = ActivationMaps::compute(*network, composite.image, 0, normalization, masks);
    for (float v : masked[5].values)
        EXPECT_EQ(v, 0.0f);
    EXPECT_EQ(masked[0].values, maps[0].values);
    EXPECT_THROW(ActivationMaps::compute(*network, composite.image, 1, normalization), InvalidArgument);
}
