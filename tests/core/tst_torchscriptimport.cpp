// Imports real torchvision architectures (random weights, exported by Python) through the
// presets and checks the block decomposition against Python's own submodule-by-submodule run.
#include "Errors.h"
#include "TestFiles.h"
#include "nn/ImportSpecFile.h"
#include "nn/TorchScriptNetwork.h"

#include <gtest/gtest.h>
#include <torch/script.h>

#include <cstdlib>
#include <functional>

using namespace nad;

namespace {

constexpr std::int64_t kInputSize = 64;

class TorchScriptImportTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = new nadtest::TemporaryDirectory;
        const std::string python = NAD_SYSTEM_PYTHON;
        if (python.empty() || std::system((python + " -c 'import torch, torchvision' 2>/dev/null").c_str()) != 0) {
            s_skipReason = "Debian's python3-torch and python3-torchvision are not installed "
                           "(packaging/install-deps.sh installs them)";
            return;
        }
        const std::string command = python + " " NAD_TEST_DATA_DIR "/export_torchvision.py " + s_dir->path().string() +
                                    " " + std::to_string(kInputSize) + " >/dev/null 2>&1";
        if (std::system(command.c_str()) != 0)
            s_setupFailure = "exporting the torchvision models failed: " + command;  // a failure, not a skip
    }
    static void TearDownTestSuite()
    {
        delete s_dir;
        s_dir = nullptr;
    }
    void SetUp() override
    {
        if (!s_setupFailure.empty())
            FAIL() << s_setupFailure;
        if (!s_skipReason.empty())
            GTEST_SKIP() << s_skipReason;
    }
    static ImportSpec spec(const std::string& preset)
    {
        ImportSpec s = ImportSpecFile::preset(preset);
        s.inputSize = kInputSize;
        return s;
    }
    static std::string modelFile(const std::string& name) { return s_dir->file(name + ".pt"); }

    void expectMatchesPython(const std::string& name, std::size_t blocks, std::int64_t lastChannels)
    {
        TorchScriptNetwork network(modelFile(name), spec(name));
        ASSERT_EQ(network.blockCount(), blocks);
        EXPECT_EQ(network.blocks().back().channels, lastChannels);
        EXPECT_FALSE(network.isTraining());
        torch::jit::Module reference = torch::jit::load(s_dir->file(name + "-reference.pt"));
        torch::NoGradGuard noGrad;
        const BlockForward result = network.forward(reference.attr("input").toTensor(), {}, true);
        const torch::Tensor logits = reference.attr("logits").toTensor();
        EXPECT_LE((result.logits - logits).abs().max().item<double>(), 1e-5) << name << " logits";
        for (std::size_t i = 0; i < blocks; ++i) {
            const torch::Tensor expected = reference.attr("block" + std::to_string(i)).toTensor();
            ASSERT_EQ(result.blockOutputs[i].sizes(), expected.sizes()) << name << " block " << i;
            EXPECT_LE((result.blockOutputs[i] - expected).abs().max().item<double>(), 1e-5)
                << name << " block " << network.blocks()[i].name;
        }
        // All-ones masks leave the imported model's logits exactly as they are.
        BlockMasks ones;
        for (const auto& b : network.blocks())
            ones.push_back(torch::ones({b.channels}));
        EXPECT_TRUE(torch::equal(network.forward(reference.attr("input").toTensor(), ones).logits, result.logits));
    }

    static nadtest::TemporaryDirectory* s_dir;
    static std::string s_skipReason;
    static std::string s_setupFailure;
};
nadtest::TemporaryDirectory* TorchScriptImportTest::s_dir = nullptr;
std::string TorchScriptImportTest::s_skipReason;
std::string TorchScriptImportTest::s_setupFailure;

std::string errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const std::exception& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_F(TorchScriptImportTest, Vgg16MatchesPython)
{
    expectMatchesPython("vgg16", 13, 512);
}
TEST_F(TorchScriptImportTest, ResNet50MatchesPython)
{
    expectMatchesPython("resnet50", 17, 2048);
}
TEST_F(TorchScriptImportTest, DenseNet121MatchesPython)
{
    expectMatchesPython("densenet121", 8, 1024);
}

TEST_F(TorchScriptImportTest, GradientsReachMasksOnly)
{
    TorchScriptNetwork network(modelFile("resnet50"), spec("resnet50"));
    BlockMasks masks;
    for (const auto& b : network.blocks())
        masks.push_back(torch::full({b.channels}, 0.5).requires_grad_(true));
    network.forward(torch::randn({1, 3, kInputSize, kInputSize}), masks).logits.sum().backward();
    for (const auto& m : masks)
        EXPECT_TRUE(m.grad().defined());
    for (const auto& p : network.parameters())
        EXPECT_FALSE(p.grad().defined());
}

