#include "Errors.h"
#include "TestNetworks.h"
#include "nad/PathLearner.h"
#include "nad/WindowAveragedPaths.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <atomic>

using namespace nad;

namespace {

LearnerOptions averagedOptions(int window, int steps)
{
    LearnerOptions o;
    o.lambda = 0.05;
    o.batchSize = 4;
    o.steps = steps;
    o.convergenceWindow = window;
    o.minSteps = 1000;  // no early stop: the test reads the whole budget's trajectory
    o.averagedPaths = true;
    return o;
}

}  // namespace

// Hand-computed: the read-out is the mean of what was added since the concept's last close, and
// closing one concept's window leaves the other's open.
TEST(WindowAveragedPaths, ReadOutIsTheMeanOfTheConceptsOwnWindow)
{
    WindowAveragedPaths averaged(2);
    EXPECT_FALSE(averaged.hasReadout(0));
    const auto step = [](float a0, float a1, float b0, float b1) {
        return std::vector<torch::Tensor>{torch::tensor({{a0}, {a1}}), torch::tensor({{b0, b0}, {b1, b1}})};
    };
    averaged.add(step(1, 10, -3, 4));
    averaged.add(step(3, 20, 1, 8));
    averaged.close(0);
    ASSERT_TRUE(averaged.hasReadout(0));
    EXPECT_FALSE(averaged.hasReadout(1));
    EXPECT_FLOAT_EQ(averaged.readout(0)[0].item<float>(), 2.0f);  // (1 + 3) / 2
    EXPECT_TRUE(torch::equal(averaged.readout(0)[1], torch::tensor({-1.0f, -1.0f})));
    averaged.add(step(-6, 30, 5, 0));
    averaged.close(0);
    averaged.close(1);
    EXPECT_FLOAT_EQ(averaged.readout(0)[0].item<float>(), -6.0f);  // a fresh window: the last step only
    EXPECT_FLOAT_EQ(averaged.readout(1)[0].item<float>(), 20.0f);  // (10 + 20 + 30) / 3
    EXPECT_TRUE(torch::equal(averaged.readout(1)[1], torch::tensor({4.0f, 4.0f})));
    averaged.close(1);  // nothing added since: the read-out stands
    EXPECT_FLOAT_EQ(averaged.readout(1)[0].item<float>(), 20.0f);
}

// Averaging reads the path off the trajectory without changing it: a learned path's logits are the
// mean of the last-step logits over the final window (steps 5..8 with a window of 4), which the
// same learner without averaging reaches step by step.
TEST(WindowAveragedPaths, LearnedPathIsTheMeanOfTheLastWindowOfTheUnaveragedTrajectory)
{
    auto network = nadtest::frozenTinyVgg(21);
    torch::manual_seed(5);
    const std::vector<ConceptImages> concepts{{1, torch::randn({12, 1, 28, 28})}, {3, torch::randn({12, 1, 28, 28})}};
    LearnerOptions plain = averagedOptions(4, 8);
    plain.averagedPaths = false;
    std::vector<std::vector<LearnedPath>> trajectory;
    const auto last = PathLearner(*network, plain)
                          .learn(
                              concepts, 0, {}, nullptr, nullptr,
                              [&](const std::vector<LearnedPath>& paths) { trajectory.push_back(paths); }, 1);
    trajectory.push_back(last);  // steps 1..7 from checkpoints, step 8 the result
    ASSERT_EQ(trajectory.size(), 8u);

    const auto averaged = PathLearner(*network, averagedOptions(4, 8)).learn(concepts, 0);
    for (std::size_t c = 0; c < concepts.size(); ++c) {
        EXPECT_EQ(averaged[c].steps, 8);
        for (std::size_t i = 0; i < network->blockCount(); ++i) {
            torch::Tensor mean = torch::zeros_like(last[c].logits[i]);
            for (int step = 5; step <= 8; ++step)
                mean += trajectory[step - 1][c].logits[i];
            mean /= 4;
            EXPECT_TRUE(torch::allclose(averaged[c].logits[i], mean, 1e-5, 1e-5)) << "concept " << c << " block " << i;
            EXPECT_FALSE(torch::allclose(averaged[c].logits[i], last[c].logits[i], 1e-5, 1e-5));
        }
        EXPECT_EQ(averaged[c].binary, PathLearner::binarize(averaged[c].logits));
    }
}

// A cancelled pass is stored as a checkpoint to resume from, so it returns the state (the last
// step's logits), not the read-out; and averaging needs a window to average over.
TEST(WindowAveragedPaths, CancelledPassReturnsTheStateAndAWindowIsRequired)
{
    auto network = nadtest::frozenTinyVgg(22);
    torch::manual_seed(6);
    const std::vector<ConceptImages> concepts{{2, torch::randn({8, 1, 28, 28})}};
    std::atomic<bool> cancel{false};
    const auto stopAt = [&](const LearnerProgress& p) {
        if (p.step == 6)
            cancel = true;
    };
    const auto cancelled = PathLearner(*network, averagedOptions(4, 20)).learn(concepts, 0, stopAt, &cancel);
    LearnerOptions plain = averagedOptions(4, 6);
    plain.averagedPaths = false;
    const auto sixSteps = PathLearner(*network, plain).learn(concepts, 0);
    ASSERT_EQ(cancelled[0].steps, 6);
    for (std::size_t i = 0; i < network->blockCount(); ++i)
        EXPECT_TRUE(torch::allclose(cancelled[0].logits[i], sixSteps[0].logits[i], 1e-5, 1e-5));

    LearnerOptions noWindow = averagedOptions(0, 20);
    EXPECT_THROW(noWindow.validate(), InvalidArgument);
    EXPECT_THROW(PathLearner(*network, noWindow), InvalidArgument);
}
