#include "Errors.h"
#include "nn/FastFrozenBatchNorm2d.h"
#include "nn/NetworkFactory.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

using namespace nad;

namespace {

struct FamilyCase
{
    std::string family;
    std::int64_t width;
    std::size_t expectedBlocks;
};

class BlockNetworkTest : public ::testing::TestWithParam<FamilyCase>
{
protected:
    void SetUp() override
    {
        torch::manual_seed(3);
        NetworkConfig config;
        config.width = GetParam().width;
        m_network = NetworkFactory::create(GetParam().family, config);
        // Give batch norm non-trivial running statistics, as a trained network has.
        m_network->setTrainable(true);
        {
            torch::NoGradGuard noGrad;
            for (int i = 0; i < 3; ++i)
                m_network->forward(torch::randn({8, 1, 28, 28}));
        }
        m_network->freeze();
        m_input = torch::randn({4, 1, 28, 28});
    }
    BlockMasks constantMasks(double value) const
    {
        BlockMasks masks;
        for (const auto& block : m_network->blocks())
            masks.push_back(torch::full({block.channels}, value));
        return masks;
    }

    std::shared_ptr<BlockNetwork> m_network;
    torch::Tensor m_input;
};

}  // namespace

TEST_P(BlockNetworkTest, BlockOutputsMatchDeclaredChannels)
{
    torch::NoGradGuard noGrad;
    ASSERT_EQ(m_network->blockCount(), GetParam().expectedBlocks);
    const BlockForward result = m_network->forward(m_input, {}, true);
    EXPECT_EQ(result.logits.sizes(), (std::vector<std::int64_t>{4, 10}));
    ASSERT_EQ(result.blockOutputs.size(), m_network->blockCount());
    for (std::size_t i = 0; i < m_network->blockCount(); ++i) {
        const auto& out = result.blockOutputs[i];
        ASSERT_EQ(out.dim(), 4) << m_network->blocks()[i].name;
        EXPECT_EQ(out.size(0), 4);
        EXPECT_EQ(out.size(1), m_network->blocks()[i].channels) << m_network->blocks()[i].name;
        EXPECT_GE(out.size(2), 1);
    }
    // Without keepBlockOutputs nothing is retained.
    EXPECT_TRUE(m_network->forward(m_input).blockOutputs.empty());
}

TEST_P(BlockNetworkTest, AllOnesMasksReproduceTheLogitsExactly)
{
    torch::NoGradGuard noGrad;
    const torch::Tensor plain = m_network->forward(m_input).logits;
    const torch::Tensor ones = m_network->forward(m_input, constantMasks(1.0)).logits;
    EXPECT_TRUE(torch::equal(plain, ones));
    // And the network is deterministic in analysis mode (eval, no dropout).
    EXPECT_TRUE(torch::equal(plain, m_network->forward(m_input).logits));
}

TEST_P(BlockNetworkTest, ZeroMaskZeroesThatBlockOnly)
{
    torch::NoGradGuard noGrad;
    const std::size_t target = m_network->blockCount() / 2;
    BlockMasks masks = constantMasks(1.0);
    masks[target] = torch::zeros({m_network->blocks()[target].channels});
    const BlockForward masked = m_network->forward(m_input, masks, true);
    const BlockForward plain = m_network->forward(m_input, {}, true);
    EXPECT_EQ(masked.blockOutputs[target].abs().max().item<float>(), 0.0f);
    EXPECT_TRUE(torch::equal(masked.blockOutputs[target - 1], plain.blockOutputs[target - 1]));
    EXPECT_FALSE(torch::allclose(masked.logits, plain.logits));
}

// The evaluation and the knockout test run the blocks before the first masked one once and
// every mask from there: on the same batch that must give exactly the full masked forward, from
// every block (DARTS cells read two blocks back, the others one).
TEST_P(BlockNetworkTest, ForwardFromASharedPrefixEqualsTheFullForward)
{
    torch::NoGradGuard noGrad;
    const std::size_t blocks = m_network->blockCount();
    for (std::size_t first = 1; first < blocks; ++first) {
        BlockMasks masks = constantMasks(1.0);
        for (std::size_t i = first; i < blocks; ++i)
            masks[i] = (torch::rand({m_network->blocks()[i].channels}) > 0.3).to(torch::kFloat);
        const std::vector<torch::Tensor> before = m_network->outputsBefore(m_input, first);
        ASSERT_EQ(before.size(), first);
        for (std::size_t i = 0; i < first; ++i)  // only what later blocks read is kept
            EXPECT_EQ(before[i].defined(), i + BlockNetwork::kBlocksRead >= first) << i;
        const torch::Tensor full = m_network->forward(m_input, masks).logits;
        EXPECT_TRUE(torch::equal(m_network->forwardFrom(first, before, masks).logits, full))
            << m_network->blocks()[first].name;
    }
    EXPECT_TRUE(torch::equal(m_network->forwardFrom(blocks, m_network->outputsBefore(m_input, blocks)).logits,
                             m_network->forward(m_input).logits));
    EXPECT_THROW(m_network->forwardFrom(0, {}), InvalidArgument);
    EXPECT_THROW(m_network->forwardFrom(2, {torch::Tensor()}), InvalidArgument);
    EXPECT_THROW(m_network->forwardFrom(2, {torch::Tensor(), torch::Tensor()}), InvalidArgument);
    EXPECT_THROW(m_network->outputsBefore(m_input, blocks + 1), InvalidArgument);
}

