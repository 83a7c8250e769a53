#include "Errors.h"
#include "TestFiles.h"
#include "data/ImageFolderReader.h"
#include "data/ImageFolderSource.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

using namespace nad;
namespace fs = std::filesystem;

namespace {

// Writes a small ImageFolder: three classes in unsorted creation order, mixed formats,
// sizes and colour modes, plus one file that is not an image at all.
void makeFolder(const nadtest::TemporaryDirectory& dir)
{
    for (const char* cls : {"zebra", "apple", "mango"})
        fs::create_directories(dir.path() / cls);
    for (int i = 0; i < 6; ++i) {
        // apple: solid red colour PNGs, 40x30
        cv::imwrite(dir.file("apple/a" + std::to_string(i) + ".png"),
                    cv::Mat(30, 40, CV_8UC3, cv::Scalar(0, 0, 255)));  // BGR red
        // mango: grayscale JPEGs, 50x50, brightness encodes the index
        cv::imwrite(dir.file("mango/m" + std::to_string(i) + ".jpg"), cv::Mat(50, 50, CV_8UC1, cv::Scalar(40 * i)));
        // zebra: BMP with alpha-less colour, 64x48
        cv::imwrite(dir.file("zebra/z" + std::to_string(i) + ".BMP"), cv::Mat(48, 64, CV_8UC3, cv::Scalar(10, 20, 30)));
    }
    nadtest::writeText(dir.file("mango/broken.jpg"), "this is not a JPEG");
    nadtest::writeText(dir.file("apple/notes.txt"), "ignored: not an image extension");
}

ImageFolderOptions squareRgb(int size)
{
    ImageFolderOptions options;
    options.transform.channels = 3;
    options.transform.resizeShorterSide = size;
    options.transform.cropHeight = size;
    options.transform.cropWidth = size;
    return options;
}

}  // namespace

TEST(ImageFolderReader, ScansSortedClassesAndImageFiles)
{
    nadtest::TemporaryDirectory dir;
    makeFolder(dir);
    const ImageFolderScan scan = ImageFolderReader::scan(dir.path().string());
    EXPECT_EQ(scan.classNames, (std::vector<std::string>{"apple", "mango", "zebra"}));
    EXPECT_EQ(scan.files[0].size(), 6u);  // notes.txt is not listed
    EXPECT_EQ(scan.files[1].size(), 7u);  // broken.jpg is listed, decoding decides later
    EXPECT_EQ(scan.files[2].size(), 6u);  // upper-case .BMP counts
}

TEST(ImageFolderReader, LoadsTransformsAndSkipsUndecodableFiles)
{
    nadtest::TemporaryDirectory dir;
    makeFolder(dir);
    ImageFolderReport report;
    const ImageSet set = ImageFolderReader::load(dir.path().string(), squareRgb(16), &report);
    EXPECT_EQ(set.count(), 18u);
    EXPECT_EQ(report.loaded, 18u);
    ASSERT_EQ(report.skipped.size(), 1u);
    EXPECT_NE(report.skipped[0].first.find("broken.jpg"), std::string::npos);
    EXPECT_EQ(set.channels, 3);
    EXPECT_EQ(set.height, 16);
    EXPECT_EQ(set.width, 16);
    EXPECT_EQ(set.countsPerClass(), (std::vector<std::size_t>{6, 6, 6}));
    // apple is pure red: the R plane is 255, G and B are 0 (OpenCV's BGR became RGB, CHW).
    const std::uint8_t* apple = set.image(set.indicesOfClass(0).front());
    const std::size_t plane = 16 * 16;
    EXPECT_EQ(apple[0], 255);
    EXPECT_EQ(apple[plane + 5], 0);
    EXPECT_EQ(apple[2 * plane + 7], 0);
    // mango is gray replicated to three equal planes.
    const std::uint8_t* mango = set.image(set.indicesOfClass(1).back());
    EXPECT_EQ(mango[3], mango[plane + 3]);
    EXPECT_EQ(mango[3], mango[2 * plane + 3]);
}

// Found by fuzz_imageloader: a BMP whose header declares a height of 791,624,192 rows makes
// OpenCV throw cv::Exception from imread instead of returning no image. It must be skipped like
// any undecodable file, with the reason, and the folder's good images still load.
TEST(ImageFolderReader, ImageTheDecoderRefusesIsSkippedWithTheReason)
{
    nadtest::TemporaryDirectory dir;
    makeFolder(dir);
    fs::copy_file(NAD_TEST_DATA_DIR "/fuzz-bmp-huge-height.bmp", dir.file("zebra/huge.bmp"));
    ImageFolderReport report;
    const ImageSet set = ImageFolderReader::load(dir.path().string(), squareRgb(16), &report);
    EXPECT_EQ(set.count(), 18u);
    ASSERT_EQ(report.skipped.size(), 2u);
    const auto huge = std::find_if(report.skipped.begin(), report.skipped.end(),
                                   [](const auto& s) { return s.first.find("huge.bmp") != std::string::npos; });
    ASSERT_NE(huge, report.skipped.end());
    EXPECT_NE(huge->second.find("refused by the image decoder"), std::string::npos) << huge->second;
}

