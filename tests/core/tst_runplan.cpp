#include "Errors.h"
#include "jobs/RunPlan.h"

#include <gtest/gtest.h>

using namespace nad;

namespace {

// Five concepts whose class indices are not their positions, as an ImageFolder may number them.
std::vector<ConceptRecord> concepts()
{
    std::vector<ConceptRecord> all;
    const std::vector<std::string> names{"coat", "bag", "shirt", "sandal", "boot"};
    for (std::size_t k = 0; k < names.size(); ++k) {
        ConceptRecord c;
        c.classIndex = int(k) * 2;
        c.name = names[k];
        all.push_back(c);
    }
    return all;
}

}  // namespace

TEST(RunPlan, EmptyRequestTakesEveryConceptInDataSetOrder)
{
    const RunPlan plan = RunPlan::make(concepts(), {}, {}, 2, 3);
    EXPECT_EQ(plan.classes, (std::vector<int>{0, 2, 4, 6, 8}));
    EXPECT_EQ(plan.conceptNames, (std::vector<std::string>{"coat", "bag", "shirt", "sandal", "boot"}));
    EXPECT_EQ(plan.initializations, 3);
    // Five concepts, two per pass: three passes, the last with one concept.
    EXPECT_EQ(plan.passes(), 3);
    EXPECT_EQ(plan.passClasses(0), (std::vector<int>{0, 2}));
    EXPECT_EQ(plan.passClasses(2), (std::vector<int>{8}));
    EXPECT_TRUE(plan.passClasses(3).empty());
}

TEST(RunPlan, NamedConceptsKeepTheOrderTheyWereGiven)
{
    const RunPlan plan = RunPlan::make(concepts(), {"boot", "coat"}, {}, 10, 1);
    EXPECT_EQ(plan.classes, (std::vector<int>{8, 0}));
    EXPECT_EQ(plan.conceptNames, (std::vector<std::string>{"boot", "coat"}));
    EXPECT_EQ(plan.passes(), 1);
}

TEST(RunPlan, UnknownConceptIsRefusedWithTheKnownNames)
{
    try {
        RunPlan::make(concepts(), {"coat", "scarf"}, {}, 10, 1);
        FAIL() << "no error";
    } catch (const InvalidArgument& e) {
        EXPECT_STREQ(e.what(), "unknown concept 'scarf' (the data set has: coat, bag, shirt, sandal, boot)");
    }
    EXPECT_THROW(RunPlan::make(concepts(), {}, {}, 0, 1), InvalidArgument);
}

TEST(RunPlan, ShardsSplitRoundRobinInClassOrderAndCoverEveryConceptOnce)
{
    // Requested out of class order: the split follows class order (ShardSpec), whatever was typed.
    const std::vector<std::string> requested{"boot", "bag", "coat", "sandal", "shirt"};
    std::vector<int> covered;
    for (int i = 1; i <= 2; ++i) {
        const RunPlan plan = RunPlan::make(concepts(), requested, ShardSpec::parse(std::to_string(i) + "/2"), 1, 1);
        covered.insert(covered.end(), plan.classes.begin(), plan.classes.end());
        EXPECT_EQ(plan.passes(), int(plan.classes.size()));  // one concept per pass
        if (i == 1)
            EXPECT_EQ(plan.conceptNames, (std::vector<std::string>{"coat", "shirt", "boot"}));
        else
            EXPECT_EQ(plan.conceptNames, (std::vector<std::string>{"bag", "sandal"}));
    }
    std::sort(covered.begin(), covered.end());
    EXPECT_EQ(covered, (std::vector<int>{0, 2, 4, 6, 8}));
}

TEST(RunPlan, ShardWithNothingLeftIsRefusedBeforeARunExists)
{
    try {
        RunPlan::make(concepts(), {"bag", "boot"}, ShardSpec::parse("3/3"), 1, 1);
        FAIL() << "no error";
    } catch (const InvalidArgument& e) {
        EXPECT_STREQ(e.what(), "shard 3/3 has no concepts: only 2 concept(s) were requested, so use at most 2 shards");
    }
}