TEST_F(TorchScriptImportTest, MissingSubmoduleIsNamed)
{
    ImportSpec bad = spec("resnet50");
    bad.blocks[3].steps = {{"layer1.7"}};
    const std::string message = errorOf([&] { TorchScriptNetwork(modelFile("resnet50"), bad); });
    EXPECT_NE(message.find("no submodule 'layer1.7'"), std::string::npos) << message;
    EXPECT_NE(message.find("block 'layer1.2'"), std::string::npos) << message;
}

TEST_F(TorchScriptImportTest, BlocksThatDoNotChainAreNamed)
{
    ImportSpec bad = spec("resnet50");
    std::swap(bad.blocks[4], bad.blocks[5]);  // layer2.1 before layer2.0: 512 channels expected, 256 given
    const std::string message = errorOf([&] { TorchScriptNetwork(modelFile("resnet50"), bad); });
    EXPECT_NE(message.find("block 'layer2.1' does not accept the output of block 'layer1.2'"), std::string::npos)
        << message;
}

TEST_F(TorchScriptImportTest, CorruptFileIsRefused)
{
    nadtest::TemporaryDirectory dir;
    nadtest::writeText(dir.file("model.pt"), "not a zip archive at all");
    const std::string message = errorOf([&] { TorchScriptNetwork(dir.file("model.pt"), spec("vgg16")); });
    EXPECT_NE(message.find("is not a TorchScript model"), std::string::npos) << message;
}

TEST(ImportSpecFile, JsonRoundTripAndErrors)
{
    const ImportSpec preset = ImportSpecFile::preset("densenet121");
    const ImportSpec again = ImportSpecFile::fromJsonText(ImportSpecFile::toJsonText(preset), "round trip");
    ASSERT_EQ(again.blocks.size(), 8u);
    EXPECT_EQ(again.preset, "densenet121");  // the family survives being stored in a project
    EXPECT_EQ(again.blocks[2].name, "transition1");
    EXPECT_EQ(again.blocks.back().steps.back().text, "@relu");  // the last mask after norm5 + ReLU
    EXPECT_EQ(again.classifier[0].text, "@adaptive_avg_pool");
    EXPECT_THROW(ImportSpecFile::fromJsonText("{\"blocks\": []}", "x"), DataError);
    EXPECT_THROW(ImportSpecFile::fromJsonText("{\"blocks\": [{\"name\": \"a\", \"steps\": [\"@gelu\"]}], "
                                              "\"classifier\": [\"fc\"]}",
                                              "x"),
                 DataError);
    EXPECT_THROW(ImportSpecFile::fromJsonText("[1, 2]", "x"), DataError);
    // Found by fuzz_importspec: numbers a float or an integer cannot hold were cast regardless
    // (undefined behaviour); they are errors naming the field.
    const std::string spec = R"({"blocks": [{"name": "a", "steps": ["features"]}], "classifier": ["fc"], )";
    const std::string hugeSize = nadtest::dataErrorOf(
        [&] { ImportSpecFile::fromJsonText(spec + R"("input": {"channels": 1, "size": 2.2e54}})", "s.json"); });
    EXPECT_NE(hugeSize.find("s.json: input size must be an integer"), std::string::npos) << hugeSize;
    const std::string hugeMean = nadtest::dataErrorOf(
        [&] { ImportSpecFile::fromJsonText(spec + R"("normalization": {"mean": [1e300], "std": [1]}})", "s.json"); });
    EXPECT_NE(hugeMean.find("out of range for a 32-bit float"), std::string::npos) << hugeMean;
    EXPECT_THROW(ImportSpecFile::preset("alexnet"), InvalidArgument);
}

// The authors' mask placement (models/imagenet/vgg16.py, densenet121.py): a VGG stage's last
// mask after its max pool, DenseNet's last mask after norm5 and its ReLU.
TEST(ImportSpecFile, PresetsPlaceMasksAsTheAuthorsCode)
{
    const ImportSpec vgg = ImportSpecFile::preset("vgg16");
    ASSERT_EQ(vgg.blocks.size(), 13u);
    EXPECT_EQ(vgg.blocks[1].steps.back().text, "features.4");  // conv1_2, ReLU, pool: then the mask
    EXPECT_EQ(vgg.blocks[2].steps.front().text, "features.5");
    EXPECT_EQ(vgg.blocks[12].steps.back().text, "features.30");
    EXPECT_EQ(vgg.classifier.front().text, "avgpool");
    const ImportSpec dense = ImportSpecFile::preset("densenet121");
    ASSERT_EQ(dense.blocks.size(), 8u);
    ASSERT_EQ(dense.blocks.back().steps.size(), 3u);
    EXPECT_EQ(dense.blocks.back().steps[1].text, "features.norm5");
    EXPECT_EQ(dense.blocks.back().steps[2].text, "@relu");
    EXPECT_EQ(dense.classifier.front().text, "@adaptive_avg_pool");
}
