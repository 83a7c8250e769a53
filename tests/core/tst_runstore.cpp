#include "Errors.h"
#include "TestFiles.h"
#include "data/DatasetInspector.h"
#include "store/ProjectStore.h"
#include "store/RunStore.h"

#include <gtest/gtest.h>

#include <map>

using namespace nad;

namespace {

std::int64_t addToyDataset(ProjectStore& store)
{
    DatasetSummary s;
    s.path = "/data/toy";
    s.kind = "idx";
    s.classNames = {"cat", "dog", "car"};
    s.splits = {{"train", "", 3, {1, 1, 1}}, {"test", "", 3, {1, 1, 1}}};
    return store.addDataset(s, "toy");
}

ModelRecord toyModel(const std::string& sha)
{
    ModelRecord m;
    m.name = "vgg-w4-s1";
    m.family = "vgg";
    m.path = "/zoo/vgg-w4-s1.json";
    m.sha256 = sha;
    m.blocks = {{"conv1_1", 3}, {"conv1_2", 70}};
    return m;
}

// A run of the toy model on the toy data set.
std::int64_t addToyRun(RunStore& runs, std::int64_t datasetId)
{
    RunRecord run;
    run.modelId = runs.ensureModel(toyModel("abc"));
    run.datasetId = datasetId;
    return runs.createRun(run);
}

}  // namespace

