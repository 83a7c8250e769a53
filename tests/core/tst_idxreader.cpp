#include "Errors.h"
#include "TestFiles.h"
#include "data/FashionMnist.h"
#include "data/IdxReader.h"

#include <gtest/gtest.h>
#include <sys/resource.h>
#include <zlib.h>

#include <filesystem>
#include <functional>

using namespace nad;

namespace {

std::vector<char> idxHeader(std::uint8_t type, const std::vector<std::uint32_t>& dims)
{
    std::vector<char> bytes = {0, 0, char(type), char(dims.size())};
    for (std::uint32_t d : dims) {
        bytes.push_back(char(d >> 24));
        bytes.push_back(char(d >> 16));
        bytes.push_back(char(d >> 8));
        bytes.push_back(char(d));
    }
    return bytes;
}

void writeGz(const std::string& path, const std::vector<char>& bytes)
{
    gzFile f = gzopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    if (!bytes.empty()) {
        ASSERT_EQ(gzwrite(f, bytes.data(), unsigned(bytes.size())), int(bytes.size()));
    }
    gzclose(f);
}

std::vector<char> images(std::uint32_t n, std::uint32_t h, std::uint32_t w)
{
    auto bytes = idxHeader(0x08, {n, h, w});
    for (std::uint32_t i = 0; i < n * h * w; ++i)
        bytes.push_back(char(i % 251));
    return bytes;
}

std::vector<char> labels(const std::vector<std::uint8_t>& values)
{
    auto bytes = idxHeader(0x08, {std::uint32_t(values.size())});
    for (auto v : values)
        bytes.push_back(char(v));
    return bytes;
}

}  // namespace

TEST(IdxReader, ReadsRealFashionMnist)
{
    if (!FashionMnist::looksLikeIdxDirectory(NAD_FASHION_MNIST_DIR))
        GTEST_SKIP() << "Debian's dataset-fashion-mnist is not installed (packaging/install-deps.sh installs it)";
    const ImageSet train = FashionMnist::load(NAD_FASHION_MNIST_DIR, Split::Train);
    EXPECT_EQ(train.count(), 60000u);
    EXPECT_EQ(train.height, 28);
    EXPECT_EQ(train.width, 28);
    EXPECT_EQ(train.channels, 1);
    EXPECT_EQ(train.pixels.size(), 60000u * 28 * 28);
    for (std::size_t n : train.countsPerClass())
        EXPECT_EQ(n, 6000u);

    const ImageSet test = FashionMnist::load(NAD_FASHION_MNIST_DIR, Split::Test);
    EXPECT_EQ(test.count(), 10000u);
    for (std::size_t n : test.countsPerClass())
        EXPECT_EQ(n, 1000u);
    // The first test image is an ankle boot (label 9) in every copy of Fashion-MNIST.
    EXPECT_EQ(test.labels[0], 9);
    EXPECT_EQ(test.classNames[9], "Ankle boot");
}

TEST(IdxReader, RoundTripsGzipAndPlainFiles)
{
    nadtest::TemporaryDirectory dir;
    writeGz(dir.file("img.gz"), images(3, 4, 5));
    nadtest::writeBytes(dir.file("img.idx"), images(3, 4, 5));
    for (const char* name : {"img.gz", "img.idx"}) {
        const IdxArray array = IdxReader::read(dir.file(name));
        ASSERT_EQ(array.dims, (std::vector<std::uint32_t>{3, 4, 5}));
        ASSERT_EQ(array.data.size(), 60u);
        EXPECT_EQ(array.data[59], 59);
    }
}

TEST(IdxReader, ImagesAndLabelsAgree)
{
    nadtest::TemporaryDirectory dir;
    writeGz(dir.file("img.gz"), images(3, 2, 2));
    writeGz(dir.file("lab.gz"), labels({2, 0, 1}));
    const ImageSet set = IdxReader::readImagesAndLabels(dir.file("img.gz"), dir.file("lab.gz"), {"a", "b", "c"});
    EXPECT_EQ(set.count(), 3u);
    EXPECT_EQ(set.labels, (std::vector<std::int64_t>{2, 0, 1}));
    EXPECT_EQ(set.image(1)[0], 4);
    EXPECT_EQ(set.countsPerClass(), (std::vector<std::size_t>{1, 1, 1}));
}

TEST(IdxReader, RejectsTruncatedFileWithByteCounts)
{
    nadtest::TemporaryDirectory dir;
    auto bytes = images(10, 28, 28);
    bytes.resize(1000);
    writeGz(dir.file("t.gz"), bytes);
    const std::string message = nadtest::dataErrorOf([&] { IdxReader::read(dir.file("t.gz")); });
    EXPECT_NE(message.find("is truncated: expected 7856 bytes, found 1000"), std::string::npos) << message;
    EXPECT_NE(message.find(dir.file("t.gz")), std::string::npos) << message;
}

TEST(IdxReader, RejectsWrongMagic)
{
    nadtest::TemporaryDirectory dir;
    auto bytes = images(1, 2, 2);
    bytes[0] = 0x7f;
    writeGz(dir.file("m.gz"), bytes);
    EXPECT_NE(nadtest::dataErrorOf([&] { IdxReader::read(dir.file("m.gz")); }).find("wrong magic number"),
              std::string::npos);
    nadtest::writeText(dir.file("text.idx"), "hello, this is not an IDX file");
    EXPECT_NE(nadtest::dataErrorOf([&] { IdxReader::read(dir.file("text.idx")); }).find("wrong magic number"),
              std::string::npos);
}

