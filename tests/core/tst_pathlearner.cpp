#include "Errors.h"
#include "ToyNetwork.h"
#include "analysis/PackedPath.h"
#include "analysis/PathMetrics.h"
#include "nad/EngineTiming.h"
#include "nad/LambdaSweep.h"
#include "nad/NegativePool.h"
#include "nad/PathLearner.h"
#include "nn/NetworkFactory.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <random>

using namespace nad;

namespace {

using nadtest::toyConceptBatch;
using nadtest::toyMasks;
using nadtest::ToyNetwork;

LearnerOptions options(LearnerPreset preset, double lambda)
{
    LearnerOptions o;
    o.preset = preset;
    o.lambda = lambda;
    return o;
}

std::shared_ptr<BlockNetwork> smallVgg()
{
    torch::manual_seed(11);
    NetworkConfig config;
    config.width = 4;
    auto network = NetworkFactory::create("vgg", config);
    network->setTrainable(true);
    {
        torch::NoGradGuard noGrad;
        for (int i = 0; i < 3; ++i)
            network->forward(torch::randn({16, 1, 28, 28}));
    }
    network->freeze();
    return network;
}

}  // namespace

// The authors' setting: lr 0.1, 21 epochs over the concept's images, β per family.
TEST(PathLearner, OfficialDefaultsAreTheAuthors)
{
    const LearnerOptions o = LearnerOptions::officialDefaults();
    EXPECT_EQ(o.preset, LearnerPreset::Official);
    EXPECT_EQ(o.alpha, 0.1);
    EXPECT_EQ(o.epochs, 21);
    EXPECT_EQ(o.convergenceWindow, 0);
    EXPECT_EQ(o.budgetFor(100), 21 * 7);  // ⌈100 / 16⌉ batches per epoch
    EXPECT_EQ(o.budgetFor(96), 21 * 6);
    EXPECT_EQ(LearnerOptions().budgetFor(96), LearnerOptions().steps);  // no epochs: the maximum
    EXPECT_EQ(LearnerOptions::defaultLambda("vgg", LearnerPreset::Official), 4.5);
    EXPECT_EQ(LearnerOptions::defaultLambda("resnet", LearnerPreset::Official), 0.02);
    EXPECT_EQ(LearnerOptions::defaultLambda("densenet", LearnerPreset::Official), 0.02);
    EXPECT_EQ(LearnerOptions::defaultLambda("darts", LearnerPreset::Official), 0.45);
}

TEST(PathLearner, NormalizedStepMovesEachBlockByAlpha)
{
    ToyNetwork network;
    PathLearner learner(network, options(LearnerPreset::Paper, 0.1));
    auto masks = toyMasks();
    learner.loss(masks, toyConceptBatch()).total.backward();
    const torch::Tensor g0 = masks[0].grad().clone();
    const torch::Tensor before0 = masks[0].detach().clone();
    const torch::Tensor before1 = masks[1].detach().clone();
    PathLearner::normalizedStep(masks, 0.3, {true});
    // s ← s − α g/||g||: every block moves by exactly α, against its gradient.
    EXPECT_NEAR((masks[0].detach() - before0).norm().item<double>(), 0.3, 1e-6);
    EXPECT_NEAR((masks[1].detach() - before1).norm().item<double>(), 0.3, 1e-6);
    EXPECT_TRUE(torch::allclose(masks[0].detach(), before0 - 0.3 * g0 / g0.norm(), 1e-6, 1e-6));
    // An inactive concept row stays where it is.
    auto frozen = toyMasks();
    learner.loss(frozen, toyConceptBatch()).total.backward();
    PathLearner::normalizedStep(frozen, 0.3, {false});
    EXPECT_TRUE(torch::equal(frozen[1].detach(), before1));
}

TEST(PathLearner, BinarizesAtSigmoidOneHalf)
{
    const auto binary = PathLearner::binarize({torch::tensor({-0.1f, 0.0f, 0.2f}), torch::tensor({5.0f})});
    EXPECT_EQ(binary[0], (std::vector<std::uint8_t>{0, 0, 1}));
    EXPECT_EQ(binary[1], (std::vector<std::uint8_t>{1}));
}

