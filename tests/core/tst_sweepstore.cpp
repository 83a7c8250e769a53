#include "Errors.h"
#include "TestFiles.h"
#include "analysis/SweepPoint.h"
#include "store/ProjectSchema.h"
#include "store/ProjectStore.h"
#include "store/SqliteDatabase.h"
#include "store/SweepStore.h"

#include <gtest/gtest.h>

using namespace nad;

namespace {

SweepPoint point(double lambda, double usage)
{
    SweepPoint p;
    p.lambda = lambda;
    p.usage = usage;
    p.usagePerBlock = {1.0, usage, 2 * usage - 1.0};
    p.pathPrecision = 0.9;
    p.originalPrecision = 0.91;
    p.pathSpecificity = 0.97;
    p.originalSpecificity = 0.99;
    p.pathAuroc = 0.98;
    p.originalAuroc = 0.985;
    p.steps = 123.5;
    p.degenerate = 1;
    p.knockoutOwnDrop = 0.8;
    p.knockoutOthersDrop = 0.05;
    p.knockoutRandomDrop = -0.01;
    p.knockoutCausal = 2;
    p.concepts = 3;
    p.seconds = 12.25;
    p.judge();
    return p;
}

SweepRecord sweepOf(const std::string& model, const std::string& label)
{
    SweepRecord s;
    s.modelName = model;
    s.objective = "relative-squared, block-mean, margin 8, one-vs-rest 3";
    s.label = label;
    s.settings = R"({"alpha":1})";
    s.concepts = {"T-shirt/top", "Shirt", "Ankle boot"};
    s.initializations = 3;
    s.validationImages = 5000;
    s.defaultLambda = 0.8;
    s.points = {point(0.4, 0.9), point(0.8, 0.79)};
    return s;
}

}  // namespace

TEST(SweepStore, PointJsonRoundTripsEveryField)
{
    const SweepPoint p = point(0.8, 0.79);
    const SweepPoint back = SweepStore::fromJson(SweepStore::toJson(p));
    EXPECT_EQ(back.lambda, p.lambda);
    EXPECT_EQ(back.usagePerBlock, p.usagePerBlock);
    EXPECT_EQ(back.pathSpecificity, p.pathSpecificity);
    EXPECT_EQ(back.steps, p.steps);
    EXPECT_EQ(back.degenerate, 1);
    EXPECT_TRUE(back.faithful);
    EXPECT_TRUE(back.specific);
    EXPECT_EQ(back.knockoutRandomDrop, -0.01);
    EXPECT_EQ(back.knockoutCausal, 2);
    EXPECT_EQ(back.concepts, 3);
    EXPECT_EQ(back.seconds, 12.25);
    EXPECT_THROW(SweepStore::fromJson("{\"lambda\": 1}"), InvalidArgument);
    EXPECT_THROW(SweepStore::fromJson("not json"), InvalidArgument);
}

TEST(SweepStore, SavedSweepsListPerModelInOrderAndGoWhenRemoved)
{
    nadtest::TemporaryDirectory dir;
    ProjectStore project = ProjectStore::create(dir.file("p.nad"));
    SweepStore store(project);
    EXPECT_TRUE(store.list().empty());
    const std::int64_t first = store.save(sweepOf("vgg-w16-s1", "specific"));
    SweepRecord paper = sweepOf("vgg-w16-s1", "paper");
    paper.defaultLambda.reset();
    paper.points = {point(0.01, 0.97), point(0.02, 0.93), point(0.05, 0.5)};
    store.save(paper);
    store.save(sweepOf("resnet-w8-s1", "specific"));

    EXPECT_EQ(store.models(), (std::vector<std::string>{"vgg-w16-s1", "resnet-w8-s1"}));
    const auto vgg = store.list("vgg-w16-s1");
    ASSERT_EQ(vgg.size(), 2u);
    EXPECT_EQ(vgg[0].id, first);
    EXPECT_EQ(vgg[0].label, "specific");
    EXPECT_EQ(vgg[0].concepts, (std::vector<std::string>{"T-shirt/top", "Shirt", "Ankle boot"}));
    EXPECT_EQ(vgg[0].initializations, 3);
    EXPECT_EQ(vgg[0].validationImages, 5000u);
    ASSERT_TRUE(vgg[0].defaultLambda.has_value());
    EXPECT_EQ(*vgg[0].defaultLambda, 0.8);
    EXPECT_FALSE(vgg[1].defaultLambda.has_value());
    ASSERT_EQ(vgg[1].points.size(), 3u);
    EXPECT_EQ(vgg[1].points[2].lambda, 0.05) << "points keep the order they were swept in";
    EXPECT_FALSE(vgg[0].createdAt.empty());
    EXPECT_EQ(store.list().size(), 3u);

    store.remove(first);
    EXPECT_EQ(store.list("vgg-w16-s1").size(), 1u);
    EXPECT_EQ(
        project.database().queryInt("SELECT count(*) FROM sweep_points WHERE sweep_id = " + std::to_string(first)), 0)
        << "a sweep's points go with it";
}

TEST(SweepStore, NothingIsStoredWithoutAModelOrPoints)
{
    nadtest::TemporaryDirectory dir;
    ProjectStore project = ProjectStore::create(dir.file("p.nad"));
    SweepStore store(project);
    SweepRecord empty = sweepOf("vgg", "paper");
    empty.points.clear();
    EXPECT_THROW(store.save(empty), InvalidArgument);
    SweepRecord nameless = sweepOf("", "paper");
    EXPECT_THROW(store.save(nameless), InvalidArgument);
    EXPECT_EQ(project.database().queryInt("SELECT count(*) FROM sweeps"), 0);
}

TEST(SweepStore, ReadOnlyProjectsRefuseToStore)
{
    nadtest::TemporaryDirectory dir;
    const std::string path = dir.file("p.nad");
    ProjectStore::create(path);
    ProjectStore project = ProjectStore::open(path, ProjectStore::Mode::ReadOnly);
    SweepStore store(project);
    EXPECT_ANY_THROW(store.save(sweepOf("vgg", "paper")));
    EXPECT_TRUE(store.list().empty());
}
