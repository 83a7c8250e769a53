#include "Errors.h"
#include "ToyNetwork.h"
#include "analysis/UnitExplorer.h"

#include <gtest/gtest.h>

using namespace nad;

namespace {

// Two-channel 1 × 2 images for the toy network (f0 = identity, f1 = channel sum), so a unit's
// response is the mean of its channel's two pixels / 255. Image k has channel 0 = (k, 2k) and
// channel 1 = (10, 10); labels 0, 1, 0, 1.
ImageSet toyImages()
{
    ImageSet set;
    set.channels = 2;
    set.height = 1;
    set.width = 2;
    for (std::uint8_t k = 0; k < 4; ++k) {
        set.pixels.insert(set.pixels.end(), {std::uint8_t(k), std::uint8_t(2 * k), 10, 10});
        set.labels.push_back(k % 2);
    }
    return set;
}

LearnedPath path(std::int64_t classIndex, int init, std::vector<std::uint8_t> block0)
{
    LearnedPath p;
    p.classIndex = classIndex;
    p.initialization = init;
    p.binary = {std::move(block0), {1}};
    return p;
}

}  // namespace

TEST(UnitExplorer, BlockStatisticsAreTheChannelMeansOfTheOriginalNetwork)
{
    nadtest::ToyNetwork network;
    const ImageSet images = toyImages();
    const BlockUnitStatistics s = UnitExplorer::measureBlock(network, ImageSetSource(images), Normalization{}, 0, 2);
    ASSERT_EQ(s.units, 2u);
    EXPECT_EQ(s.classes, (std::vector<std::int64_t>{0, 1}));
    // Unit 0 responds 1.5 k / 255: images 3 then 2 are its strongest; class 0 holds k = 0, 2.
    EXPECT_EQ(s.topImagesOf(0, 2), (std::vector<std::int64_t>{3, 2}));
    EXPECT_NEAR(s.topResponsesOf(0, 1)[0], 4.5f / 255.0f, 1e-6);
    EXPECT_NEAR(s.classMean(0, 0), 1.5f / 255.0f, 1e-6);
    EXPECT_NEAR(s.classMean(0, 1), 3.0f / 255.0f, 1e-6);
    EXPECT_NEAR(s.classMean(1, 1), 10.0f / 255.0f, 1e-6);
    // Block 1 (the sum) has one unit: responses 1.5k + 10, in the same order.
    const BlockUnitStatistics sum = UnitExplorer::measureBlock(network, ImageSetSource(images), Normalization{}, 1, 4);
    EXPECT_EQ(sum.topImagesOf(0, 4), (std::vector<std::int64_t>{3, 2, 1, 0}));
    EXPECT_THROW(UnitExplorer::measureBlock(network, ImageSetSource(images), Normalization{}, 2, 2), InvalidArgument);
    std::atomic<bool> cancel{true};
    EXPECT_THROW(UnitExplorer::measureBlock(network, ImageSetSource(images), Normalization{}, 0, 2, {}, &cancel),
                 Error);
}

namespace {

// The toy images read on demand, with image 3 unreadable (a broken file in a folder).
class SourceMissingImage3 : public ImageSource
{
public:
    SourceMissingImage3() : m_inner(toyImages()) {}
    const std::vector<std::int64_t>& labels() const override { return m_inner.labels(); }
    ImageSet read(const std::vector<std::size_t>& indices, std::vector<std::size_t>* read) const override
    {
        std::vector<std::size_t> readable;
        for (std::size_t i : indices)
            if (i != 3)
                readable.push_back(i);
        return m_inner.read(readable, read);
    }
    std::size_t imageBytes() const override { return m_inner.imageBytes(); }

private:
    ImageSetSource m_inner;
};

}  // namespace

// Issue 16: the held-out split is read a chunk at a time; an image that cannot be read is left
// out of the means and the strongest images, the others keep their indices.
TEST(UnitExplorer, StreamedStatisticsLeaveOutUnreadableImages)
{
    nadtest::ToyNetwork network;
    const BlockUnitStatistics s = UnitExplorer::measureBlock(network, SourceMissingImage3(), Normalization{}, 0, 2);
    EXPECT_EQ(s.images, 3u);
    EXPECT_EQ(s.topImagesOf(0, 2), (std::vector<std::int64_t>{2, 1}));
    EXPECT_NEAR(s.classMean(0, 0), 1.5f / 255.0f, 1e-6);  // images 0 and 2, as before
    EXPECT_NEAR(s.classMean(0, 1), 1.5f / 255.0f, 1e-6);  // image 1 only
}

TEST(UnitExplorer, UnitMapsShareOneScale)
{
    nadtest::ToyNetwork network;
    const ImageSet images = toyImages().subset({3, 1});
    const auto maps = UnitExplorer::unitMaps(network, images, Normalization{}, 0, 0);
    ASSERT_EQ(maps.size(), 2u);
    ASSERT_EQ(maps[0].values.size(), 2u);
    // Image 3's channel 0 is (3, 6), image 1's (1, 2): all divided by 6.
    EXPECT_NEAR(maps[0].values[0], 0.5f, 1e-6);
    EXPECT_NEAR(maps[0].values[1], 1.0f, 1e-6);
    EXPECT_NEAR(maps[1].values[0], 1.0f / 6.0f, 1e-6);
    EXPECT_NEAR(maps[1].values[1], 2.0f / 6.0f, 1e-6);
    EXPECT_NEAR(maps[0].rawMax, 6.0f / 255.0f, 1e-6);
    EXPECT_THROW(UnitExplorer::unitMaps(network, images, Normalization{}, 0, 2), InvalidArgument);
}

TEST(UnitExplorer, SharingCountsEveryInitialization)
{
    std::map<int, std::vector<LearnedPath>> paths;
    paths[0] = {path(0, 0, {1, 0}), path(1, 0, {1, 1})};
    paths[1] = {path(0, 1, {0, 0}), path(1, 1, {1, 1})};
    std::vector<std::int64_t> classes;
    const UnitKeeping sharing = UnitExplorer::keeping(paths, 0, 2, &classes);
    EXPECT_EQ(classes, (std::vector<std::int64_t>{0, 1}));
    EXPECT_DOUBLE_EQ(sharing.keptShare[0][0], 0.5);
    EXPECT_DOUBLE_EQ(sharing.keptShare[0][1], 1.0);
    EXPECT_DOUBLE_EQ(sharing.keptShare[1][0], 0.0);
    EXPECT_EQ(sharing.conceptsKeeping(0), 2);
    EXPECT_EQ(sharing.conceptsKeeping(1), 1);
}
