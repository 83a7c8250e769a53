// The learning part of a run (RunLoop, RunCheckpoints, CheckpointWriter) on the hand-computable
// toy network and a real project file: passes and initializations, history, cancelling and
// resuming to the uninterrupted result — the kill suite's guarantees, without subprocesses.
#include "TestFiles.h"
#include "ToyNetwork.h"
#include "data/DatasetInspector.h"
#include "jobs/CheckpointWriter.h"
#include "jobs/RunCheckpoints.h"
#include "jobs/RunLoop.h"
#include "nad/RunEvaluation.h"
#include "store/ProjectStore.h"
#include "store/RunStore.h"

#include <gtest/gtest.h>

using namespace nad;

namespace {

// A project with a three-class data set and one run of the toy model on it.
struct ToyRun
{
    explicit ToyRun(const std::string& path) : project(ProjectStore::create(path)), runs(project)
    {
        DatasetSummary s;
        s.path = "/data/toy";
        s.kind = "idx";
        s.classNames = {"cat", "dog", "car"};
        s.splits = {{"train", "", 3, {1, 1, 1}}, {"test", "", 3, {1, 1, 1}}};
        datasetId = project.addDataset(s, "toy");
        ModelRecord m;
        m.name = "toy";
        m.family = "toy";
        m.path = "/zoo/toy.json";
        m.sha256 = "abc";
        m.blocks = {{"identity", 2}, {"sum", 1}};
        RunRecord run;
        run.modelId = runs.ensureModel(m);
        run.datasetId = datasetId;
        runId = runs.createRun(run);
    }
    ProjectStore project;
    RunStore runs;
    std::int64_t datasetId = 0;
    std::int64_t runId = 0;
};

// Concept c's images: 2-channel points around (c + 1, 3 − c), so every concept learns its own path.
std::vector<ConceptImages> imagesOf(const std::vector<int>& classes)
{
    std::vector<ConceptImages> images;
    for (int c : classes) {
        torch::manual_seed(100 + c);
        const torch::Tensor centre = torch::tensor({float(c + 1), float(3 - c)}).view({1, 2, 1, 1});
        images.push_back({c, centre + 0.3 * torch::randn({7, 2, 1, 1})});
    }
    return images;
}

LearnerOptions toyOptions()
{
    LearnerOptions o;
    o.alpha = 0.3;
    o.lambda = 0.4;
    o.batchSize = 3;  // 7 images: the order reshuffles mid-run, so a resume must replay it
    o.steps = 24;
    o.initializations = 2;
    o.seed = 7;
    return o;
}

RunPlan toyPlan()
{
    RunPlan plan;
    plan.classes = {0, 1, 2};
    plan.conceptNames = {"cat", "dog", "car"};
    plan.conceptsPerPass = 2;  // passes {cat, dog} and {car}
    plan.initializations = 2;
    return plan;
}

RunLoopSettings everyFiveSteps()
{
    RunLoopSettings s;
    s.checkpointEvery = 5;
    s.historyEvery = 10;
    return s;
}

void expectSamePaths(const std::vector<StoredPath>& a, const std::vector<StoredPath>& b)
{
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t k = 0; k < a.size(); ++k) {
        EXPECT_EQ(a[k].classIndex, b[k].classIndex);
        EXPECT_EQ(a[k].initialization, b[k].initialization);
        EXPECT_EQ(a[k].step, b[k].step);
        EXPECT_EQ(a[k].final, b[k].final);
        EXPECT_EQ(a[k].binary, b[k].binary) << "concept " << a[k].classIndex << " init " << a[k].initialization;
        EXPECT_EQ(a[k].logits, b[k].logits) << "concept " << a[k].classIndex << " init " << a[k].initialization;
    }
}

}  // namespace