TEST(RunStore, BitsPackLsbFirst)
{
    const std::vector<std::uint8_t> bits = {1, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    const auto packed = RunStore::packBits(bits);
    EXPECT_EQ(packed, (std::vector<std::uint8_t>{0x01, 0x02}));
    EXPECT_EQ(RunStore::unpackBits(packed, 10), bits);
    EXPECT_THROW(RunStore::unpackBits(packed, 17), ProjectError);
}

TEST(RunStore, ModelsRunsPathsAndMetricsRoundTrip)
{
    nadtest::TemporaryDirectory dir;
    const std::string path = dir.file("p.nad");
    std::int64_t runId = 0, datasetId = 0;
    {
        ProjectStore project = ProjectStore::create(path);
        datasetId = addToyDataset(project);
        RunStore runs(project);
        const std::int64_t modelId = runs.ensureModel(toyModel("abc"));
        EXPECT_EQ(runs.ensureModel(toyModel("abc")), modelId);          // same weights: same record
        EXPECT_THROW(runs.ensureModel(toyModel("def")), ProjectError);  // same name, other weights
        RunRecord run;
        run.modelId = modelId;
        run.datasetId = datasetId;
        run.hyperparameters = R"({"lambda":0.05})";
        run.seed = 7;
        runId = runs.createRun(run);
        runs.setStatus(runId, RunStatus::Running);

        StoredPath p;
        p.classIndex = 2;
        p.initialization = 1;
        p.step = 40;
        p.logits = {{0.5f, -1.25f, 3.0f}, std::vector<float>(70, -0.5f)};
        p.binary = {{1, 0, 1}, std::vector<std::uint8_t>(70, 0)};
        p.binary[1][69] = 1;
        runs.savePaths(runId, datasetId, {p});
        p.step = 80;
        p.final = true;
        runs.savePaths(runId, datasetId, {p});  // replaces the checkpoint
        runs.saveMetrics(runId, datasetId, {{"path_precision", 0.9, 2, -1}, {"unit_usage", 0.4, -1, -1, 1}});
        runs.saveMetrics(runId, datasetId, {{"path_precision", 0.95, 2, -1}});  // replaces
        runs.setStatus(runId, RunStatus::Finished, {}, 12.5);
    }
    ProjectStore project = ProjectStore::open(path, ProjectStore::Mode::ReadOnly);
    RunStore runs(project);
    const auto model = runs.model("vgg-w4-s1");
    ASSERT_TRUE(model.has_value());
    ASSERT_EQ(model->blocks.size(), 2u);
    EXPECT_EQ(model->blocks[1].second, 70);
    const auto run = runs.run(runId);
    ASSERT_TRUE(run.has_value());
    EXPECT_EQ(run->status, RunStatus::Finished);
    EXPECT_DOUBLE_EQ(run->elapsedSeconds, 12.5);
    EXPECT_EQ(run->seed, 7u);
    const auto paths = runs.paths(runId, datasetId, true);
    ASSERT_EQ(paths.size(), 1u);
    EXPECT_EQ(paths[0].classIndex, 2);
    EXPECT_EQ(paths[0].step, 80);
    EXPECT_TRUE(paths[0].final);
    EXPECT_EQ(paths[0].logits[0], (std::vector<float>{0.5f, -1.25f, 3.0f}));
    EXPECT_EQ(paths[0].binary[1][69], 1);
    EXPECT_EQ(paths[0].binary[1][68], 0);
    const auto metrics = runs.metrics(runId, datasetId);
    ASSERT_EQ(metrics.size(), 2u);
    EXPECT_EQ(metrics[0].name, "path_precision");
    EXPECT_DOUBLE_EQ(metrics[0].value, 0.95);
    EXPECT_EQ(metrics[0].classIndex, 2);
    EXPECT_EQ(metrics[1].block, 1);
    EXPECT_EQ(project.info().pathCount, 1);
}

TEST(RunStore, LearningHistoryRoundTripsAndReplacesByStep)
{
    nadtest::TemporaryDirectory dir;
    ProjectStore project = ProjectStore::create(dir.file("p.nad"));
    const std::int64_t datasetId = addToyDataset(project);
    RunStore runs(project);
    const std::int64_t runId = addToyRun(runs, datasetId);
    runs.saveHistory(runId, datasetId,
                     {{2, 0, 10, 5.5, 30.0, 0.6}, {1, 0, 10, 4.0, 28.0, 0.5}, {2, 0, 1, 9.0, 20.0, 0.4}});
    // A resumed run records step 10 again: the row is replaced, not duplicated.
    runs.saveHistory(runId, datasetId, {{2, 0, 10, 5.0, 31.0, 0.65}});
    const auto history = runs.history(runId, datasetId);
    ASSERT_EQ(history.size(), 3u);
    EXPECT_EQ(history[0].classIndex, 1);
    EXPECT_EQ(history[1].step, 1);  // concept 2 in step order
    EXPECT_EQ(history[2].step, 10);
    EXPECT_DOUBLE_EQ(history[2].distanceLoss, 5.0);
    EXPECT_DOUBLE_EQ(history[2].usage, 0.65);
    EXPECT_THROW(runs.saveHistory(runId, datasetId, {{9, 0, 1, 1.0, 1.0, 1.0}}), ProjectError);
    EXPECT_EQ(runs.history(runId, datasetId).size(), 3u);  // rolled back
}

// The run each model shows in the studio's views and the demo reuses: its latest run that
// finished and has metrics (a finished run not yet evaluated, or a running one that already
// stored metrics, has no figures to show).
TEST(RunStore, LatestEvaluatedRunPerModel)
{
    nadtest::TemporaryDirectory dir;
    ProjectStore project = ProjectStore::create(dir.file("p.nad"));
    const std::int64_t datasetId = addToyDataset(project);
    RunStore runs(project);
    ModelRecord other = toyModel("def");
    other.name = "resnet-w4-s1";
    const std::int64_t otherModel = runs.ensureModel(other);
    auto addRun = [&](std::int64_t modelId, RunStatus status, bool metrics) {
        RunRecord run;
        run.modelId = modelId;
        run.datasetId = datasetId;
        const std::int64_t id = runs.createRun(run);
        if (metrics)
            runs.saveMetrics(id, datasetId, {{"path_precision", 0.9, 0, -1}});
        runs.setStatus(id, status);
        return id;
    };
    const std::int64_t toy = runs.ensureModel(toyModel("abc"));
    EXPECT_TRUE(runs.latestEvaluatedRuns().empty());
    const std::int64_t first = addRun(toy, RunStatus::Finished, true);
    const std::int64_t second = addRun(toy, RunStatus::Finished, true);
    addRun(toy, RunStatus::Finished, false);  // not evaluated
    addRun(toy, RunStatus::Running, true);    // metrics, but not finished
    addRun(otherModel, RunStatus::Interrupted, true);
    EXPECT_LT(first, second);
    EXPECT_EQ(runs.latestEvaluatedRuns(), (std::map<std::int64_t, std::int64_t>{{toy, second}}));
    const std::int64_t otherRun = addRun(otherModel, RunStatus::Finished, true);
    EXPECT_EQ(runs.latestEvaluatedRuns(),
              (std::map<std::int64_t, std::int64_t>{{toy, second}, {otherModel, otherRun}}));
}

// The explorer reads a run's concepts without LibTorch; RunSettings writes them under the same key.
TEST(RunStore, RequestedConceptsFromTheStoredSettings)
{
    RunRecord run;
    run.hyperparameters = R"({"lambda":0.01,"concepts":["Bag","Coat"]})";
    EXPECT_EQ(run.requestedConcepts(), (std::vector<std::string>{"Bag", "Coat"}));
    run.hyperparameters = R"({"lambda":0.01,"concepts":[]})";  // every concept
    EXPECT_EQ(run.requestedConcepts(), std::vector<std::string>{});
    run.hyperparameters = R"({"lambda":0.01})";
    EXPECT_EQ(run.requestedConcepts(), std::vector<std::string>{});
    run.hyperparameters = R"({"concepts":"Bag"})";
    EXPECT_EQ(run.requestedConcepts(), std::nullopt);
    run.hyperparameters = "not json";
    EXPECT_EQ(run.requestedConcepts(), std::nullopt);
}

TEST(RunStore, UnknownConceptIsRefused)
{
    nadtest::TemporaryDirectory dir;
    ProjectStore project = ProjectStore::create(dir.file("p.nad"));
    const std::int64_t datasetId = addToyDataset(project);
    RunStore runs(project);
    const std::int64_t runId = addToyRun(runs, datasetId);
    StoredPath p;
    p.classIndex = 9;
    p.logits = {{0.0f}};
    p.binary = {{0}};
    EXPECT_THROW(runs.savePaths(runId, datasetId, {p}), ProjectError);
    EXPECT_TRUE(runs.paths(runId, datasetId, false).empty());  // the transaction rolled back
}
