// The loss Algorithm 1 minimises (PathObjective), computed by hand on ToyNetwork:
//   f0(x) = x (2 channels), f1(h) = h0 + h1, logits [h, −h].
// With σ(s0) = [0.5, 0.75], σ(s1) = [0.5] and the concept image x = [3, 4] (class 0):
//   original o = ([3, 4], [7], [7, −7]); masked m = ([1.5, 3], [2.25], [2.25, −2.25]).
// The negatives (other concepts' images, owned by the same concept row) are a = [1, 2] and
// b = [−1, −2]: original logits [3, −3] and [−3, 3], masked logits [1, −1] and [−1, 1].
#include "ToyNetwork.h"
#include "nad/PathObjective.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>

using namespace nad;

namespace {

using nadtest::toyConceptBatch;
using nadtest::toyMasks;
using nadtest::ToyNetwork;

torch::Tensor ids(std::vector<std::int64_t> values)
{
    return torch::tensor(values, torch::kInt64);
}

LossBatch withNegatives()
{
    LossBatch batch = toyConceptBatch();
    batch.negativeImages = torch::tensor({1.0f, 2.0f, -1.0f, -2.0f}).view({2, 2, 1, 1});
    batch.negativeOwner = ids({0, 0});
    batch.negativeClasses = ids({0, 0});
    return batch;
}

LearnerOptions options(LearnerPreset preset, double lambda)
{
    LearnerOptions o;
    o.preset = preset;
    o.lambda = lambda;
    return o;
}

LossTerms evaluate(const LearnerOptions& o, const LossBatch& batch)
{
    ToyNetwork network;
    return PathObjective(network, o).evaluate(toyMasks(), batch);
}

double logistic(double x)
{
    return 1.0 / (1.0 + std::exp(-x));
}

// KL(softmax [u, −u] ‖ softmax [v, −v]) for two classes.
double twoClassKl(double u, double v)
{
    const double p = logistic(2 * u), q = logistic(2 * v);
    return p * std::log(p / q) + (1 - p) * std::log((1 - p) / (1 - q));
}

}  // namespace

TEST(PathObjective, PaperLossMatchesHandComputation)
{
    const LossTerms terms = evaluate(options(LearnerPreset::Paper, 0.1), toyConceptBatch());
    const double expectedDistance = std::sqrt(1.5 * 1.5 + 1.0) + 4.75 + 4.75 * std::sqrt(2.0);
    EXPECT_NEAR(terms.distance[0], expectedDistance, 1e-5);
    EXPECT_NEAR(terms.sparsity[0], 0.5 + 0.75 + 0.5, 1e-6);
    EXPECT_EQ(terms.negative[0], 0.0);
    EXPECT_NEAR(terms.total.item<double>(), expectedDistance + 0.1 * 1.75, 1e-5);
}

TEST(PathObjective, ScaleFreeDistanceDividesByTheOriginalNorm)
{
    LearnerOptions o = options(LearnerPreset::Paper, 0.0);
    o.distance = PathDistance::ScaleFree;
    const double expected = std::sqrt(3.25) / 5.0 + 4.75 / 7.0 + (4.75 * std::sqrt(2.0)) / (7.0 * std::sqrt(2.0));
    EXPECT_NEAR(evaluate(o, toyConceptBatch()).distance[0], expected, 1e-5);
}

// The share of each block's energy the path removes: Σ (o − m)² / Σ o².
TEST(PathObjective, RelativeSquaredDistanceIsTheShareOfEnergyRemoved)
{
    LearnerOptions o = options(LearnerPreset::Paper, 0.0);
    o.distance = PathDistance::RelativeSquared;
    const double expected = 3.25 / 25.0 + 22.5625 / 49.0 + (2 * 22.5625) / (2 * 49.0);
    EXPECT_NEAR(evaluate(o, toyConceptBatch()).distance[0], expected, 1e-6);
}

// CDRP-style: only the answer counts, KL(softmax [7, −7] ‖ softmax [2.25, −2.25]).
TEST(PathObjective, DistillationDistanceIsTheKlOfTheLogitsOnly)
{
    LearnerOptions o = options(LearnerPreset::Paper, 0.0);
    o.distance = PathDistance::Distillation;
    EXPECT_NEAR(evaluate(o, toyConceptBatch()).distance[0], twoClassKl(7, 2.25), 1e-6);
}

TEST(PathObjective, BlockMeanSparsityAveragesWithinEachBlock)
{
    LearnerOptions o = options(LearnerPreset::Paper, 0.2);
    o.sparsity = PathSparsity::BlockMean;
    const LossTerms terms = evaluate(o, toyConceptBatch());
    EXPECT_NEAR(terms.sparsity[0], (0.5 + 0.75) / 2 + 0.5, 1e-6);
    EXPECT_NEAR(terms.total.item<double>(), terms.distance[0] + 0.2 * 1.125, 1e-5);
}

