// The metrics that tell a real path from the whole network or a detector (issue 14): AUROC,
// the knockout test against random units, Var(M), unit sharing per block, tie detection.
#include "Errors.h"
#include "ToyNetwork.h"
#include "analysis/Auroc.h"
#include "analysis/KnockoutTest.h"
#include "analysis/PathEvaluator.h"
#include "analysis/PathMetrics.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <algorithm>
#include <numeric>
#include <set>

using namespace nad;

TEST(Auroc, CountsPairsWithTiesAsOneHalf)
{
    // Positives 0.9, 0.5; negatives 0.5, 0.1: pairs (0.9>0.5) (0.9>0.1) (0.5=0.5 → ½) (0.5>0.1) = 3.5 / 4.
    EXPECT_DOUBLE_EQ(auroc({0.9f, 0.5f, 0.5f, 0.1f}, {true, true, false, false}), 0.875);
    EXPECT_DOUBLE_EQ(auroc({1, 2, 3, 4}, {false, false, true, true}), 1.0);
    EXPECT_DOUBLE_EQ(auroc({1, 2, 3, 4}, {true, true, false, false}), 0.0);
    EXPECT_DOUBLE_EQ(auroc({7, 7, 7, 7, 7}, {true, false, false, true, false}), 0.5);  // a constant score: chance
    EXPECT_THROW(auroc({1, 2}, {true, true}), InvalidArgument);
    EXPECT_THROW(auroc({1, 2}, {true}), InvalidArgument);
}

TEST(PathMetrics, SharingVarianceAndTies)
{
    // Three paths over one block of 4 units: unit 0 used by all, 1 by two, 2 by one, 3 by none.
    const std::vector<PackedPath> paths = {PackedPath({{1, 1, 1, 0}}), PackedPath({{1, 1, 0, 0}}),
                                           PackedPath({{1, 0, 0, 0}})};
    const auto sharing = PathMetrics::sharingPerBlock(paths);
    ASSERT_EQ(sharing.size(), 1u);
    EXPECT_EQ(sharing[0].all, 1);
    EXPECT_EQ(sharing[0].some, 1);
    EXPECT_EQ(sharing[0].one, 1);
    EXPECT_DOUBLE_EQ(PathMetrics::minimumUsagePerBlock(paths)[0], 0.25);
    // M pairs: J(a,b) = 2/3, J(a,c) = 1/3, J(b,c) = 1/2; their variance by hand.
    const auto m = PathMetrics::similarityMatrix(paths);
    const double mean = (2.0 / 3 + 1.0 / 3 + 0.5) / 3;
    const double variance =
        ((2.0 / 3 - mean) * (2.0 / 3 - mean) + (1.0 / 3 - mean) * (1.0 / 3 - mean) + (0.5 - mean) * (0.5 - mean)) / 3;
    EXPECT_NEAR(PathMetrics::similarityVariance(m), variance, 1e-12);
    EXPECT_FALSE(PathMetrics::hasTiedMerges(m));
    // Every path the whole network: M = 1 everywhere, every merge at distance 0.
    const std::vector<PackedPath> whole(4, PackedPath({{1, 1, 1, 1}}));
    EXPECT_TRUE(PathMetrics::hasTiedMerges(PathMetrics::similarityMatrix(whole)));
    EXPECT_NEAR(PathMetrics::similarityVariance(PathMetrics::similarityMatrix(whole)), 0.0, 1e-15);
}

namespace {

LearnedPath pathOf(std::int64_t cls, std::vector<std::vector<std::uint8_t>> binary)
{
    LearnedPath p;
    p.classIndex = cls;
    p.binary = std::move(binary);
    return p;
}

// Two 1×1 images per class on the toy network (logits [h0 + h1, −(h0 + h1)]): pixels p become
// p − 127.5. Class 0: (10.5, −2.5), sum 8 → class 0; class 1: (3.5, −10.5), sum −7 → class 1.
ImageSet toyImages()
{
    ImageSet set;
    set.channels = 2;
    set.height = set.width = 1;
    set.pixels = {138, 125, 138, 125, 131, 117, 131, 117};
    set.labels = {0, 0, 1, 1};
    return set;
}

}  // namespace