TEST(RunLoop, LearnsEveryPassAndInitializationAsTheLearnerDoes)
{
    nadtest::TemporaryDirectory dir;
    ToyRun toy(dir.file("p.nad"));
    nadtest::ToyNetwork network;
    std::vector<std::pair<int, int>> passesSeen;  // (initialization, pass)
    const RunLoopOutcome outcome =
        RunLoop(network, toyOptions(), toyPlan(), toy.runs, toy.runId, toy.datasetId, everyFiveSteps())
            .run(imagesOf, [&](const DisentangleProgress& p) {
                if (passesSeen.empty() || passesSeen.back() != std::make_pair(p.initialization, p.pass))
                    passesSeen.emplace_back(p.initialization, p.pass);
                EXPECT_EQ(p.passes, 2);
                EXPECT_EQ(p.initializations, 2);
            });
    EXPECT_FALSE(outcome.cancelled);
    EXPECT_EQ(outcome.pathsLearned, 6);
    EXPECT_EQ(passesSeen, (std::vector<std::pair<int, int>>{{0, 0}, {0, 1}, {1, 0}, {1, 1}}));

    const auto stored = toy.runs.paths(toy.runId, toy.datasetId, true);
    ASSERT_EQ(stored.size(), 6u);
    // Each stored path is what the learner gives for that concept and initialization.
    PathLearner learner(network, toyOptions());
    for (int init = 0; init < 2; ++init) {
        const auto direct = learner.learn(imagesOf({0, 1}), init);
        const auto single = learner.learn(imagesOf({2}), init);
        for (const auto& path : {direct[0], direct[1], single[0]}) {
            const auto it = std::find_if(stored.begin(), stored.end(), [&](const StoredPath& s) {
                return s.classIndex == path.classIndex && s.initialization == init;
            });
            ASSERT_NE(it, stored.end());
            EXPECT_TRUE(it->final);
            EXPECT_EQ(it->step, 24);
            EXPECT_EQ(it->binary, path.binary);
            EXPECT_EQ(it->logits, CheckpointWriter::toStored(path, true).logits);
        }
    }
    // History: steps 1, 10, 20 and the last (24), per concept and initialization.
    const auto history = toy.runs.history(toy.runId, toy.datasetId);
    ASSERT_EQ(history.size(), 3u * 2u * 4u);
    std::vector<int> steps;
    for (const auto& h : history)
        if (h.classIndex == 2 && h.initialization == 1)
            steps.push_back(h.step);
    EXPECT_EQ(steps, (std::vector<int>{1, 10, 20, 24}));
}

TEST(RunLoop, CancelledRunResumesToTheUninterruptedPathsBitForBit)
{
    nadtest::TemporaryDirectory dir;
    nadtest::ToyNetwork network;
    ToyRun reference(dir.file("reference.nad"));
    RunLoop(network, toyOptions(), toyPlan(), reference.runs, reference.runId, reference.datasetId, everyFiveSteps())
        .run(imagesOf);

    ToyRun interrupted(dir.file("interrupted.nad"));
    // Cancelled twice: at step 17 of initialization 0's first pass (last checkpoint: step 15),
    // then at step 3 of initialization 1's second pass (no checkpoint yet in that pass).
    const std::vector<std::tuple<int, int, int>> cancelAt{{0, 0, 17}, {1, 1, 3}};
    for (const auto& [cancelInit, cancelPass, cancelStep] : cancelAt) {
        std::atomic<bool> cancel{false};
        const RunLoopOutcome outcome =
            RunLoop(network, toyOptions(), toyPlan(), interrupted.runs, interrupted.runId, interrupted.datasetId,
                    everyFiveSteps())
                .run(
                    imagesOf,
                    [&, init = cancelInit, pass = cancelPass, step = cancelStep](const DisentangleProgress& p) {
                        if (p.initialization == init && p.pass == pass && p.learner.step == step)
                            cancel = true;
                    },
                    &cancel);
        EXPECT_TRUE(outcome.cancelled);
        // The cancelled pass's paths are stored, unfinished, at the step reached.
        for (const auto& p : interrupted.runs.paths(interrupted.runId, interrupted.datasetId, false))
            if (p.initialization == cancelInit && (cancelPass == 0 ? p.classIndex < 2 : p.classIndex == 2)) {
                EXPECT_FALSE(p.final);
                EXPECT_EQ(p.step, cancelStep);
            }
    }
    // Initialization 0 finished on the second call; only initialization 1's last pass is left.
    const RunCheckpoints left(interrupted.runs.paths(interrupted.runId, interrupted.datasetId, false));
    EXPECT_TRUE(left.pending({0, 1, 2}, 0).empty());
    EXPECT_EQ(left.pending({0, 1, 2}, 1), (std::vector<int>{2}));

    const RunLoopOutcome last = RunLoop(network, toyOptions(), toyPlan(), interrupted.runs, interrupted.runId,
                                        interrupted.datasetId, everyFiveSteps())
                                    .run(imagesOf);
    EXPECT_FALSE(last.cancelled);
    EXPECT_EQ(last.pathsLearned, 1);
    expectSamePaths(interrupted.runs.paths(interrupted.runId, interrupted.datasetId, true),
                    reference.runs.paths(reference.runId, reference.datasetId, true));
    // The curves too: every point of the uninterrupted run, once.
    const auto a = interrupted.runs.history(interrupted.runId, interrupted.datasetId);
    const auto b = reference.runs.history(reference.runId, reference.datasetId);
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t k = 0; k < a.size(); ++k) {
        EXPECT_EQ(a[k].step, b[k].step);
        EXPECT_EQ(a[k].distanceLoss, b[k].distanceLoss);
        EXPECT_EQ(a[k].usage, b[k].usage);
    }
}

