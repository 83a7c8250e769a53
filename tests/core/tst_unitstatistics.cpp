#include "Errors.h"
#include "TestFiles.h"
#include "analysis/UnitStatistics.h"
#include "data/DatasetInspector.h"
#include "store/ProjectStore.h"
#include "store/RunStore.h"
#include "store/UnitStatisticsStore.h"

#include <gtest/gtest.h>

using namespace nad;

namespace {

// 5 images × 2 units; labels 0, 1, 0, 1, 2. Unit 0 ranks images 3 > 1 = 4 > 0 > 2; unit 1
// answers the same everywhere, so only the image order breaks its ties.
const std::vector<float> kResponses = {0.5f, 1.0f,   // image 0, class 0
                                       2.0f, 1.0f,   // image 1, class 1
                                       0.0f, 1.0f,   // image 2, class 0
                                       4.0f, 1.0f,   // image 3, class 1
                                       2.0f, 1.0f};  // image 4, class 2
const std::vector<std::int64_t> kLabels = {0, 1, 0, 1, 2};

BlockUnitStatistics measure(std::size_t chunk, std::size_t topCount)
{
    UnitStatisticsBuilder builder(3, "conv2", 2, {0, 1, 2}, topCount);
    for (std::size_t first = 0; first < kLabels.size(); first += chunk) {
        const std::size_t count = std::min(chunk, kLabels.size() - first);
        builder.add(kResponses.data() + first * 2, kLabels.data() + first, count, first);
    }
    return builder.finish();
}

}  // namespace

TEST(UnitStatistics, ClassMeansAndTopImagesByHand)
{
    const BlockUnitStatistics s = measure(5, 3);
    EXPECT_EQ(s.images, 5u);
    EXPECT_EQ(s.block, 3u);
    EXPECT_FLOAT_EQ(s.classMean(0, 0), 0.25f);  // (0.5 + 0) / 2
    EXPECT_FLOAT_EQ(s.classMean(0, 1), 3.0f);   // (2 + 4) / 2
    EXPECT_FLOAT_EQ(s.classMean(0, 2), 2.0f);
    EXPECT_FLOAT_EQ(s.classMean(1, 1), 1.0f);
    // Equal responses: the earlier image first.
    EXPECT_EQ(s.topImagesOf(0, 3), (std::vector<std::int64_t>{3, 1, 4}));
    EXPECT_EQ(s.topResponsesOf(0, 3), (std::vector<float>{4.0f, 2.0f, 2.0f}));
    EXPECT_EQ(s.topImagesOf(1, 3), (std::vector<std::int64_t>{0, 1, 2}));
    EXPECT_EQ(s.topImagesOf(0, 1), (std::vector<std::int64_t>{3}));
}

TEST(UnitStatistics, ChunkingDoesNotChangeTheResult)
{
    const BlockUnitStatistics whole = measure(5, 3);
    for (std::size_t chunk : {1u, 2u, 3u}) {
        const BlockUnitStatistics chunked = measure(chunk, 3);
        EXPECT_EQ(chunked.topImages, whole.topImages) << "chunk " << chunk;
        EXPECT_EQ(chunked.classMeans, whole.classMeans) << "chunk " << chunk;
    }
}

TEST(UnitStatistics, FewerImagesThanTheTopCountArePadded)
{
    const BlockUnitStatistics s = measure(2, 8);
    EXPECT_EQ(s.topImagesOf(0, 8).size(), 5u);
    EXPECT_EQ(s.topImages[7], -1);
    EXPECT_NO_THROW(s.check());
}

TEST(UnitKeeping, SharePerConceptAndOrderByConceptsKeeping)
{
    // Concept 0 over 3 initializations, concept 1 over 1; 3 units.
    const std::vector<std::vector<std::vector<std::uint8_t>>> paths = {
        {{1, 0, 1}, {1, 0, 0}, {1, 1, 0}},
        {{0, 1, 1}},
    };
    const UnitKeeping sharing = UnitKeeping::fromPaths(paths, 3);
    EXPECT_DOUBLE_EQ(sharing.keptShare[0][0], 1.0);
    EXPECT_DOUBLE_EQ(sharing.keptShare[1][0], 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(sharing.keptShare[2][0], 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(sharing.keptShare[2][1], 1.0);
    EXPECT_EQ(sharing.conceptsKeeping(0), 1);
    EXPECT_EQ(sharing.conceptsKeeping(1), 1);  // concept 0 keeps it in only 1 of 3
    EXPECT_EQ(sharing.unitsByConceptsKeeping(), (std::vector<std::size_t>{0, 1, 2}));
    const UnitKeeping flipped = UnitKeeping::fromPaths({{{0, 0, 1}}, {{0, 1, 1}}}, 3);
    EXPECT_EQ(flipped.unitsByConceptsKeeping(), (std::vector<std::size_t>{2, 1, 0}));
    EXPECT_THROW(UnitKeeping::fromPaths({{{1, 0}}}, 3), InvalidArgument);
}

TEST(UnitStatisticsStore, JsonRoundTripAndDamagedInput)
{
    const BlockUnitStatistics s = measure(5, 3);
    const BlockUnitStatistics back = UnitStatisticsStore::fromJson(UnitStatisticsStore::toJson(s));
    EXPECT_EQ(back.blockName, "conv2");
    EXPECT_EQ(back.classes, s.classes);
    EXPECT_EQ(back.classMeans, s.classMeans);
    EXPECT_EQ(back.topImages, s.topImages);
    EXPECT_EQ(back.topResponses, s.topResponses);
    EXPECT_THROW(UnitStatisticsStore::fromJson("{\"block\": 1}"), InvalidArgument);
    std::string inconsistent = UnitStatisticsStore::toJson(s);
    inconsistent.replace(inconsistent.find("\"units\":2"), 9, "\"units\":7");
    EXPECT_THROW(UnitStatisticsStore::fromJson(inconsistent), InvalidArgument);
}

TEST(UnitStatisticsStore, CachedPerRunAndBlockWithEnoughTopImages)
{
    nadtest::TemporaryDirectory dir;
    ProjectStore project = ProjectStore::create(dir.file("p.nad"));
    DatasetSummary summary;
    summary.path = "/data/toy";
    summary.kind = "idx";
    summary.classNames = {"a", "b", "c"};
    summary.splits = {{"train", "", 3, {1, 1, 1}}, {"test", "", 3, {1, 1, 1}}};
    RunStore runs(project);
    ModelRecord model;
    model.name = "toy";
    model.family = "vgg";
    model.sha256 = "abc";
    model.blocks = {{"conv1", 2}};
    RunRecord run;
    run.datasetId = project.addDataset(summary, "toy");
    run.modelId = runs.ensureModel(model);
    const std::int64_t runId = runs.createRun(run);

    UnitStatisticsStore cache(project);
    EXPECT_FALSE(cache.load(runId, 3, 3).has_value());
    cache.save(runId, measure(5, 3));
    ASSERT_TRUE(cache.load(runId, 3, 3).has_value());
    EXPECT_EQ(cache.load(runId, 3, 2)->topImagesOf(0, 3), (std::vector<std::int64_t>{3, 1, 4}));
    EXPECT_FALSE(cache.load(runId, 3, 4).has_value()) << "a cache of 3 top images cannot serve 4";
    EXPECT_FALSE(cache.load(runId, 2, 3).has_value());
    runs.removeRun(runId);
    EXPECT_FALSE(cache.load(runId, 3, 3).has_value()) << "the cache goes with its run";
}