TEST(KnockoutTest, OwnUnitsAreThoseMostOthersLeaveOff)
{
    const std::vector<LearnedPath> paths = {pathOf(0, {{1, 1, 0}}), pathOf(1, {{0, 1, 1}}), pathOf(2, {{0, 1, 0}})};
    EXPECT_EQ(KnockoutTest::ownUnits(paths, 0), (std::vector<std::vector<std::uint8_t>>{{1, 0, 0}}));
    EXPECT_EQ(KnockoutTest::ownUnits(paths, 1), (std::vector<std::vector<std::uint8_t>>{{0, 0, 1}}));
    EXPECT_EQ(KnockoutTest::ownUnits(paths, 2), (std::vector<std::vector<std::uint8_t>>{{0, 0, 0}}));
    // The control keeps the count per block and varies with the seed.
    const std::vector<std::vector<std::uint8_t>> units = {{1, 1, 0, 0, 0, 0, 0, 0}, {1}};
    std::set<std::vector<std::uint8_t>> seen;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const auto drawn = KnockoutTest::randomUnitsLike(units, seed);
        EXPECT_EQ(std::accumulate(drawn[0].begin(), drawn[0].end(), 0), 2);
        EXPECT_EQ(drawn[1], std::vector<std::uint8_t>{1});
        seen.insert(drawn[0]);
    }
    EXPECT_GT(seen.size(), 5u);
}

TEST(KnockoutTest, OwnUnitsOffLoseTheConceptAndKeepTheOthers)
{
    nadtest::ToyNetwork network;
    network.freeze();
    const Normalization normalization{{0.5f}, {1.0f / 255.0f}};
    // Concept 0 keeps channel 0, concept 1 channel 1; both keep the sum.
    const std::vector<LearnedPath> paths = {pathOf(0, {{1, 0}, {1}}), pathOf(1, {{0, 1}, {1}})};
    const auto accuracy = KnockoutTest::accuracyPerClass(network, toyImages(), normalization, {});
    EXPECT_EQ(accuracy, (std::vector<double>{1.0, 1.0}));
    const auto results = KnockoutTest::run(network, toyImages(), normalization, paths, 12, 3);
    ASSERT_EQ(results.size(), 2u);
    for (const auto& r : results) {
        EXPECT_EQ(r.units, 1) << r.classIndex;
        EXPECT_EQ(r.unitsPerBlock, (std::vector<int>{1, 0}));
        EXPECT_DOUBLE_EQ(r.ownDrop, 1.0);     // channel c off: the sum changes sign
        EXPECT_DOUBLE_EQ(r.othersDrop, 0.0);  // the other class never needed it
        // One random unit of two in block 0: each draw loses exactly one of the two classes.
        EXPECT_NEAR(r.randomOwnDrop + r.randomOthersDrop, 1.0, 1e-12);
        EXPECT_NEAR(r.randomOwnDropStd, std::sqrt(r.randomOwnDrop * (1 - r.randomOwnDrop)), 1e-12);
    }
    EXPECT_THROW(KnockoutTest::run(network, toyImages(), normalization, {paths[0]}), InvalidArgument);
}

// One initialization's own units are a noisy sample (the demo's DARTS: 1, 7 and 5 of 10 concepts
// causal in its three), so a run reports each concept's drops averaged over initializations.
TEST(KnockoutTest, MeanOverInitializationsAveragesDropsAndPoolsTheControlsSpread)
{
    KnockoutResult a;
    a.classIndex = 5;
    a.unitsPerBlock = {6, 4};
    a.units = 10;
    a.ownDrop = 0.60;
    a.othersDrop = 0.05;
    a.randomOwnDrop = 0.04;
    a.randomOwnDropStd = 0.03;
    a.randomOthersDrop = 0.02;
    a.randomOthersDropStd = 0.01;
    a.causalInitializations = 1;
    KnockoutResult none;  // no units of its own in this initialization: every drop 0
    none.classIndex = 5;
    none.unitsPerBlock = {0, 1};  // (never with 0 units in practice; checks the per-block rounding)
    KnockoutResult c = a;
    c.unitsPerBlock = {2, 3};
    c.units = 5;
    c.ownDrop = 0.30;
    c.othersDrop = 0.20;  // 0.30 < 3 × 0.20: not causal alone
    c.randomOwnDrop = 0.02;
    c.randomOwnDropStd = 0.04;
    c.causalInitializations = 0;

    const auto means = KnockoutTest::meanOverInitializations({{a}, {none}, {c}});
    ASSERT_EQ(means.size(), 1u);
    const KnockoutResult& m = means.front();
    EXPECT_EQ(m.classIndex, 5);
    EXPECT_EQ(m.units, 5);                                 // 15 / 3
    EXPECT_EQ(m.unitsPerBlock, (std::vector<int>{3, 3}));  // 8 / 3 → 3; 8 / 3 → 3
    EXPECT_NEAR(m.ownDrop, 0.30, 1e-12);
    EXPECT_NEAR(m.othersDrop, 0.25 / 3, 1e-12);
    EXPECT_NEAR(m.randomOwnDrop, 0.02, 1e-12);
    EXPECT_NEAR(m.randomOwnDropStd, std::sqrt((0.0009 + 0.0016) / 3), 1e-12);
    EXPECT_NEAR(m.randomOthersDropStd, std::sqrt(0.0002 / 3), 1e-12);
    EXPECT_EQ(m.initializations, 3);
    EXPECT_EQ(m.causalInitializations, 1);
    EXPECT_TRUE(m.causal());  // 0.30 >= 0.10, >= 3 × 0.02 and >= 3 × 0.083

    // A concept with one own unit in one initialization of three keeps a unit, so its drops count.
    KnockoutResult one = none;
    one.unitsPerBlock = {1, 0};
    one.units = 1;
    none.unitsPerBlock = {0, 0};
    const auto sparse = KnockoutTest::meanOverInitializations({{one}, {none}, {none}});
    EXPECT_EQ(sparse.front().units, 1);
    EXPECT_EQ(sparse.front().unitsPerBlock, (std::vector<int>{1, 0}));

    KnockoutResult other = a;
    other.classIndex = 6;
    EXPECT_THROW(KnockoutTest::meanOverInitializations({{a}, {other}}), InvalidArgument);
    EXPECT_THROW(KnockoutTest::meanOverInitializations({{a}, {a, a}}), InvalidArgument);
    EXPECT_TRUE(KnockoutTest::meanOverInitializations({}).empty());
}