// Found by fuzz_imageloader: OpenCV hands any file to whichever decoder claims it (DICOM, GDAL,
// TIFF, ...), and a 1 x 262,145 PNG (a few hundred bytes) resized to a shorter side of 16 asked
// for 16 x 4 million pixels. Both are skipped with the reason; the good images still load.
TEST(ImageFolderReader, OtherFormatsAndHugeResizesAreSkippedWithTheReason)
{
    nadtest::TemporaryDirectory dir;
    makeFolder(dir);
    std::vector<std::uint8_t> tiff;
    ASSERT_TRUE(cv::imencode(".tiff", cv::Mat(30, 40, CV_8UC3, cv::Scalar(1, 2, 3)), tiff));
    nadtest::writeText(dir.file("apple/tiff-named-png.png"), std::string(tiff.begin(), tiff.end()));
    ASSERT_TRUE(cv::imwrite(dir.file("zebra/thread.png"), cv::Mat(262145, 1, CV_8UC1, cv::Scalar(9))));
    ImageFolderReport report;
    const ImageSet set = ImageFolderReader::load(dir.path().string(), squareRgb(16), &report);
    EXPECT_EQ(set.count(), 18u);
    ASSERT_EQ(report.skipped.size(), 3u);
    std::map<std::string, std::string> why;
    for (const auto& [path, reason] : report.skipped)
        why[fs::path(path).filename().string()] = reason;
    EXPECT_EQ(why["tiff-named-png.png"], "is not a JPEG, PNG or BMP image");
    EXPECT_NE(why["thread.png"].find("cannot be transformed (resizing the shorter side of a 262145x1 image to 16"),
              std::string::npos)
        << why["thread.png"];
}

TEST(ImageFolderReader, SeededSampleIsDeterministicAndPerClass)
{
    nadtest::TemporaryDirectory dir;
    makeFolder(dir);
    auto options = squareRgb(8);
    options.imagesPerClass = 3;
    options.seed = 42;
    const ImageSet a = ImageFolderReader::load(dir.path().string(), options);
    const ImageSet b = ImageFolderReader::load(dir.path().string(), options);
    EXPECT_EQ(a.countsPerClass(), (std::vector<std::size_t>{3, 3, 3}));
    EXPECT_EQ(a.pixels, b.pixels);

    // The mango images differ by brightness, so the sampled set tells which files were taken.
    auto mangoBrightness = [](const ImageSet& s) {
        std::set<int> values;
        for (std::size_t i : s.indicesOfClass(1))
            values.insert(s.image(i)[0]);
        return values;
    };
    std::set<std::set<int>> samples;
    for (std::uint64_t seed = 0; seed < 8; ++seed) {
        options.seed = seed;
        samples.insert(mangoBrightness(ImageFolderReader::load(dir.path().string(), options)));
    }
    EXPECT_GT(samples.size(), 1u) << "different seeds should pick different images";
}

TEST(ImageFolderReader, PermutationIsAPermutation)
{
    const auto p = ImageFolderReader::samplePermutation(1000, 7);
    std::set<std::size_t> unique(p.begin(), p.end());
    EXPECT_EQ(unique.size(), 1000u);
    EXPECT_EQ(*unique.rbegin(), 999u);
    EXPECT_EQ(p, ImageFolderReader::samplePermutation(1000, 7));
    EXPECT_NE(p, ImageFolderReader::samplePermutation(1000, 8));
}

TEST(ImageFolderReader, DifferentSizesWithoutTransformIsAClearError)
{
    nadtest::TemporaryDirectory dir;
    makeFolder(dir);
    try {
        ImageFolderReader::load(dir.path().string(), ImageFolderOptions{});
        FAIL() << "expected DataError";
    } catch (const DataError& e) {
        EXPECT_NE(std::string(e.what()).find("give a resize and centre crop"), std::string::npos) << e.what();
    }
}