TEST_P(BlockNetworkTest, GradientsReachMasksButNoParameter)
{
    BlockMasks masks;
    for (const auto& block : m_network->blocks())
        masks.push_back(torch::full({block.channels}, 0.7).requires_grad_(true));
    const BlockForward result = m_network->forward(m_input, masks);
    result.logits.pow(2).sum().backward();
    for (std::size_t i = 0; i < masks.size(); ++i) {
        ASSERT_TRUE(masks[i].grad().defined()) << m_network->blocks()[i].name;
        EXPECT_GT(masks[i].grad().abs().sum().item<float>(), 0.0f) << m_network->blocks()[i].name;
    }
    for (const auto& parameter : m_network->module().parameters()) {
        EXPECT_FALSE(parameter.requires_grad());
        EXPECT_FALSE(parameter.grad().defined());
    }
    EXPECT_FALSE(m_network->module().is_training());
}

TEST_P(BlockNetworkTest, PerSampleMasksMatchSharedMasks)
{
    torch::NoGradGuard noGrad;
    // Sample 0 gets mask A, samples 1..3 mask B; compare with running each mask on its samples.
    BlockMasks a, b, perSample;
    for (const auto& block : m_network->blocks()) {
        a.push_back(torch::rand({block.channels}));
        b.push_back(torch::rand({block.channels}));
        perSample.push_back(torch::stack({a.back(), b.back(), b.back(), b.back()}));
    }
    const torch::Tensor mixed = m_network->forward(m_input, perSample).logits;
    const torch::Tensor onlyA = m_network->forward(m_input.slice(0, 0, 1), a).logits;
    const torch::Tensor onlyB = m_network->forward(m_input.slice(0, 1, 4), b).logits;
    EXPECT_TRUE(torch::allclose(mixed.slice(0, 0, 1), onlyA, 1e-5, 1e-5));
    EXPECT_TRUE(torch::allclose(mixed.slice(0, 1, 4), onlyB, 1e-5, 1e-5));
}

TEST_P(BlockNetworkTest, RunsOnLargerCompositeInputs)
{
    torch::NoGradGuard noGrad;
    const BlockForward result = m_network->forward(torch::randn({1, 1, 56, 56}), {}, true);
    EXPECT_EQ(result.logits.size(1), 10);
    EXPECT_GT(result.blockOutputs.back().size(2), 0);
}

TEST_P(BlockNetworkTest, RejectsMasksOfTheWrongShape)
{
    torch::NoGradGuard noGrad;
    BlockMasks masks = constantMasks(1.0);
    masks[0] = torch::ones({masks[0].size(0) + 1});
    EXPECT_THROW(m_network->forward(m_input, masks), InvalidArgument);
    EXPECT_THROW(m_network->forward(m_input, BlockMasks(2)), InvalidArgument);
}

INSTANTIATE_TEST_SUITE_P(Families, BlockNetworkTest,
                         ::testing::Values(FamilyCase{"vgg", 4, 13}, FamilyCase{"resnet", 4, 17},
                                           FamilyCase{"densenet", 4, 8}, FamilyCase{"darts", 4, 7}),
                         [](const auto& info) { return info.param.family; });

TEST(NetworkFactory, RejectsUnknownFamilyAndBadWidth)
{
    EXPECT_THROW(NetworkFactory::create("alexnet", NetworkConfig{}), InvalidArgument);
    NetworkConfig odd;
    odd.width = 5;
    EXPECT_THROW(NetworkFactory::create("darts", odd), InvalidArgument);
    NetworkConfig tiny;
    tiny.width = 1;
    EXPECT_THROW(NetworkFactory::create("vgg", tiny), InvalidArgument);
}

TEST(NetworkFactory, ImageNetSizedInputsUseThePaperStems)
{
    NetworkConfig config;
    config.width = 4;
    config.inputChannels = 3;
    config.inputSize = 64;
    auto darts = NetworkFactory::create("darts", config);
    EXPECT_EQ(darts->blocks()[0].name, "stem0");
    EXPECT_EQ(darts->blocks()[1].name, "stem1");
    darts->freeze();
    torch::NoGradGuard noGrad;
    EXPECT_EQ(darts->forward(torch::randn({2, 3, 64, 64})).logits.size(1), 10);
    auto vgg = NetworkFactory::create("vgg", config);
    EXPECT_EQ(vgg->blockCount(), 13u);
}