TEST(KnockoutTest, RunOverInitializationsAveragesTheFirstThree)
{
    nadtest::ToyNetwork network;
    network.freeze();
    const Normalization normalization{{0.5f}, {1.0f / 255.0f}};
    // Separate units: each concept's own channel, a drop of 1 on it. Shared: no own units, no drop.
    const std::vector<LearnedPath> separate = {pathOf(0, {{1, 0}, {1}}), pathOf(1, {{0, 1}, {1}})};
    const std::vector<LearnedPath> shared = {pathOf(0, {{1, 1}, {1}}), pathOf(1, {{1, 1}, {1}})};
    const ImageSetSource images(toyImages());
    const auto alone = KnockoutTest::run(network, images, normalization, separate, 0);
    // The fourth initialization is left out: with it the mean drop would be 1/2, not 1/3.
    const auto means =
        KnockoutTest::runOverInitializations(network, images, normalization, {separate, shared, shared, separate}, 0);
    ASSERT_EQ(means.size(), 2u);
    for (std::size_t c = 0; c < 2; ++c) {
        EXPECT_EQ(means[c].initializations, 3);
        EXPECT_NEAR(means[c].ownDrop, 1.0 / 3, 1e-12);
        EXPECT_NEAR(means[c].othersDrop, 0.0, 1e-12);
        EXPECT_NEAR(means[c].randomOwnDrop, alone[c].randomOwnDrop / 3, 1e-12);  // the first draws are seed 1's
        EXPECT_EQ(means[c].causalInitializations, alone[c].causal() ? 1 : 0);
        EXPECT_EQ(means[c].units, 1);
    }
}

// Issue 16: with many concepts, each path's specificity is measured on a seeded sample of the
// other concepts' images, and the knockout compares a concept with a sample of the others.
TEST(PathEvaluator, SampledNegativesKeepOwnImagesAndASeededShareOfTheOthers)
{
    ImageSet set;
    set.channels = set.height = set.width = 1;
    for (int i = 0; i < 60; ++i) {
        set.labels.push_back(i % 6);
        set.pixels.push_back(std::uint8_t(i));
    }
    const auto all = PathEvaluator::evaluationImages(set.labels, 2, 0);
    EXPECT_EQ(all.size(), 60u);
    const auto sampled = PathEvaluator::evaluationImages(set.labels, 2, 7);
    ASSERT_EQ(sampled.size(), 10u + 7u);  // class 2's ten, seven of the fifty others
    EXPECT_TRUE(std::is_sorted(sampled.begin(), sampled.end()));
    EXPECT_EQ(std::set<std::size_t>(sampled.begin(), sampled.end()).size(), sampled.size());
    int own = 0;
    for (std::size_t i : sampled)
        own += set.labels[i] == 2 ? 1 : 0;
    EXPECT_EQ(own, 10);
    EXPECT_EQ(PathEvaluator::evaluationImages(set.labels, 2, 7), sampled);       // seeded
    EXPECT_NE(PathEvaluator::evaluationImages(set.labels, 3, 7).size(), 0u);     // another concept, its own sample
    EXPECT_EQ(PathEvaluator::evaluationImages(set.labels, 2, 500).size(), 60u);  // more than there are: all

    // The knockout's comparison concepts: all of them up to the limit, else a seeded sample.
    EXPECT_EQ(KnockoutTest::comparedWith(4, 1, 20), (std::vector<std::size_t>{0, 2, 3}));
    const auto compared = KnockoutTest::comparedWith(1000, 17, 20);
    ASSERT_EQ(compared.size(), 20u);
    EXPECT_EQ(std::count(compared.begin(), compared.end(), 17u), 0);
    EXPECT_EQ(KnockoutTest::comparedWith(1000, 17, 20), compared);
    EXPECT_NE(KnockoutTest::comparedWith(1000, 18, 20), compared);
}

