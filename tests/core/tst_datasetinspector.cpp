#include "Errors.h"
#include "TestFiles.h"
#include "data/DatasetInspector.h"
#include "data/FashionMnist.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include <filesystem>

using namespace nad;
namespace fs = std::filesystem;

namespace {
void writeImages(const fs::path& dir, int count, int size)
{
    fs::create_directories(dir);
    for (int i = 0; i < count; ++i)
        cv::imwrite((dir / ("i" + std::to_string(i) + ".png")).string(),
                    cv::Mat(size, size, CV_8UC3, cv::Scalar(i, i, i)));
}
}  // namespace

TEST(DatasetInspector, FashionMnistCountsAndBuiltinHierarchy)
{
    if (!FashionMnist::looksLikeIdxDirectory(NAD_FASHION_MNIST_DIR))
        GTEST_SKIP() << "Debian's dataset-fashion-mnist is not installed";
    const DatasetSummary s = DatasetInspector::inspect(NAD_FASHION_MNIST_DIR);
    EXPECT_EQ(s.kind, "idx");
    EXPECT_EQ(s.classNames.size(), 10u);
    ASSERT_EQ(s.splits.size(), 2u);
    EXPECT_EQ(s.splits[0].total, 60000u);
    EXPECT_EQ(s.splits[1].total, 10000u);
    EXPECT_EQ(s.splits[0].perClass, std::vector<std::size_t>(10, 6000));
    EXPECT_EQ(s.height, 28);
    EXPECT_EQ(s.hierarchySource, "built-in");
    EXPECT_EQ(s.hierarchy.groups().size(), 3u);
}

TEST(DatasetInspector, ImageFolderWithSplitsAndHierarchyFile)
{
    nadtest::TemporaryDirectory dir;
    writeImages(dir.path() / "train" / "cat", 5, 20);
    writeImages(dir.path() / "train" / "dog", 3, 20);
    writeImages(dir.path() / "val" / "cat", 2, 20);
    writeImages(dir.path() / "val" / "dog", 1, 20);
    nadtest::writeText(dir.file("hierarchy.json"), R"({"pets": ["cat", "dog"]})");
    const DatasetSummary s = DatasetInspector::inspect(dir.path().string());
    EXPECT_EQ(s.kind, "imagefolder");
    EXPECT_EQ(s.classNames, (std::vector<std::string>{"cat", "dog"}));
    ASSERT_EQ(s.splits.size(), 2u);
    EXPECT_EQ(s.splits[0].name, "train");
    EXPECT_EQ(s.splits[0].perClass, (std::vector<std::size_t>{5, 3}));
    EXPECT_EQ(s.splits[1].name, "val");
    EXPECT_EQ(s.splits[1].total, 3u);
    EXPECT_EQ(s.width, 20);
    EXPECT_EQ(s.channels, 3);
    EXPECT_EQ(s.hierarchy.primaryOf("dog"), "pets");
}

TEST(DatasetInspector, PlainImageFolderAndMismatchedSplits)
{
    nadtest::TemporaryDirectory dir;
    writeImages(dir.path() / "a", 2, 8);
    writeImages(dir.path() / "b", 4, 12);
    const DatasetSummary s = DatasetInspector::inspect(dir.path().string());
    ASSERT_EQ(s.splits.size(), 1u);
    EXPECT_EQ(s.splits[0].name, "all");
    EXPECT_EQ(s.splits[0].total, 6u);
    EXPECT_NE(s.sizeNote.find("varies"), std::string::npos) << s.sizeNote;

    nadtest::TemporaryDirectory split;
    writeImages(split.path() / "train" / "cat", 1, 8);
    writeImages(split.path() / "test" / "dog", 1, 8);
    EXPECT_THROW(DatasetInspector::inspect(split.path().string()), DataError);
}

TEST(DatasetInspector, RejectsMissingPathAndBadHierarchy)
{
    EXPECT_THROW(DatasetInspector::inspect("/nonexistent/data"), DataError);
    nadtest::TemporaryDirectory dir;
    writeImages(dir.path() / "a", 1, 8);
    nadtest::writeText(dir.file("h.json"), R"({"x": ["zzz"]})");
    EXPECT_THROW(DatasetInspector::inspect(dir.path().string(), dir.file("h.json")), DataError);
}