TEST(PathLearner, BatchedConceptsEqualOneByOne)
{
    auto network = smallVgg();
    torch::manual_seed(5);
    std::vector<ConceptImages> concepts;
    for (std::int64_t c = 0; c < 3; ++c)
        concepts.push_back({c, torch::randn({24, 1, 28, 28}) + 0.3 * double(c)});
    LearnerOptions o = options(LearnerPreset::Paper, 0.05);
    o.steps = 15;
    o.batchSize = 8;
    PathLearner learner(*network, o);
    const auto together = learner.learn(concepts, 0);
    for (std::size_t c = 0; c < concepts.size(); ++c) {
        const auto alone = learner.learn({concepts[c]}, 0);
        ASSERT_EQ(alone.size(), 1u);
        EXPECT_EQ(alone[0].binary, together[c].binary) << "concept " << c;
        for (std::size_t i = 0; i < network->blockCount(); ++i)
            EXPECT_TRUE(torch::allclose(alone[0].logits[i], together[c].logits[i], 1e-4, 1e-4))
                << "concept " << c << " block " << i;
    }
    // Different initializations start from different masks.
    EXPECT_FALSE(torch::equal(learner.initialLogits(0, 0)[0], learner.initialLogits(0, 1)[0]));
    EXPECT_TRUE(torch::equal(learner.initialLogits(2, 1)[3], learner.initialLogits(2, 1)[3]));
}

TEST(PathLearner, CancelStopsWithinOneStepAndConvergenceEndsSettledPaths)
{
    auto network = smallVgg();
    std::vector<ConceptImages> concepts{{0, torch::randn({8, 1, 28, 28})}};
    LearnerOptions o = options(LearnerPreset::Paper, 0.05);
    o.steps = 50;
    o.batchSize = 4;
    std::atomic<bool> cancel{false};
    PathLearner learner(*network, o);
    int seen = 0;
    const auto cancelled = learner.learn(
        concepts, 0,
        [&](const LearnerProgress& p) {
            seen = p.step;
            if (p.step == 2)
                cancel = true;
        },
        &cancel);
    EXPECT_EQ(seen, 2);
    EXPECT_EQ(cancelled[0].steps, 2);

    // A huge λ switches every unit off within a few steps; the path then stops changing and the
    // convergence rule ends it at the first check after the minimum.
    o.lambda = 1000;
    o.alpha = 2.0;
    o.convergenceWindow = 3;
    o.convergenceTolerance = 0;
    o.minSteps = 0;
    const auto early = PathLearner(*network, o).learn(concepts, 0);
    EXPECT_LT(early[0].steps, 50);
    EXPECT_EQ(early[0].steps % 3, 0);
    EXPECT_EQ(early[0].usage(), 0.0);
    o.minSteps = 30;  // ... but never before the minimum
    const auto atLeast = PathLearner(*network, o).learn(concepts, 0);
    EXPECT_EQ(atLeast[0].steps, 30);
    o.convergenceWindow = 0;  // off: the whole budget
    EXPECT_EQ(PathLearner(*network, o).learn(concepts, 0)[0].steps, 50);
    o.epochs = 3;  // 3 epochs of 8 images in batches of 4
    EXPECT_EQ(PathLearner(*network, o).learn(concepts, 0)[0].steps, 6);
}