TEST(PathObjective, OfficialLossMatchesHandComputation)
{
    const LearnerOptions o = options(LearnerPreset::Official, 0.1);
    const LossTerms terms = evaluate(o, toyConceptBatch());
    // CE([2.25, −2.25], 0) = log(1 + e^−4.5); MSE of block 0 = (1.5² + 1²)/2, of block 1 = 4.75²;
    // divided by the 2 masks. Penalty: mean over blocks of mean σ² = (0.40625 + 0.25) / 2.
    const double expectedDistance = (std::log1p(std::exp(-4.5)) + 1.625 + 22.5625) / 2.0;
    EXPECT_NEAR(terms.distance[0], expectedDistance, 1e-5);
    EXPECT_NEAR(terms.sparsity[0], 0.328125, 1e-6);
    EXPECT_NEAR(terms.total.item<double>(), expectedDistance + 0.1 * 0.328125, 1e-5);
    // The authors apply the cross-entropy to every sample and the MSE only to the correct ones:
    // a batch of the image twice, labelled 0 (correct) and 1 (wrong).
    LossBatch mixed = toyConceptBatch();
    mixed.images = torch::cat({mixed.images, mixed.images});
    mixed.owner = ids({0, 0});
    mixed.labels = ids({0, 1});
    const LossTerms both = evaluate(o, mixed);
    const double meanCrossEntropy = (std::log1p(std::exp(-4.5)) + std::log1p(std::exp(4.5))) / 2.0;
    EXPECT_NEAR(both.distance[0], (meanCrossEntropy + 1.625 + 22.5625) / 2.0, 1e-5);
    EXPECT_NEAR(both.total.item<double>(), both.distance[0] + 0.1 * 0.328125, 1e-5);
}

// findpath.py skips a batch with no correctly classified sample: no loss, no gradient.
TEST(PathObjective, OfficialPresetSkipsABatchWithNoCorrectSample)
{
    LossBatch wrong = toyConceptBatch();
    wrong.labels = ids({1});
    ToyNetwork network;
    auto masks = toyMasks();
    const LossTerms terms = PathObjective(network, options(LearnerPreset::Official, 0.1)).evaluate(masks, wrong);
    EXPECT_NEAR(terms.distance[0], std::log1p(std::exp(4.5)) / 2.0, 1e-5);  // reported: the CE alone
    EXPECT_EQ(terms.total.item<double>(), 0.0);
    terms.total.backward();
    EXPECT_EQ(masks[0].grad().abs().sum().item<double>(), 0.0);
}

// Negatives a (masked logits [1, −1]) and b ([−1, 1]) against concept class 0:
//   margin ReLU(z0 − z1 + 1): a 3, b 0 — mean 1.5;
//   hinge ReLU(z0 − z°0): a ReLU(1 − 3) = 0, b ReLU(−1 + 3) = 2 — mean 1.
TEST(PathObjective, MarginAndHingeOnNegativesMatchHandComputation)
{
    LearnerOptions margin = options(LearnerPreset::Paper, 0.1);
    margin.negatives.margin = 2.0;
    const LossTerms withMargin = evaluate(margin, withNegatives());
    EXPECT_NEAR(withMargin.negative[0], 2.0 * 1.5, 1e-6);
    // The negatives change neither the distance nor the sparsity.
    const LossTerms plain = evaluate(options(LearnerPreset::Paper, 0.1), toyConceptBatch());
    EXPECT_NEAR(withMargin.distance[0], plain.distance[0], 1e-6);
    EXPECT_NEAR(withMargin.total.item<double>(), plain.total.item<double>() + 3.0, 1e-5);

    LearnerOptions hinge = options(LearnerPreset::Paper, 0.1);
    hinge.negatives.hinge = 0.5;
    EXPECT_NEAR(evaluate(hinge, withNegatives()).negative[0], 0.5 * 1.0, 1e-6);
    // Given original logits are used as they are: with z°0 = 0 for both, the hinge is (1 + 0) / 2.
    LossBatch given = withNegatives();
    given.negativeOriginalLogits = torch::zeros({2, 2});
    EXPECT_NEAR(evaluate(hinge, given).negative[0], 0.5 * 0.5, 1e-6);
}

TEST(PathObjective, KlAndOneVsRestOnNegativesMatchHandComputation)
{
    LearnerOptions kl = options(LearnerPreset::Paper, 0.1);
    kl.negatives.kl = 1.0;
    // a: softmax [3, −3] against [1, −1]; b is its mirror image, with the same divergence.
    EXPECT_NEAR(evaluate(kl, withNegatives()).negative[0], twoClassKl(3, 1), 1e-6);

    LearnerOptions ovr = options(LearnerPreset::Paper, 0.1);
    ovr.negatives.oneVsRest = 1.0;
    // Negatives: −log(1 − p0) = −log σ(z1 − z0): a log(1 + e²), b log(1 + e⁻²); the concept image:
    // −log p0 = log(1 + e^−4.5).
    const double negatives = (std::log1p(std::exp(2.0)) + std::log1p(std::exp(-2.0))) / 2.0;
    EXPECT_NEAR(evaluate(ovr, withNegatives()).negative[0], negatives + std::log1p(std::exp(-4.5)), 1e-5);
}

