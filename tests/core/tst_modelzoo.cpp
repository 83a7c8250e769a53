#include "Errors.h"
#include "TestData.h"
#include "TestFiles.h"
#include "data/FashionMnist.h"
#include "nn/ComputeDevice.h"
#include "nn/NetworkFactory.h"
#include "nn/ZooTrainer.h"
#include "zoo/ModelZoo.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <filesystem>
#include <thread>

using namespace nad;
namespace fs = std::filesystem;

namespace {

class ModelZooTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        if (!FashionMnist::looksLikeIdxDirectory(NAD_FASHION_MNIST_DIR))
            return;
        s_train = new ImageSet(nadtest::balancedSubset(FashionMnist::load(NAD_FASHION_MNIST_DIR, Split::Train), 60));
        s_test = new ImageSet(nadtest::balancedSubset(FashionMnist::load(NAD_FASHION_MNIST_DIR, Split::Test), 30));
    }
    static void TearDownTestSuite()
    {
        delete s_train;
        delete s_test;
    }
    void SetUp() override
    {
        if (!s_train)
            GTEST_SKIP() << "Debian's dataset-fashion-mnist is not installed";
        torch::set_num_threads(2);
    }
    static ZooTrainRequest tinyRequest()
    {
        ZooTrainRequest request;
        request.family = "vgg";
        request.width = 4;
        request.training.epochs = 4;
        request.training.batchSize = 32;
        request.training.seed = 7;
        return request;
    }

    static ImageSet* s_train;
    static ImageSet* s_test;
    nadtest::TemporaryDirectory m_dir;
};
ImageSet* ModelZooTest::s_train = nullptr;
ImageSet* ModelZooTest::s_test = nullptr;

}  // namespace

TEST_F(ModelZooTest, TinyTrainingLearnsBetterThanChance)
{
    const ModelZoo zoo(m_dir.file("zoo"));
    const auto entry = zoo.trainOn(tinyRequest(), *s_train, *s_test, "subset");
    ASSERT_TRUE(entry.has_value());
    // 600 images, 4 epochs: far from the zoo's 92 %, but well above the 10 % of guessing.
    EXPECT_GT(entry->testAccuracy, 0.35) << "accuracy " << entry->testAccuracy;
    EXPECT_EQ(entry->blocks.size(), 13u);
    EXPECT_EQ(entry->sha256.size(), 64u);
    EXPECT_TRUE(fs::exists(entry->weightsPath));
    EXPECT_TRUE(fs::exists(entry->metadataPath));
}

TEST_F(ModelZooTest, StoredModelReloadsWithIdenticalLogitsAndMetadata)
{
    const ModelZoo zoo(m_dir.file("zoo"));
    const auto entry = zoo.trainOn(tinyRequest(), *s_train, *s_test, "subset");
    ASSERT_TRUE(entry.has_value());
    const auto listed = zoo.list();
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].name, "vgg-w4-s7");
    EXPECT_EQ(listed[0].sha256, entry->sha256);
    EXPECT_EQ(listed[0].classNames[9], "Ankle boot");
    EXPECT_DOUBLE_EQ(listed[0].testAccuracy, entry->testAccuracy);

    auto network = zoo.load(listed[0]);
    EXPECT_FALSE(network->module().is_training());
    const double reloaded = ZooTrainer::accuracy(*network, *s_test, listed[0].normalization);
    EXPECT_DOUBLE_EQ(reloaded, entry->testAccuracy);
}

TEST_F(ModelZooTest, SameSeedSameWeights)
{
    const ModelZoo a(m_dir.file("a")), b(m_dir.file("b"));
    auto request = tinyRequest();
    request.training.epochs = 1;
    EXPECT_EQ(a.trainOn(request, *s_train, *s_test, "subset")->sha256,
              b.trainOn(request, *s_train, *s_test, "subset")->sha256);
}