// A concept that has stopped reports its last terms, not the 0 of an empty batch share: the
// studio's curves and the stored history average over every concept of the run.
TEST(PathLearner, StoppedConceptsReportTheirLastTerms)
{
    auto network = smallVgg();
    // One epoch in batches of 4: concept 0 (8 images) stops after step 2, concept 1 after step 4.
    std::vector<ConceptImages> concepts{{0, torch::randn({8, 1, 28, 28})}, {1, torch::randn({16, 1, 28, 28})}};
    LearnerOptions o = options(LearnerPreset::Paper, 0.05);
    o.epochs = 1;
    o.batchSize = 4;
    o.negatives.margin = 1.0;  // a term on negatives too
    PathLearner learner(*network, o);
    NegativeImages pool;
    pool.images = torch::randn({6, 1, 28, 28});
    pool.labels = {0, 1, 2, 0, 1, 2};
    learner.setNegatives(pool);
    std::vector<LearnerProgress> reports;
    const auto paths = learner.learn(concepts, 0, [&](const LearnerProgress& p) { reports.push_back(p); });
    ASSERT_EQ(reports.size(), 4u);
    EXPECT_EQ(paths[0].steps, 2);
    EXPECT_GT(reports[1].distanceLoss[0], 0.0);
    for (std::size_t r = 2; r < 4; ++r) {
        EXPECT_EQ(reports[r].distanceLoss[0], reports[1].distanceLoss[0]);
        EXPECT_EQ(reports[r].negativeLoss[0], reports[1].negativeLoss[0]);
        EXPECT_NE(reports[r].distanceLoss[1], reports[r - 1].distanceLoss[1]);  // still learning
    }
}

TEST(PathLearner, RejectsBadOptions)
{
    LearnerOptions o;
    o.alpha = -0.1;
    EXPECT_THROW(o.validate(), InvalidArgument);
    o = {};
    o.lambda = -1;
    EXPECT_THROW(o.validate(), InvalidArgument);
    o = {};
    o.batchSize = 0;
    EXPECT_THROW(o.validate(), InvalidArgument);
    o = {};
    o.convergenceTolerance = 1.0;
    EXPECT_THROW(o.validate(), InvalidArgument);
    o = {};
    o.epochs = -1;
    EXPECT_THROW(o.validate(), InvalidArgument);
    o = {};
    o.negatives.kl = -1;
    EXPECT_THROW(o.validate(), InvalidArgument);
    o = {};
    o.negatives.margin = 1;
    o.negativePool = 1;
    EXPECT_THROW(o.validate(), InvalidArgument);
    EXPECT_THROW(LearnerOptions::presetFromName("magic"), InvalidArgument);
    EXPECT_THROW(LearnerOptions::distanceFromName("cosine"), InvalidArgument);
    EXPECT_EQ(LearnerOptions::distanceFromName("relative-squared"), PathDistance::RelativeSquared);
    EXPECT_EQ(LearnerOptions::sparsityFromName("block-mean"), PathSparsity::BlockMean);
    EXPECT_THROW(LearnerOptions::sparsityFromName("l2"), InvalidArgument);
}

