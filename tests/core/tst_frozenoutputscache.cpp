#include "TestNetworks.h"
#include "nad/FrozenOutputsCache.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

using namespace nad;

// A run learns the same concepts once per initialization: the frozen outputs of the first are
// reused by the next when the images are the same (even as new tensors), and only then.
TEST(FrozenOutputsCache, ReusesTheLastCallsConceptsByContentAndKeepsNothingElse)
{
    auto network = nadtest::frozenTinyVgg(12);
    torch::manual_seed(22);
    const torch::Tensor a = torch::randn({6, 1, 28, 28}), b = torch::randn({5, 1, 28, 28});
    FrozenOutputsCache cache;
    const auto first = cache.outputsFor(*network, {{3, a}, {7, b}}, torch::kCPU);
    EXPECT_EQ(cache.computedByLastCall(), 2);
    const BlockForward direct = FrozenOutputsCache::compute(*network, {3, a}, true, torch::kCPU);
    EXPECT_TRUE(torch::equal(first[0]->logits, direct.logits));
    ASSERT_EQ(first[0]->blockOutputs.size(), network->blockCount());
    EXPECT_TRUE(torch::equal(first[0]->blockOutputs.back(), direct.blockOutputs.back()));

    const auto again = cache.outputsFor(*network, {{3, a.clone()}, {7, b.clone()}}, torch::kCPU);
    EXPECT_EQ(cache.computedByLastCall(), 0);
    EXPECT_EQ(again[0].get(), first[0].get());
    EXPECT_EQ(again[1].get(), first[1].get());

    torch::Tensor changed = b.clone();
    changed[2][0][5][5] += 1.0f;
    const auto other = cache.outputsFor(*network, {{7, changed}, {4, a}}, torch::kCPU);
    EXPECT_EQ(cache.computedByLastCall(), 2);  // a changed pixel, and the same images under another class
    EXPECT_FALSE(torch::equal(other[0]->logits, first[1]->logits));
    cache.outputsFor(*network, {{3, a}}, torch::kCPU);
    EXPECT_EQ(cache.computedByLastCall(), 1);  // class 3 was not in the last call: dropped, not kept
}