TEST(RunCheckpoints, ResumesOnlyWhenEveryConceptHasACheckpointOfTheSameStep)
{
    auto stored = [](int cls, int init, int step, bool final) {
        StoredPath p;
        p.classIndex = cls;
        p.initialization = init;
        p.step = step;
        p.final = final;
        p.logits = {{float(cls), 0.5f}, {-1.0f}};
        return p;
    };
    const RunCheckpoints checkpoints({stored(0, 0, 30, true), stored(1, 0, 20, false), stored(2, 0, 20, false),
                                      stored(3, 0, 10, false), stored(1, 1, 20, false)});
    EXPECT_EQ(checkpoints.pending({0, 1, 2, 3, 4}, 0), (std::vector<int>{1, 2, 3, 4}));
    EXPECT_EQ(checkpoints.pending({0, 1}, 1), (std::vector<int>{0, 1}));

    const auto resume = checkpoints.resumePoint({1, 2}, 0);
    ASSERT_TRUE(resume);
    EXPECT_EQ(resume->step, 20);
    ASSERT_EQ(resume->logits.size(), 2u);
    EXPECT_EQ(resume->logits[1][0][0].item<float>(), 2.0f);  // concept 2's first block
    EXPECT_FALSE(checkpoints.resumePoint({1, 3}, 0));        // steps differ: start the pass over
    EXPECT_FALSE(checkpoints.resumePoint({1, 4}, 0));        // concept 4 has none
    EXPECT_FALSE(checkpoints.resumePoint({0, 1}, 1));        // concept 0 has none in init 1
}

TEST(RunSummaryWarnings, SayWhereThePathIsTheWholeNetworkTiesAndOneInitialization)
{
    RunSummary s;
    s.initializations = 3;
    s.minUsagePerBlock = {1.0, 0.995, 0.5, 1.0, 1.0, 0.2, 0.3, 0.3};
    s.similarity = {{1.0, 0.8, 0.3}, {0.8, 1.0, 0.4}, {0.3, 0.4, 1.0}};
    auto full = s.warnings();
    ASSERT_EQ(full.size(), 1u);  // 4 of 8 blocks: not most
    EXPECT_EQ(full[0], "in block(s) 1, 2, 4, 5 every path keeps at least 99 % of the units: there the path is the "
                       "original network");
    s.minUsagePerBlock.back() = 1.0;  // 5 of 8: most blocks
    full = s.warnings();
    ASSERT_EQ(full.size(), 2u);
    EXPECT_NE(full[1].find("in most blocks the paths are the whole network"), std::string::npos);
    auto brief = s.warnings(true);
    ASSERT_EQ(brief.size(), 1u);
    EXPECT_EQ(brief[0], "every path keeps ≥ 99 % of the units in block(s) 1, 2, 4, 5, 8 (the original network there, "
                        "most of the network)");
    // Consecutive blocks read as a range; ties and one initialization are said too.
    s.minUsagePerBlock.assign(10, 1.0);
    s.minUsagePerBlock.push_back(0.4);
    s.similarity = {{1.0, 1.0, 1.0}, {1.0, 1.0, 1.0}, {1.0, 1.0, 1.0}};
    s.initializations = 1;
    brief = s.warnings(true);
    ASSERT_EQ(brief.size(), 3u);
    EXPECT_NE(brief[0].find("block(s) 1–10 "), std::string::npos);
    EXPECT_EQ(brief[1], "tied distances: the dendrogram's order among them is arbitrary");
    EXPECT_EQ(brief[2], "one initialization: stability and the spread of I not measured");
    // Nothing to say about sparse, distinct paths from several initializations.
    s.minUsagePerBlock.assign(11, 0.5);
    s.similarity = {{1.0, 0.8, 0.3}, {0.8, 1.0, 0.4}, {0.3, 0.4, 1.0}};
    s.initializations = 3;
    EXPECT_TRUE(s.warnings().empty());
}