TEST(PathObjective, NegativeTermsAreIgnoredWhenOffOrWithoutNegatives)
{
    EXPECT_EQ(evaluate(options(LearnerPreset::Paper, 0.1), withNegatives()).negative[0], 0.0);
    LearnerOptions margin = options(LearnerPreset::Paper, 0.1);
    margin.negatives.margin = 1.0;
    EXPECT_EQ(evaluate(margin, toyConceptBatch()).negative[0], 0.0);
}

// Concept rows stay independent: negatives owned by row 1 leave row 0's gradient as it was.
TEST(PathObjective, NegativesOfOneConceptDoNotTouchAnother)
{
    auto twoRows = [] {
        return std::vector<torch::Tensor>{torch::tensor({{0.0f, 1.0f}, {0.5f, -0.5f}}).set_requires_grad(true),
                                          torch::tensor({{0.2f}, {-0.3f}}).set_requires_grad(true)};
    };
    LossBatch batch;
    batch.images = torch::tensor({3.0f, 4.0f, -2.0f, 1.0f}).view({2, 2, 1, 1});
    batch.owner = ids({0, 1});
    batch.labels = ids({0, 1});
    LearnerOptions o = options(LearnerPreset::Paper, 0.1);
    o.negatives.margin = 1.0;
    o.negatives.kl = 1.0;
    ToyNetwork network;
    PathObjective objective(network, o);
    auto alone = twoRows();
    objective.evaluate(alone, batch).total.backward();
    batch.negativeImages = torch::tensor({1.0f, 2.0f, 2.0f, -1.0f}).view({2, 2, 1, 1});
    batch.negativeOwner = ids({1, 1});
    batch.negativeClasses = ids({1, 1});
    auto mixed = twoRows();
    const LossTerms terms = objective.evaluate(mixed, batch);
    terms.total.backward();
    EXPECT_GT(terms.negative[1], 0.0);
    EXPECT_EQ(terms.negative[0], 0.0);
    EXPECT_TRUE(torch::allclose(mixed[0].grad()[0], alone[0].grad()[0]));
    EXPECT_TRUE(torch::allclose(mixed[1].grad()[0], alone[1].grad()[0]));
    EXPECT_FALSE(torch::allclose(mixed[0].grad()[1], alone[0].grad()[1]));
}

// The named "specific" objective: what it sets, how it is recognized and described, and that its
// λ is its own (the paper's per-family λ would leave its block-mean sparsity without effect).
TEST(PathObjective, SpecificObjectiveIsRecognizedAndHasItsOwnLambda)
{
    LearnerOptions o;
    EXPECT_FALSE(o.usesSpecificObjective());
    EXPECT_EQ(o.objectiveSummary(), "paper (Eq. 4-9)");
    o.useSpecificObjective();
    EXPECT_TRUE(o.usesSpecificObjective());
    EXPECT_EQ(o.distance, PathDistance::RelativeSquared);
    EXPECT_EQ(o.sparsity, PathSparsity::BlockMean);
    EXPECT_GT(o.negatives.margin, o.negatives.oneVsRest);
    EXPECT_EQ(o.objectiveSummary(), "paper: relative-squared, block-mean, margin 8, one-vs-rest 3");
    // ... and its own convergence rule: averaged paths, at the objective's noise floor.
    EXPECT_TRUE(o.averagedPaths);
    EXPECT_EQ(o.convergenceWindow, 25);
    EXPECT_EQ(o.convergenceTolerance, 0.015);
    EXPECT_EQ(o.minSteps, 100);
    EXPECT_NO_THROW(o.validate());
    EXPECT_EQ(LearnerOptions::defaultLambda("vgg", o), 0.8);
    EXPECT_EQ(LearnerOptions::defaultLambda("resnet", o), 0.6);
    EXPECT_EQ(LearnerOptions::defaultLambda("densenet", o), 0.6);
    EXPECT_EQ(LearnerOptions::defaultLambda("darts", o), 1.1);
    EXPECT_EQ(LearnerOptions::defaultLambda("imported", o), 0.8);
    EXPECT_EQ(LearnerOptions::defaultLambda("vgg", LearnerOptions()),
              LearnerOptions::defaultLambda("vgg", LearnerPreset::Paper));
    o.negatives = {};  // without its terms on negatives it is no longer the named objective
    EXPECT_FALSE(o.usesSpecificObjective());
    EXPECT_EQ(LearnerOptions::defaultLambda("vgg", o), LearnerOptions::defaultLambda("vgg", LearnerPreset::Paper));
}