// Two models trained at once on two threads: the data order and flips
// come from each training's own generator and the initial weights are drawn under a lock, so
// each model is the one it would be alone (with LibTorch's global generator shared, the two data
// orders would interleave).
TEST_F(ModelZooTest, ModelsTrainedAtOnceOnTwoThreadsEqualThoseTrainedAlone)
{
    auto vgg = tinyRequest();
    vgg.training.epochs = 1;
    vgg.training.horizontalFlips = true;
    auto resnet = vgg;
    resnet.family = "resnet";
    const auto train = [this](const std::string& folder, const ZooTrainRequest& request, std::string& sha) {
        return std::thread([this, folder, request, &sha] {
            const auto entry = ModelZoo(m_dir.file(folder)).trainOn(request, *s_train, *s_test, "subset");
            sha = entry ? entry->sha256 : "cancelled";
        });
    };
    std::string vggAlone, resnetAlone, vggAtOnce, resnetAtOnce;
    train("alone", vgg, vggAlone).join();
    train("alone", resnet, resnetAlone).join();
    std::thread first = train("at-once", vgg, vggAtOnce);
    std::thread second = train("at-once", resnet, resnetAtOnce);
    first.join();
    second.join();
    EXPECT_EQ(vggAlone.size(), 64u);
    EXPECT_NE(vggAlone, resnetAlone);
    EXPECT_EQ(vggAtOnce, vggAlone);
    EXPECT_EQ(resnetAtOnce, resnetAlone);
    // Each entry says how many LibTorch threads it trained with (its weights depend on it): those
    // ComputeDevice gives a job.
    ComputeDevice::configureProcess();
    const auto entries = ModelZoo(m_dir.file("at-once")).list();
    ASSERT_EQ(entries.size(), 2u);
    for (const auto& entry : entries)
        EXPECT_EQ(entry.threads, torch::get_num_threads()) << entry.name;
}

TEST_F(ModelZooTest, TamperedWeightsAreRefused)
{
    const ModelZoo zoo(m_dir.file("zoo"));
    auto request = tinyRequest();
    request.training.epochs = 1;
    const auto entry = zoo.trainOn(request, *s_train, *s_test, "subset");
    auto bytes = nadtest::readBytes(entry->weightsPath);
    bytes[bytes.size() / 2] ^= 0x01;
    nadtest::writeBytes(entry->weightsPath, bytes);
    try {
        zoo.load(*entry);
        FAIL() << "tampered weights were loaded";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("do not match"), std::string::npos) << e.what();
    }
}

TEST_F(ModelZooTest, CancelledTrainingWritesNothing)
{
    const ModelZoo zoo(m_dir.file("zoo"));
    std::atomic<bool> cancel{false};
    int steps = 0;
    const auto entry = zoo.trainOn(
        tinyRequest(), *s_train, *s_test, "subset",
        [&](const TrainingProgress&) {
            if (++steps == 3)
                cancel = true;
        },
        &cancel);
    EXPECT_FALSE(entry.has_value());
    EXPECT_EQ(steps, 3);  // stopped at the next step
    EXPECT_TRUE(zoo.list().empty());
    EXPECT_FALSE(fs::exists(m_dir.file("zoo")) && !fs::is_empty(m_dir.file("zoo")));
}

TEST(TrainingOptions, RejectsOutOfRangeValues)
{
    TrainingOptions o;
    o.epochs = 0;
    EXPECT_THROW(o.validate(), InvalidArgument);
    o = {};
    o.batchSize = 0;
    EXPECT_THROW(o.validate(), InvalidArgument);
    o = {};
    o.maxLearningRate = -0.1;
    EXPECT_THROW(o.validate(), InvalidArgument);
}

// The shipped zoo models (data/zoo, ReferenceZoo.h) are what their metadata says: the recorded test accuracy, measured
// again on Fashion-MNIST's 10,000 test images (DARTS, the quickest to evaluate).
TEST(ReferenceZoo, AShippedModelHasItsRecordedTestAccuracy)
{
    if (!FashionMnist::looksLikeIdxDirectory(NAD_FASHION_MNIST_DIR))
        GTEST_SKIP() << "Debian's dataset-fashion-mnist is not installed (packaging/install-deps.sh installs it)";
    const ModelZoo shipped(NAD_SOURCE_DIR "/data/zoo");
    const auto entry = shipped.find("darts-w8-s1");
    ASSERT_TRUE(entry);
    auto network = shipped.load(*entry);
    const ImageSet test = FashionMnist::load(NAD_FASHION_MNIST_DIR, Split::Test);
    torch::set_num_threads(2);  // as it was trained and evaluated; 5 images of slack for another CPU's rounding
    EXPECT_NEAR(ZooTrainer::accuracy(*network, test, entry->normalization), entry->testAccuracy, 5e-4);
}