TEST(PathEvaluator, SampledEvaluationMeasuresOnTheSample)
{
    nadtest::ToyNetwork network;
    network.freeze();
    const Normalization normalization{{0.5f}, {1.0f / 255.0f}};
    // Class 0's path keeps channel 0 only: class 1's images (3.5, −10.5) then read +3.5 → called 0.
    const std::vector<LearnedPath> paths = {pathOf(0, {{1, 0}, {1}})};
    const auto full = PathEvaluator::evaluate(network, toyImages(), normalization, paths);
    ASSERT_EQ(full.size(), 1u);
    EXPECT_DOUBLE_EQ(full[0].pathPrecision, 1.0);
    EXPECT_DOUBLE_EQ(full[0].pathSpecificity, 0.0);
    EXPECT_DOUBLE_EQ(full[0].originalSpecificity, 1.0);
    const auto one = PathEvaluator::evaluate(network, toyImages(), normalization, paths, 500, 1);
    EXPECT_DOUBLE_EQ(one[0].pathPrecision, 1.0);
    EXPECT_DOUBLE_EQ(one[0].pathSpecificity, 0.0);  // the one negative drawn is class 1's, called 0
    EXPECT_DOUBLE_EQ(one[0].originalAuroc, 1.0);
}

namespace {

// The toy images as a source that records every read and claims images of kChunkBytes each, so
// an evaluation must read them one batch at a time.
class RecordingSource : public ImageSource
{
public:
    explicit RecordingSource(ImageSet images) : m_inner(std::move(images)) {}
    const std::vector<std::int64_t>& labels() const override { return m_inner.labels(); }
    ImageSet read(const std::vector<std::size_t>& indices, std::vector<std::size_t>* read) const override
    {
        reads.push_back(indices);
        return m_inner.read(indices, read);
    }
    std::size_t imageBytes() const override { return PathEvaluator::kChunkBytes; }
    mutable std::vector<std::vector<std::size_t>> reads;

private:
    ImageSetSource m_inner;
};

// Six images per class: the toy images three times over.
ImageSet toyImagesTimesThree()
{
    ImageSet set = toyImages();
    set.classNames = {"zero", "one"};  // KnockoutTest::sample takes the classes it names
    const ImageSet once = toyImages();
    for (int k = 0; k < 2; ++k) {
        set.pixels.insert(set.pixels.end(), once.pixels.begin(), once.pixels.end());
        set.labels.insert(set.labels.end(), once.labels.begin(), once.labels.end());
    }
    return set;
}

}  // namespace

// Issue 16: the evaluation streams the held-out split. Read a batch at a time it gives the
// metrics of the evaluation on the set in memory, and never asks for more than a batch at once.
TEST(PathEvaluator, StreamedEvaluationReadsABatchAtATimeAndAgrees)
{
    nadtest::ToyNetwork network;
    network.freeze();
    const Normalization normalization{{0.5f}, {1.0f / 255.0f}};
    const std::vector<LearnedPath> paths = {pathOf(0, {{1, 0}, {1}}), pathOf(1, {{0, 1}, {1}})};
    const ImageSet images = toyImagesTimesThree();
    const auto inMemory = PathEvaluator::evaluate(network, images, normalization, paths);
    RecordingSource source(images);
    const auto streamed = PathEvaluator::evaluate(network, source, normalization, paths, 2);
    ASSERT_EQ(streamed.size(), inMemory.size());
    for (std::size_t p = 0; p < paths.size(); ++p) {
        EXPECT_DOUBLE_EQ(streamed[p].pathPrecision, inMemory[p].pathPrecision);
        EXPECT_DOUBLE_EQ(streamed[p].pathSpecificity, inMemory[p].pathSpecificity);
        EXPECT_DOUBLE_EQ(streamed[p].originalSpecificity, inMemory[p].originalSpecificity);
        EXPECT_DOUBLE_EQ(streamed[p].pathAuroc, inMemory[p].pathAuroc);
        EXPECT_DOUBLE_EQ(streamed[p].originalAuroc, inMemory[p].originalAuroc);
    }
    EXPECT_DOUBLE_EQ(streamed[0].pathSpecificity, 0.0);  // class 1's images read +3.5: called 0
    // The original network once over the 12 images, then each path over its 12: 3 × 6 reads.
    ASSERT_EQ(source.reads.size(), 18u);
    for (const auto& read : source.reads)
        EXPECT_LE(read.size(), 2u);
}