TEST(IdxReader, RejectsUnsupportedTypeAndEmptyDimension)
{
    nadtest::TemporaryDirectory dir;
    writeGz(dir.file("f.gz"), idxHeader(0x0D, {1, 2}));
    EXPECT_NE(nadtest::dataErrorOf([&] { IdxReader::read(dir.file("f.gz")); }).find("only unsigned bytes"),
              std::string::npos);
    writeGz(dir.file("z.gz"), idxHeader(0x08, {0, 28, 28}));
    EXPECT_NE(nadtest::dataErrorOf([&] { IdxReader::read(dir.file("z.gz")); }).find("empty dimension"),
              std::string::npos);
}

TEST(IdxReader, RejectsHugeDeclaredDimensionsWithoutAllocating)
{
    nadtest::TemporaryDirectory dir;
    writeGz(dir.file("huge.gz"), idxHeader(0x08, {4000000000u, 28, 28}));
    const std::string message = nadtest::dataErrorOf([&] { IdxReader::read(dir.file("huge.gz")); });
    EXPECT_NE(message.find("larger than the limit"), std::string::npos) << message;
}

// Found by fuzz_idxreader: a header declaring 3 GB (under the 4 GiB limit) in a file holding a
// few bytes was allocated in full before reading. The buffer now grows as data arrives.
TEST(IdxReader, TruncatedFileDeclaringGigabytesFailsWithoutAllocatingThem)
{
    nadtest::TemporaryDirectory dir;
    auto bytes = idxHeader(0x08, {1000, 1000, 3000});
    bytes.insert(bytes.end(), 64, 7);
    writeGz(dir.file("liar.gz"), bytes);
    rusage before{};
    getrusage(RUSAGE_SELF, &before);
    const std::string message = nadtest::dataErrorOf([&] { IdxReader::read(dir.file("liar.gz")); });
    rusage after{};
    getrusage(RUSAGE_SELF, &after);
    EXPECT_NE(message.find("is truncated"), std::string::npos) << message;
    // ru_maxrss is in KiB: the peak may not grow by more than 256 MiB (it grew by 3 GB).
    EXPECT_LT(after.ru_maxrss - before.ru_maxrss, 256L * 1024) << after.ru_maxrss << " KiB peak";
}

TEST(IdxReader, RejectsTrailingDataAndEmptyFile)
{
    nadtest::TemporaryDirectory dir;
    auto bytes = images(2, 2, 2);
    bytes.push_back(7);
    writeGz(dir.file("trail.gz"), bytes);
    EXPECT_NE(nadtest::dataErrorOf([&] { IdxReader::read(dir.file("trail.gz")); }).find("data after"),
              std::string::npos);
    writeGz(dir.file("empty.gz"), {});
    EXPECT_NE(nadtest::dataErrorOf([&] { IdxReader::read(dir.file("empty.gz")); }).find("truncated"),
              std::string::npos);
}

TEST(IdxReader, RejectsCorruptCompressedStream)
{
    nadtest::TemporaryDirectory dir;
    writeGz(dir.file("c.gz"), images(50, 28, 28));
    auto bytes = nadtest::readBytes(dir.file("c.gz"));
    for (std::size_t i = 20; i < bytes.size() - 8; i += 7)
        bytes[i] = char(bytes[i] ^ 0x5a);
    nadtest::writeBytes(dir.file("c.gz"), bytes);
    const std::string message = nadtest::dataErrorOf([&] { IdxReader::read(dir.file("c.gz")); });
    EXPECT_TRUE(message.find("cannot be decompressed") != std::string::npos ||
                message.find("wrong magic") != std::string::npos || message.find("truncated") != std::string::npos)
        << message;
}

TEST(IdxReader, RejectsCountMismatchAndBadLabels)
{
    nadtest::TemporaryDirectory dir;
    writeGz(dir.file("img.gz"), images(3, 2, 2));
    writeGz(dir.file("lab.gz"), labels({0, 1}));
    EXPECT_NE(nadtest::dataErrorOf([&] {
                  IdxReader::readImagesAndLabels(dir.file("img.gz"), dir.file("lab.gz"), {"a", "b"});
              }).find("holds 3 images but"),
              std::string::npos);
    writeGz(dir.file("lab3.gz"), labels({0, 1, 5}));
    EXPECT_NE(nadtest::dataErrorOf([&] {
                  IdxReader::readImagesAndLabels(dir.file("img.gz"), dir.file("lab3.gz"), {"a", "b"});
              }).find("label 5 of item 2"),
              std::string::npos);
    // Swapped files: the label file has one dimension, not three.
    EXPECT_NE(nadtest::dataErrorOf([&] {
                  IdxReader::readImagesAndLabels(dir.file("lab3.gz"), dir.file("img.gz"), {"a", "b"});
              }).find("an image file has 3"),
              std::string::npos);
}

TEST(IdxReader, RejectsMissingFile)
{
    EXPECT_NE(nadtest::dataErrorOf([] { IdxReader::read("/nonexistent/file.gz"); }).find("cannot be opened"),
              std::string::npos);
}