// The authors' placement: a VGG stage's last mask after its max pool (so conv1_2's output is
// already pooled, 28 → 14 px), DenseNet's last mask after the final batch norm and ReLU (its
// output is ≥ 0 and switching it off leaves the classifier only its bias).
TEST(NetworkFactory, MasksSitWhereTheAuthorsPutThem)
{
    torch::manual_seed(5);
    NetworkConfig config;
    config.width = 4;
    torch::NoGradGuard noGrad;
    const torch::Tensor input = torch::randn({3, 1, 28, 28});

    auto vgg = NetworkFactory::create("vgg", config);
    vgg->freeze();
    const auto vggOut = vgg->forward(input, {}, true);
    const std::vector<std::int64_t> sizes = {28, 14, 14, 7, 7, 7, 3, 3, 3, 3, 3, 3, 3};
    for (std::size_t b = 0; b < sizes.size(); ++b)
        EXPECT_EQ(vggOut.blockOutputs[b].size(2), sizes[b]) << vgg->blocks()[b].name;

    auto dense = NetworkFactory::create("densenet", config);
    dense->setTrainable(true);
    for (int i = 0; i < 2; ++i)
        dense->forward(torch::randn({8, 1, 28, 28}));  // non-trivial running statistics
    dense->freeze();
    const auto denseOut = dense->forward(input, {}, true);
    EXPECT_GE(denseOut.blockOutputs.back().min().item<float>(), 0.0f);  // after the ReLU
    BlockMasks masks;
    for (const auto& block : dense->blocks())
        masks.push_back(torch::ones({block.channels}));
    masks.back() = torch::zeros({dense->blocks().back().channels});
    const torch::Tensor logits = dense->forward(input, masks).logits;
    // Every sample gets the same logits (the classifier's bias): nothing of the image gets through.
    EXPECT_TRUE(torch::allclose(logits[0], logits[1])) << logits;
    EXPECT_TRUE(torch::allclose(logits[0], logits[2])) << logits;
}

// The frozen norm's own backward must be batch norm's: the same outputs, the same gradient to the
// input (what a path's masks are learned through), the same training step, the same saved state.
TEST(FastFrozenBatchNorm2dTest, EqualsBatchNormFrozenAndInTraining)
{
    torch::manual_seed(11);
    torch::nn::BatchNorm2d reference(6);
    FastFrozenBatchNorm2d fast(6);
    {
        torch::NoGradGuard noGrad;
        reference->weight.uniform_(0.5, 2.0);
        reference->bias.normal_();
    }
    std::stringstream saved;
    torch::save(reference, saved);
    torch::load(fast, saved);  // a zoo file written with batch norm loads into it

    const torch::Tensor batch = torch::randn({8, 6, 5, 5}) * 3 + 1;
    const torch::Tensor trainedOut = reference->forward(batch);
    EXPECT_TRUE(torch::equal(fast->forward(batch), trainedOut));  // training: batch norm itself
    EXPECT_TRUE(torch::allclose(fast->running_var, reference->running_var));
    EXPECT_GT((reference->running_var - 1).abs().max().item<float>(), 0.1f);  // statistics moved

    reference->eval();
    fast->eval();
    for (auto* module : {static_cast<torch::nn::Module*>(reference.get()), static_cast<torch::nn::Module*>(fast.get())})
        for (auto& p : module->parameters())
            p.set_requires_grad(false);
    const torch::Tensor x = torch::randn({4, 6, 7, 7}, torch::requires_grad());
    const torch::Tensor upstream = torch::randn({4, 6, 7, 7});
    const torch::Tensor expected = reference->forward(x);
    const torch::Tensor expectedGrad = torch::autograd::grad({expected}, {x}, {upstream})[0];
    const torch::Tensor actual = fast->forward(x);
    // The frozen norm's own backward node, not LibTorch's batch-norm backward, carries the gradient.
    EXPECT_NE(expected.grad_fn()->name().find("BatchNormBackward"), std::string::npos) << expected.grad_fn()->name();
    EXPECT_NE(actual.grad_fn()->name().find("FrozenBatchNorm"), std::string::npos) << actual.grad_fn()->name();
    const torch::Tensor actualGrad = torch::autograd::grad({actual}, {x}, {upstream})[0];
    EXPECT_TRUE(torch::equal(actual, expected));  // batch norm's own forward kernel
    EXPECT_TRUE(torch::allclose(actualGrad, expectedGrad, 1e-5, 1e-6)) << (actualGrad - expectedGrad).abs().max();
    EXPECT_GT((expected - x).abs().max().item<float>(), 0.1f);  // the norm is not the identity
}
