#include "Errors.h"
#include "jobs/RunSettings.h"
#include "store/RunStore.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace nad;

namespace {

DisentangleRequest nonDefaultRequest()
{
    DisentangleRequest r;
    r.options.preset = LearnerPreset::Official;
    r.options.alpha = 0.25;
    r.options.alphaDecaySteps = 150;
    r.options.lambda = 0.125;
    r.options.distance = PathDistance::RelativeSquared;
    r.options.sparsity = PathSparsity::BlockMean;
    r.options.negatives.margin = 1.5;
    r.options.negatives.hinge = 0.25;
    r.options.negatives.kl = 2;
    r.options.negatives.oneVsRest = 0.5;
    r.options.negativePool = 300;
    r.options.batchSize = 12;
    r.options.steps = 77;
    r.options.convergenceWindow = 9;
    r.options.convergenceTolerance = 0.002;
    r.options.minSteps = 30;
    r.options.epochs = 4;
    r.options.initializations = 3;
    r.options.seed = 42;
    r.imagesPerConcept = 64;
    r.concepts = {"Bag", "Coat"};
    return r;
}

}  // namespace

TEST(RunSettings, StoredSettingsGiveBackTheRequestThatWroteThem)
{
    const DisentangleRequest written = nonDefaultRequest();
    const std::string json = RunSettings::toJson(written);
    const DisentangleRequest read = RunSettings::fromJson(json);
    EXPECT_EQ(read.options.preset, LearnerPreset::Official);
    EXPECT_DOUBLE_EQ(read.options.alpha, 0.25);
    EXPECT_EQ(read.options.alphaDecaySteps, 150);
    EXPECT_DOUBLE_EQ(read.options.lambda, 0.125);
    EXPECT_EQ(read.options.distance, PathDistance::RelativeSquared);
    EXPECT_EQ(read.options.sparsity, PathSparsity::BlockMean);
    EXPECT_EQ(read.options.negatives.margin, 1.5);
    EXPECT_EQ(read.options.negatives.hinge, 0.25);
    EXPECT_EQ(read.options.negatives.kl, 2);
    EXPECT_EQ(read.options.negatives.oneVsRest, 0.5);
    EXPECT_EQ(read.options.negativePool, 300);
    EXPECT_EQ(read.options.batchSize, 12);
    EXPECT_EQ(read.options.steps, 77);
    EXPECT_EQ(read.options.convergenceWindow, 9);
    EXPECT_EQ(read.options.convergenceTolerance, 0.002);
    EXPECT_EQ(read.options.minSteps, 30);
    EXPECT_EQ(read.options.epochs, 4);
    EXPECT_EQ(read.options.initializations, 3);
    EXPECT_EQ(read.options.seed, 42u);
    EXPECT_EQ(read.imagesPerConcept, 64);
    EXPECT_EQ(read.concepts, (std::vector<std::string>{"Bag", "Coat"}));
    EXPECT_TRUE(read.lambdaGiven);
    // What resuming compares: the read request writes the same JSON again.
    EXPECT_EQ(RunSettings::toJson(read), json);
    // The explorer's LibTorch-free reading of the same record agrees.
    RunRecord record;
    record.hyperparameters = json;
    EXPECT_EQ(record.requestedConcepts(), written.concepts);
}

TEST(RunSettings, ShardRecordNamesItsConceptsAndIsLeftOutOfTheSharedSettings)
{
    DisentangleRequest r = nonDefaultRequest();
    const std::string unsharded = RunSettings::toJson(r);
    r.shard = ShardSpec::parse("2/3");
    r.evaluationImagesPerConcept = 50;
    const auto json = nlohmann::json::parse(RunSettings::toJson(r, {"Coat"}));
    EXPECT_EQ(json.at("shard").at("index"), 2);
    EXPECT_EQ(json.at("shard").at("count"), 3);
    EXPECT_EQ(json.at("shard").at("concepts"), nlohmann::json({"Coat"}));
    EXPECT_EQ(json.at("shard").at("eval_images_per_concept"), 50);
    EXPECT_EQ(ShardSpec::withoutShard(json.dump()), unsharded);
}

TEST(RunSettings, UnreadableOrForeignSettingsAreRefused)
{
    EXPECT_THROW(RunSettings::fromJson("not json"), InvalidArgument);
    EXPECT_THROW(RunSettings::fromJson("[1, 2]"), InvalidArgument);
    auto json = nlohmann::json::parse(RunSettings::toJson(nonDefaultRequest()));
    json.erase("alpha");
    EXPECT_THROW(RunSettings::fromJson(json.dump()), InvalidArgument);  // incomplete
    json = nlohmann::json::parse(RunSettings::toJson(nonDefaultRequest()));
    json["written_by"] = "a later version";
    EXPECT_THROW(RunSettings::fromJson(json.dump()), InvalidArgument);  // would not round-trip
    json = nlohmann::json::parse(RunSettings::toJson(nonDefaultRequest()));
    json["steps"] = 2.2e54;
    EXPECT_ANY_THROW(RunSettings::fromJson(json.dump()));  // out of range, never undefined behaviour
}

// Runs stored before the decaying step size existed have no "alpha_decay": they read as the
// constant α and still round-trip, so they can be resumed.
TEST(RunSettings, ConstantStepSizeIsStoredAsBeforeTheDecayExisted)
{
    DisentangleRequest r = nonDefaultRequest();
    r.options.alphaDecaySteps = 0;
    const auto json = nlohmann::json::parse(RunSettings::toJson(r));
    EXPECT_FALSE(json.contains("alpha_decay"));
    EXPECT_EQ(RunSettings::fromJson(json.dump()).options.alphaDecaySteps, 0);
    r.options.alphaDecaySteps = 80;
    EXPECT_EQ(nlohmann::json::parse(RunSettings::toJson(r)).at("alpha_decay"), 80);
}

// Averaged paths likewise: stored only when on, so earlier runs (the last step's paths) read
// back as they were learned; a stored "averaged_paths" that is not a boolean is refused.
TEST(RunSettings, AveragedPathsAreStoredOnlyWhenOn)
{
    DisentangleRequest r = nonDefaultRequest();
    r.options.averagedPaths = false;
    auto json = nlohmann::json::parse(RunSettings::toJson(r));
    EXPECT_FALSE(json.contains("averaged_paths"));
    EXPECT_FALSE(RunSettings::fromJson(json.dump()).options.averagedPaths);
    r.options.useSpecificObjective();
    json = nlohmann::json::parse(RunSettings::toJson(r));
    EXPECT_EQ(json.at("averaged_paths"), true);
    const DisentangleRequest read = RunSettings::fromJson(json.dump());
    EXPECT_TRUE(read.options.averagedPaths);
    EXPECT_TRUE(read.options.usesSpecificObjective());
    EXPECT_EQ(read.options.convergenceWindow, 25);
    json["averaged_paths"] = "yes";
    EXPECT_ANY_THROW(RunSettings::fromJson(json.dump()));
}
