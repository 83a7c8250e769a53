// The zoo models shipped in data/zoo: installed into a user's zoo as they are, once, and refused
// when damaged. (That their weights have the recorded test accuracy is checked in tst_modelzoo,
// end-to-end tier: it evaluates 10,000 images.)
#include "Errors.h"
#include "TestFiles.h"
#include "zoo/ReferenceZoo.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace nad;
namespace fs = std::filesystem;

namespace {

const std::string kShipped = NAD_SOURCE_DIR "/data/zoo";

std::string bytesOf(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST(ReferenceZoo, ShipsTheDemosFourFamilies)
{
    const ModelZoo shipped(kShipped);
    for (const char* family : {"vgg", "resnet", "densenet", "darts"}) {
        const auto entry = shipped.best(family);
        ASSERT_TRUE(entry) << family;
        EXPECT_EQ(entry->training.epochs, 1) << family;  // the demo's default
        EXPECT_EQ(entry->threads, 2) << family;
    }
}

TEST(ReferenceZoo, InstallsTheShippedModelAsItIsAndOnlyOnce)
{
    nadtest::TemporaryDirectory dir;
    const ModelZoo zoo((dir.path() / "zoo").string());
    const auto installed = ReferenceZoo::installInto(zoo, "darts", 1, kShipped);
    ASSERT_TRUE(installed);
    EXPECT_EQ(installed->name, "darts-w8-s1");
    EXPECT_EQ(fs::path(installed->weightsPath).parent_path(), dir.path() / "zoo");
    EXPECT_EQ(bytesOf(installed->weightsPath), bytesOf(kShipped + "/darts-w8-s1.pt"));
    EXPECT_EQ(bytesOf(installed->metadataPath), bytesOf(kShipped + "/darts-w8-s1.json"));
    EXPECT_EQ(zoo.list().size(), 1u);  // no temporary file left behind
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path() / "zoo"), fs::directory_iterator()), 2);
    EXPECT_NO_THROW(zoo.load(*installed));  // its SHA-256 is checked on loading
    // Already there: nothing is copied again.
    EXPECT_FALSE(ReferenceZoo::installInto(zoo, "darts", 1, kShipped));
}

TEST(ReferenceZoo, OtherEpochsOrNoShippedFolderInstallNothing)
{
    nadtest::TemporaryDirectory dir;
    const ModelZoo zoo((dir.path() / "zoo").string());
    EXPECT_FALSE(ReferenceZoo::installInto(zoo, "vgg", 3, kShipped));  // the shipped one had 1 epoch
    EXPECT_FALSE(ReferenceZoo::installInto(zoo, "vgg", 1, ""));
    EXPECT_FALSE(ReferenceZoo::installInto(zoo, "vgg", 1, (dir.path() / "absent").string()));
    EXPECT_TRUE(zoo.list().empty());
}

TEST(ReferenceZoo, DamagedWeightsAreRefusedAndNothingIsInstalled)
{
    nadtest::TemporaryDirectory dir;
    const fs::path damaged = dir.path() / "shipped";
    fs::create_directories(damaged);
    for (const char* file : {"vgg-w16-s1.pt", "vgg-w16-s1.json"})
        fs::copy_file(kShipped + "/" + file, damaged / file);
    {
        std::fstream weights(damaged / "vgg-w16-s1.pt", std::ios::in | std::ios::out | std::ios::binary);
        weights.seekp(5000);
        weights.put('\x5a');
    }
    const ModelZoo zoo((dir.path() / "zoo").string());
    try {
        ReferenceZoo::installInto(zoo, "vgg", 1, damaged.string());
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("vgg-w16-s1.pt' is damaged"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(zoo.list().empty());
}

TEST(ReferenceZoo, TheEnvironmentVariableNamesTheFolder)
{
    ::setenv("NAD_REFERENCE_ZOO", "/some/where", 1);
    EXPECT_EQ(ReferenceZoo::directory(), "/some/where");
    ::unsetenv("NAD_REFERENCE_ZOO");
    const std::string found = ReferenceZoo::directory();
    EXPECT_TRUE(fs::exists(fs::path(found) / "vgg-w16-s1.json")) << found;
}