TEST(PathMetrics, JaccardSimilarityUsageOnHandExamples)
{
    const PackedPath a({{1, 1, 0, 0}, {1}});
    const PackedPath b({{1, 0, 1, 0}, {0}});
    EXPECT_DOUBLE_EQ(PackedPath::jaccard(a, b, 0), 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(PackedPath::jaccard(a, b, 1), 0.0);
    EXPECT_DOUBLE_EQ(PackedPath::similarity(a, b), 1.0 / 6.0);
    // J(∅, ∅) = 1: two paths that both switch a block off agree on it.
    const PackedPath emptyA({{0, 0}, {1, 0}});
    const PackedPath emptyB({{0, 0}, {1, 1}});
    EXPECT_DOUBLE_EQ(PackedPath::jaccard(emptyA, emptyB, 0), 1.0);
    EXPECT_DOUBLE_EQ(PackedPath::similarity(emptyA, emptyB), 0.75);
    const auto usage = PathMetrics::unitUsagePerBlock({a, PackedPath({{1, 0, 0, 0}, {0}})});
    EXPECT_DOUBLE_EQ(usage[0], 0.375);
    EXPECT_DOUBLE_EQ(usage[1], 0.5);
    // Words of 64 channels: a 130-channel block spans three.
    std::vector<std::uint8_t> wide(130, 0), other(130, 0);
    wide[0] = wide[64] = wide[129] = 1;
    other[129] = other[100] = 1;
    EXPECT_DOUBLE_EQ(PackedPath::jaccard(PackedPath({wide}), PackedPath({other}), 0), 1.0 / 4.0);
    EXPECT_THROW(PackedPath::similarity(a, PackedPath({{1, 0}})), InvalidArgument);
}

TEST(PathMetrics, InterpretabilityIsTheVarianceOfWeightedSimilarities)
{
    // k = 2: one term, so it equals its mean and I = 0.
    EXPECT_DOUBLE_EQ(PathMetrics::interpretability({0.9, 0.8}, {{1, 0.3}, {0.3, 1}}), 0.0);
    // k = 3: terms 1·0.5·0.5, 1·1·0.2, 0.5·1·0.8 = 0.25, 0.2, 0.4; μ = 0.85/3.
    const std::vector<std::vector<double>> m = {{1, 0.5, 0.2}, {0.5, 1, 0.8}, {0.2, 0.8, 1}};
    const double mu = 0.85 / 3.0;
    const double expected =
        (2.0 / 6.0) * ((0.25 - mu) * (0.25 - mu) + (0.2 - mu) * (0.2 - mu) + (0.4 - mu) * (0.4 - mu));
    EXPECT_NEAR(PathMetrics::interpretability({1.0, 0.5, 1.0}, m), expected, 1e-12);
    EXPECT_THROW(PathMetrics::interpretability({1.0}, {{1}}), InvalidArgument);
    const auto matrix = PathMetrics::similarityMatrix({PackedPath({{1, 1, 0, 0}}), PackedPath({{1, 0, 1, 0}})});
    EXPECT_DOUBLE_EQ(matrix[0][1], 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(matrix[1][1], 1.0);
    EXPECT_DOUBLE_EQ(PathMetrics::stability({PackedPath({{1, 1, 0, 0}}), PackedPath({{1, 1, 0, 0}})}), 1.0);
    // Averaged over initializations: 1/3 and 1 → 2/3; an initialization with another concept
    // count (unfinished) is left out.
    const auto mean = PathMetrics::meanSimilarity({{PackedPath({{1, 1, 0, 0}}), PackedPath({{1, 0, 1, 0}})},
                                                   {PackedPath({{1, 1, 0, 0}}), PackedPath({{1, 1, 0, 0}})},
                                                   {PackedPath({{0, 0, 0, 1}})}});
    ASSERT_EQ(mean.size(), 2u);
    EXPECT_DOUBLE_EQ(mean[0][1], 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(mean[1][1], 1.0);
}

TEST(PathLearner, ResumingFromACheckpointGivesTheUninterruptedResult)
{
    auto network = smallVgg();
    torch::manual_seed(9);
    std::vector<ConceptImages> concepts{{0, torch::randn({12, 1, 28, 28})}, {4, torch::randn({12, 1, 28, 28}) + 0.5}};
    LearnerOptions o = options(LearnerPreset::Paper, 0.05);
    o.steps = 30;
    o.batchSize = 5;  // 12 images: the order reshuffles mid-run, so replaying it matters
    PathLearner learner(*network, o);
    const auto straight = learner.learn(concepts, 1);

    // Interrupted at step 20 (a checkpoint every 10 steps, the process "killed" after the second).
    std::vector<LearnedPath> lastCheckpoint;
    std::atomic<bool> cancel{false};
    learner.learn(
        concepts, 1, [&](const LearnerProgress& p) { cancel = p.step >= 20; }, &cancel, nullptr,
        [&](const std::vector<LearnedPath>& paths) { lastCheckpoint = paths; }, 10);
    ASSERT_EQ(lastCheckpoint.size(), 2u);
    ASSERT_EQ(lastCheckpoint[0].steps, 20);
    LearnerResume resume;
    resume.step = lastCheckpoint[0].steps;
    for (const auto& p : lastCheckpoint)
        resume.logits.push_back(p.logits);
    const auto resumed = learner.learn(concepts, 1, {}, nullptr, &resume);
    for (std::size_t c = 0; c < concepts.size(); ++c) {
        EXPECT_EQ(resumed[c].steps, 30);
        EXPECT_EQ(resumed[c].binary, straight[c].binary);
        for (std::size_t i = 0; i < network->blockCount(); ++i)
            EXPECT_TRUE(torch::allclose(resumed[c].logits[i], straight[c].logits[i], 1e-5, 1e-5));
    }
}

// A decaying step size: step t moves each block by α·τ/(τ+t) (hand-computed below), and the
// schedule follows the absolute step, so a resumed run continues it rather than restarting it.
TEST(PathLearner, DecayingStepSizeHalvesAfterTauStepsAndSurvivesResume)
{
    LearnerOptions o = options(LearnerPreset::Paper, 0.05);
    EXPECT_EQ(o.alphaAt(0), o.alpha);
    EXPECT_EQ(o.alphaAt(500), o.alpha);  // 0: the paper's constant α
    o.alpha = 0.6;
    o.alphaDecaySteps = 20;
    EXPECT_DOUBLE_EQ(o.alphaAt(0), 0.6);
    EXPECT_DOUBLE_EQ(o.alphaAt(5), 0.6 * 20.0 / 25.0);
    EXPECT_DOUBLE_EQ(o.alphaAt(20), 0.3);
    EXPECT_DOUBLE_EQ(o.alphaAt(60), 0.15);

    auto network = smallVgg();
    torch::manual_seed(9);
    std::vector<ConceptImages> concepts{{2, torch::randn({12, 1, 28, 28})}};
    o.convergenceWindow = 0;
    o.batchSize = 4;
    o.steps = 3;
    PathLearner learner(*network, o);
    const auto straight = learner.learn(concepts, 0);
    LearnerResume resume;
    o.steps = 2;
    const auto twoSteps = PathLearner(*network, o).learn(concepts, 0);
    resume.step = 2;
    resume.logits.push_back(twoSteps[0].logits);
    const auto resumed = learner.learn(concepts, 0, {}, nullptr, &resume);
    for (std::size_t i = 0; i < network->blockCount(); ++i) {
        // The third step (t = 2) moved every block by exactly 0.6 · 20 / 22.
        EXPECT_NEAR((straight[0].logits[i] - twoSteps[0].logits[i]).norm().item<double>(), 0.6 * 20.0 / 22.0, 1e-5);
        EXPECT_TRUE(torch::allclose(resumed[0].logits[i], straight[0].logits[i], 1e-5, 1e-5));
    }
    o.alphaDecaySteps = -1;
    EXPECT_THROW(o.validate(), InvalidArgument);
}

// With the negative-aware terms on, a concept's negatives follow its own seeded order from the
// pool: learning concepts together or alone, and resuming, give the same paths.
TEST(PathLearner, NegativeAwareLearningIsBatchInvariantAndResumable)
{
    auto network = smallVgg();
    torch::manual_seed(13);
    std::vector<ConceptImages> concepts{{0, torch::randn({12, 1, 28, 28})}, {2, torch::randn({12, 1, 28, 28}) + 0.5}};
    NegativeImages pool;
    pool.images = torch::randn({9, 1, 28, 28});
    pool.labels = {0, 1, 2, 0, 1, 2, 0, 1, 2};
    LearnerOptions o = options(LearnerPreset::Paper, 0.05);
    o.distance = PathDistance::RelativeSquared;
    o.sparsity = PathSparsity::BlockMean;
    o.negatives.margin = 1.0;
    o.negatives.kl = 0.5;
    o.steps = 20;
    o.batchSize = 5;
    PathLearner learner(*network, o);
    EXPECT_THROW(learner.learn(concepts, 0), InvalidArgument);  // no pool given
    learner.setNegatives(pool);
    std::vector<double> negativeLoss;
    const auto together = learner.learn(concepts, 0, [&](const LearnerProgress& p) { negativeLoss = p.negativeLoss; });
    ASSERT_EQ(negativeLoss.size(), 2u);
    EXPECT_GE(negativeLoss[0], 0.0);
    for (std::size_t c = 0; c < concepts.size(); ++c) {
        // Equal up to float32 rounding, which differs with the batch's composition: the
        // relative-squared distance's small early-block gradients are scaled to length α by
        // Eq. 8, which carries that rounding to ~1e-3 of the logits after 20 steps (with the
        // norm distance they agree to 1e-4). The binary paths are equal.
        const auto alone = learner.learn({concepts[c]}, 0);
        EXPECT_EQ(alone[0].binary, together[c].binary) << "concept " << c;
        for (std::size_t i = 0; i < network->blockCount(); ++i)
            EXPECT_TRUE(torch::allclose(alone[0].logits[i], together[c].logits[i], 2e-2, 2e-2))
                << "concept " << c << " block " << i;
    }
    std::vector<LearnedPath> lastCheckpoint;
    std::atomic<bool> cancel{false};
    learner.learn(
        concepts, 0, [&](const LearnerProgress& p) { cancel = p.step >= 10; }, &cancel, nullptr,
        [&](const std::vector<LearnedPath>& paths) { lastCheckpoint = paths; }, 10);
    ASSERT_EQ(lastCheckpoint.size(), 2u);
    LearnerResume resume;
    resume.step = lastCheckpoint[0].steps;
    for (const auto& p : lastCheckpoint)
        resume.logits.push_back(p.logits);
    const auto resumed = learner.learn(concepts, 0, {}, nullptr, &resume);
    for (std::size_t c = 0; c < concepts.size(); ++c)
        for (std::size_t i = 0; i < network->blockCount(); ++i)
            EXPECT_TRUE(torch::allclose(resumed[c].logits[i], together[c].logits[i], 1e-5, 1e-5));
    // The negatives change what is learned.
    LearnerOptions without = o;
    without.negatives = {};
    const auto plain = PathLearner(*network, without).learn(concepts, 0);
    EXPECT_FALSE(torch::allclose(plain[0].logits.back(), together[0].logits.back(), 1e-4, 1e-4));
    // A pool of the concept's own class alone cannot give negatives.
    NegativeImages own;
    own.images = torch::randn({2, 1, 28, 28});
    own.labels = {0, 0};
    learner.setNegatives(own);
    EXPECT_THROW(learner.learn({concepts[0]}, 0), InvalidArgument);
}

// The pool is spread evenly over the classes, seeded, and drawn only from the candidates.
TEST(NegativePool, BalancedSeededAndLimitedToTheCandidates)
{
    ImageSet set;
    set.channels = 1;
    set.height = set.width = 2;
    for (int i = 0; i < 60; ++i) {
        set.labels.push_back(i % 3);
        for (int p = 0; p < 4; ++p)
            set.pixels.push_back(std::uint8_t(i));
    }
    const auto pool = NegativePool::draw(set, {}, 12, 7, Normalization(), torch::kCPU);
    ASSERT_EQ(pool.labels.size(), 12u);
    EXPECT_EQ(std::count(pool.labels.begin(), pool.labels.end(), 0), 4);
    EXPECT_EQ(std::count(pool.labels.begin(), pool.labels.end(), 2), 4);
    EXPECT_TRUE(torch::equal(pool.images, NegativePool::draw(set, {}, 12, 7, Normalization(), torch::kCPU).images));
    EXPECT_FALSE(torch::equal(pool.images, NegativePool::draw(set, {}, 12, 8, Normalization(), torch::kCPU).images));
    // Each image's pixels are its index / 255: every drawn image is a candidate of its class.
    const std::vector<std::size_t> candidates{0, 1, 2, 3, 4, 5};
    const auto few = NegativePool::draw(set, candidates, 30, 7, Normalization(), torch::kCPU);
    ASSERT_EQ(few.labels.size(), 6u);  // at most what the candidates hold
    for (std::int64_t r = 0; r < 6; ++r) {
        const int index = int(std::lround(few.images[r][0][0][0].item<double>() * 255.0));
        EXPECT_LT(index, 6);
        EXPECT_EQ(few.labels[std::size_t(r)], index % 3);
    }
    EXPECT_THROW(NegativePool::draw(set, {0, 3, 6}, 10, 7, Normalization(), torch::kCPU),
                 InvalidArgument);  // one class
}

TEST(PathLearner, CachedOriginalsGiveTheSamePaths)
{
    auto network = smallVgg();
    torch::manual_seed(21);
    std::vector<ConceptImages> concepts{{3, torch::randn({10, 1, 28, 28})}, {7, torch::randn({10, 1, 28, 28})}};
    LearnerOptions cachedOptions = options(LearnerPreset::Paper, 0.05);
    cachedOptions.steps = 12;
    cachedOptions.batchSize = 4;
    LearnerOptions uncachedOptions = cachedOptions;
    uncachedOptions.originalsCacheMiB = 0;
    const auto cached = PathLearner(*network, cachedOptions).learn(concepts, 0);
    const auto uncached = PathLearner(*network, uncachedOptions).learn(concepts, 0);
    for (std::size_t c = 0; c < concepts.size(); ++c) {
        EXPECT_EQ(cached[c].binary, uncached[c].binary);
        for (std::size_t i = 0; i < network->blockCount(); ++i)
            EXPECT_TRUE(torch::allclose(cached[c].logits[i], uncached[c].logits[i], 1e-5, 1e-5));
    }
    EXPECT_GT(PathLearner(*network, cachedOptions).originalBytesPerImage(concepts[0].images[0]), 0);

    // A run's next initialization reuses the frozen outputs of the last: the same paths as a
    // fresh learner's.
    PathLearner shared(*network, cachedOptions);
    shared.learn(concepts, 0);
    const auto reused = shared.learn(concepts, 1);
    const auto fresh = PathLearner(*network, cachedOptions).learn(concepts, 1);
    for (std::size_t c = 0; c < concepts.size(); ++c) {
        EXPECT_EQ(reused[c].binary, fresh[c].binary);
        for (std::size_t i = 0; i < network->blockCount(); ++i)
            EXPECT_TRUE(torch::equal(reused[c].logits[i], fresh[c].logits[i]));
    }
}

TEST(LambdaSweep, HigherLambdaMeansSparserPathsAndTheRecommendationIsTheSparsestGoodOne)
{
    auto network = smallVgg();
    // A synthetic labelled set: 3 classes of 12 random 28x28 images for learning and testing.
    ImageSet set;
    set.channels = 1;
    set.height = set.width = 28;
    set.classNames = {"a", "b", "c"};
    std::mt19937 random(4);
    for (int i = 0; i < 36; ++i) {
        set.labels.push_back(i % 3);
        for (int p = 0; p < 28 * 28; ++p)
            set.pixels.push_back(std::uint8_t(random() % 256));
    }
    LearnerOptions o = options(LearnerPreset::Paper, 0.0);
    o.steps = 25;
    o.batchSize = 4;
    o.alpha = 0.5;
    o.initializations = 2;  // a point is the mean over both
    SweepImages images;
    images.perConcept = 0;
    images.validationPerClass = 4;
    const auto points =
        LambdaSweep::run(*network, set, Normalization{{0.5f}, {0.25f}}, {0, 2}, {0.0, 1000.0}, o, images);
    ASSERT_EQ(points.size(), 2u);
    EXPECT_EQ(points[0].concepts, 2);
    // Two concepts: the knockout test ran, and counts at most every concept as causal.
    EXPECT_LE(points[0].knockoutCausal, 2);
    EXPECT_GE(points[0].knockoutCausal, 0);
    // At λ 1000 the paths keep almost nothing: switching "own" units off cannot cost more than
    // the whole accuracy, and the mean drops are accuracies' differences.
    EXPECT_LE(std::abs(points[1].knockoutOwnDrop), 1.0);
    EXPECT_DOUBLE_EQ(points[0].lambda, 0.0);
    EXPECT_GT(points[0].usage, points[1].usage);
    EXPECT_LT(points[1].usage, 0.05);
    EXPECT_EQ(points[0].steps, 25.0);
    EXPECT_GE(points[0].pathAuroc, 0.0);
    EXPECT_LE(points[0].pathAuroc, 1.0);
    // A set too small to give any class a validation image is refused, not evaluated on nothing.
    images.validationPerClass = 0;
    EXPECT_THROW(LambdaSweep::run(*network, set, Normalization{{0.5f}, {0.25f}}, {0}, {0.0}, o, images),
                 InvalidArgument);

    std::vector<SweepPoint> handMade(3);
    handMade[0].usage = 0.9, handMade[0].faithful = handMade[0].specific = true;
    handMade[1].usage = 0.6, handMade[1].faithful = handMade[1].specific = true;
    handMade[2].usage = 0.1, handMade[2].faithful = true;  // sparser but not specific
    EXPECT_EQ(recommendedSweepPoint(handMade), 1);
    // Equally sparse (both keep every unit): the larger λ.
    std::vector<SweepPoint> flat(3);
    for (std::size_t i = 0; i < flat.size(); ++i) {
        flat[i].lambda = 0.1 * double(i + 1);
        flat[i].usage = 1.0;
        flat[i].faithful = flat[i].specific = i < 2;
    }
    EXPECT_EQ(recommendedSweepPoint(flat), 1);
    // A point with a degenerate path (one concept answered for everything) is not recommended,
    // however good the means.
    handMade[1].degenerate = 1;
    EXPECT_EQ(recommendedSweepPoint(handMade), 0);
    handMade[1].degenerate = 0;
    handMade[1].specific = false;
    handMade[0].faithful = false;
    EXPECT_EQ(recommendedSweepPoint(handMade), -1);

    // The verdicts, by hand: faithful within 2 points of the original's precision, specific
    // within 5 of its specificity; exactly on the tolerance counts.
    SweepPoint judged;
    judged.originalPrecision = 0.92, judged.pathPrecision = 0.90;
    judged.originalSpecificity = 0.99, judged.pathSpecificity = 0.94;
    judged.judge();
    EXPECT_TRUE(judged.faithful);
    EXPECT_TRUE(judged.specific);
    judged.pathPrecision = 0.899, judged.pathSpecificity = 0.939;
    judged.judge();
    EXPECT_FALSE(judged.faithful);
    EXPECT_FALSE(judged.specific);

    // Causal, by hand: at least 10 points, and 3× the random control's and the others' drops.
    EXPECT_TRUE(SweepPoint::causalKnockout(5, 0.30, 0.09, -0.02));
    EXPECT_FALSE(SweepPoint::causalKnockout(5, 0.30, 0.11, 0.0));   // others lose more than a third of it
    EXPECT_FALSE(SweepPoint::causalKnockout(5, 0.30, 0.0, 0.101));  // so does the random control
    EXPECT_FALSE(SweepPoint::causalKnockout(5, 0.05, 0.0, 0.0));    // too small to be more than noise
    EXPECT_FALSE(SweepPoint::causalKnockout(0, 0.30, 0.0, 0.0));    // no own units, nothing switched off
}

TEST(EngineTiming, TimesAStepThroughThePublicApiAndSaysWhetherTheCacheFits)
{
    auto network = smallVgg();
    std::vector<ConceptImages> concepts;
    for (int c = 0; c < 2; ++c)
        concepts.push_back({c, torch::randn({8, 1, 28, 28})});
    LearnerOptions o = options(LearnerPreset::Paper, 0.01);
    o.batchSize = 4;
    const StepTiming timing = EngineTiming::measure(*network, concepts, o, 2, 1);
    EXPECT_EQ(timing.imagesPerStep, 8);
    EXPECT_GT(timing.forwardsSeconds, 0.0);
    EXPECT_GE(timing.stepSeconds, 0.0);
    EXPECT_TRUE(std::isfinite(timing.cachedStepSeconds));
    EXPECT_TRUE(timing.cacheFits);  // 16 small images
    o.originalsCacheMiB = 0;        // "no budget" still times a cached step, with the default budget
    EXPECT_TRUE(EngineTiming::measure(*network, concepts, o, 1, 1).cacheFits);
}