// The knockout reads, per concept, only the first images of its class and of the classes it is
// compared with, and gives what the test gives on that sample in memory.
TEST(KnockoutTest, StreamedKnockoutReadsOnlyTheComparedClassesSample)
{
    nadtest::ToyNetwork network;
    network.freeze();
    const Normalization normalization{{0.5f}, {1.0f / 255.0f}};
    const std::vector<LearnedPath> paths = {pathOf(0, {{1, 0}, {1}}), pathOf(1, {{0, 1}, {1}})};
    const ImageSet images = toyImagesTimesThree();
    RecordingSource source(images);
    const auto streamed = KnockoutTest::run(network, source, normalization, paths, 2, 12, 3);
    const auto inMemory = KnockoutTest::run(network, KnockoutTest::sample(images, 2), normalization, paths, 12, 3);
    ASSERT_EQ(streamed.size(), 2u);
    for (std::size_t c = 0; c < 2; ++c) {
        EXPECT_EQ(streamed[c].units, inMemory[c].units);
        EXPECT_DOUBLE_EQ(streamed[c].ownDrop, inMemory[c].ownDrop);
        EXPECT_DOUBLE_EQ(streamed[c].othersDrop, inMemory[c].othersDrop);
        EXPECT_DOUBLE_EQ(streamed[c].randomOwnDrop, inMemory[c].randomOwnDrop);
    }
    // Both concepts compare with each other: one read of the first two images of each class.
    ASSERT_EQ(source.reads.size(), 1u);
    EXPECT_EQ(source.reads[0], (std::vector<std::size_t>{0, 1, 2, 3}));
}

// Blocks where every path keeps every unit are the original network's: the evaluation runs them
// once, with the original, and each path from its first masked block on, without reading its
// images again; a path that keeps everything has the original's logits.
TEST(PathEvaluator, PathsRunFromTheOriginalsOutputsBeforeTheirFirstMaskedBlock)
{
    nadtest::ToyNetwork network;
    network.freeze();
    const Normalization normalization{{0.5f}, {1.0f / 255.0f}};
    // Concept 0's path switches the sum off (logits 0, 0: everything is called class 0);
    // concept 1's keeps every unit.
    const std::vector<LearnedPath> paths = {pathOf(0, {{1, 1}, {0}}), pathOf(1, {{1, 1}, {1}})};
    EXPECT_EQ(PathEvaluator::firstBlockWith(paths[0].binary, 0), 1u);
    EXPECT_EQ(PathEvaluator::firstBlockWith(paths[1].binary, 0), 2u);
    RecordingSource source(toyImagesTimesThree());
    const auto results = PathEvaluator::evaluate(network, source, normalization, paths, 2);
    EXPECT_EQ(source.reads.size(), 6u);  // the original's pass over the 12 images only
    ASSERT_EQ(results.size(), 2u);
    EXPECT_DOUBLE_EQ(results[0].pathPrecision, 1.0);
    EXPECT_DOUBLE_EQ(results[0].pathSpecificity, 0.0);
    EXPECT_DOUBLE_EQ(results[0].pathAuroc, 0.5);  // every logit tied at 0
    EXPECT_DOUBLE_EQ(results[1].pathPrecision, results[1].originalPrecision);
    EXPECT_DOUBLE_EQ(results[1].pathSpecificity, 1.0);
    EXPECT_DOUBLE_EQ(results[1].pathAuroc, 1.0);

    // The knockout's sets all start in block 1 here: its accuracies per set, with block 0 run once.
    const auto accuracies = KnockoutTest::accuraciesPerClass(
        network, toyImages(), normalization, {{{0, 0}, {1}}, {{0, 0}, {0}}});  // the sum off; nothing off
    EXPECT_EQ(accuracies, (std::vector<std::vector<double>>{{1.0, 0.0}, {1.0, 1.0}}));
}