TEST(ImageFolderReader, RejectsEmptyAndMissingFolders)
{
    nadtest::TemporaryDirectory dir;
    EXPECT_THROW(ImageFolderReader::scan(dir.file("missing")), DataError);
    EXPECT_THROW(ImageFolderReader::scan(dir.path().string()), DataError);  // no class folders
    fs::create_directories(dir.path() / "cat");
    fs::create_directories(dir.path() / "dog");
    cv::imwrite(dir.file("cat/c.png"), cv::Mat(4, 4, CV_8UC1, cv::Scalar(1)));
    try {
        ImageFolderReader::scan(dir.path().string());
        FAIL() << "expected DataError";
    } catch (const DataError& e) {
        EXPECT_NE(std::string(e.what()).find("dog"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("holds no image files"), std::string::npos);
    }
}

TEST(ImageFolderReader, ClassWithOnlyUndecodableImagesIsAnError)
{
    nadtest::TemporaryDirectory dir;
    fs::create_directories(dir.path() / "cat");
    fs::create_directories(dir.path() / "dog");
    cv::imwrite(dir.file("cat/c.png"), cv::Mat(4, 4, CV_8UC1, cv::Scalar(1)));
    nadtest::writeText(dir.file("dog/d.png"), "");
    EXPECT_THROW(ImageFolderReader::load(dir.path().string(), ImageFolderOptions{}), DataError);
}

namespace {

// Three classes of 150 lossless 4x4 images whose pixel value is the file's index, so a loaded
// set tells which files it took; class "b"'s first 10 files are not images.
void makeNumberedFolder(const nadtest::TemporaryDirectory& dir)
{
    for (const char* cls : {"a", "b", "c"}) {
        fs::create_directories(dir.path() / cls);
        for (int i = 0; i < 150; ++i) {
            char name[32];
            std::snprintf(name, sizeof name, "/img%03d.png", i);
            const std::string path = dir.file(std::string(cls) + name);
            if (std::string(cls) == "b" && i < 10)
                nadtest::writeText(path, "not a PNG");
            else
                cv::imwrite(path, cv::Mat(4, 4, CV_8UC1, cv::Scalar(i)));
        }
    }
}

std::vector<int> fileNumbersOfClass(const ImageSet& set, std::int64_t cls)
{
    std::vector<int> numbers;
    for (std::size_t i : set.indicesOfClass(cls))
        numbers.push_back(set.image(i)[0]);
    return numbers;
}

}  // namespace

// Issue 16: images are decoded on a pool of threads, in waves of 256. The set must be the one
// reading the files one by one gives: per class, in sorted or sampled order, the first files that
// decode, whatever the number of threads and wherever a wave boundary falls.
TEST(ImageFolderReader, ParallelDecodingGivesTheSequentialResult)
{
    nadtest::TemporaryDirectory dir;
    makeNumberedFolder(dir);
    ImageFolderOptions options;
    options.transform.channels = 1;
    options.threads = 1;
    ImageFolderReport oneReport;
    const ImageSet one = ImageFolderReader::load(dir.path().string(), options, &oneReport);
    options.threads = 4;
    ImageFolderReport fourReport;
    const ImageSet four = ImageFolderReader::load(dir.path().string(), options, &fourReport);
    EXPECT_EQ(one.count(), 440u);  // 450 files, 10 not images, across two waves
    EXPECT_EQ(one.pixels, four.pixels);
    EXPECT_EQ(one.labels, four.labels);
    EXPECT_EQ(fourReport.skipped.size(), 10u);
    std::vector<int> sorted;
    for (int i = 10; i < 150; ++i)
        sorted.push_back(i);
    EXPECT_EQ(fileNumbersOfClass(four, 1), sorted);

    // A sample of 100 per class: class b takes the first 100 decodable files of its permutation,
    // so the broken ones it meets are replaced by the next of the order.
    options.imagesPerClass = 100;
    options.seed = 7;
    const ImageSet sampled = ImageFolderReader::load(dir.path().string(), options);
    std::vector<int> expected;
    for (std::size_t k : ImageFolderReader::samplePermutation(150, 7 * 1000003ull + 1))
        if (k >= 10 && expected.size() < 100)
            expected.push_back(int(k));
    EXPECT_EQ(fileNumbersOfClass(sampled, 1), expected);
    EXPECT_EQ(sampled.countsPerClass(), (std::vector<std::size_t>{100, 100, 100}));
    options.threads = 1;
    EXPECT_EQ(ImageFolderReader::load(dir.path().string(), options).pixels, sampled.pixels);
}

// Issue 16: a held-out split read on demand. The labels come from the scan without decoding;
// a read decodes exactly the images asked for, in that order, the same pixels as loading the
// whole folder; an undecodable file is left out, and the indices read say which.
TEST(ImageFolderSource, ReadsOnlyTheImagesAskedForInTheirOrder)
{
    nadtest::TemporaryDirectory dir;
    makeFolder(dir);
    const ImageFolderScan scan = ImageFolderReader::scan(dir.path().string());
    const ImageFolderSource source(scan, squareRgb(16).transform, 2);
    // apple 0–5, mango 6–12 (broken.jpg sorts first: index 6), zebra 13–18.
    ASSERT_EQ(source.count(), 19u);
    EXPECT_EQ(source.labels()[6], 1);
    EXPECT_EQ(source.labels()[18], 2);
    EXPECT_EQ(source.imageBytes(), 3u * 16 * 16);

    const ImageSet whole = ImageFolderReader::load(scan, squareRgb(16));  // without broken.jpg: 18
    std::vector<std::size_t> read;
    const ImageSet some = source.read({14, 7, 6, 0}, &read);
    EXPECT_EQ(read, (std::vector<std::size_t>{14, 7, 0}));  // 6 is broken.jpg
    ASSERT_EQ(some.count(), 3u);
    EXPECT_EQ(some.labels, (std::vector<std::int64_t>{2, 1, 0}));
    // Index i of the source is index i − 1 of the loaded set past the broken file.
    for (std::size_t k = 0; k < read.size(); ++k) {
        const std::size_t inWhole = read[k] > 6 ? read[k] - 1 : read[k];
        EXPECT_TRUE(std::equal(some.image(k), some.image(k) + some.imageBytes(), whole.image(inWhole))) << read[k];
    }
    EXPECT_THROW(source.read({19}), InvalidArgument);
}
