#include "Errors.h"
#include "nad/ShardSpec.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace nad;

TEST(ShardSpec, ParsesOneBasedIndexOfCount)
{
    const ShardSpec s = ShardSpec::parse("2/5");
    EXPECT_EQ(s.index, 2);
    EXPECT_EQ(s.count, 5);
    EXPECT_TRUE(s.active());
    EXPECT_EQ(s.text(), "2/5");
    EXPECT_EQ(ShardSpec::parse("1/1").count, 1);
    for (const char* bad : {"0/3", "4/3", "1/0", "3", "a/b", "-1/3", "1/3/4", "/3", "1/", " 1/3"})
        EXPECT_THROW(ShardSpec::parse(bad), InvalidArgument) << bad;
    EXPECT_FALSE(ShardSpec{}.active());
}

TEST(ShardSpec, SplitsRoundRobinInClassOrderWhateverTheListOrder)
{
    const std::vector<int> classes{8, 1, 4, 5, 2, 4};  // as typed, one twice
    EXPECT_EQ(ShardSpec::parse("1/3").select(classes), (std::vector<int>{1, 5}));
    EXPECT_EQ(ShardSpec::parse("2/3").select(classes), (std::vector<int>{2, 8}));
    EXPECT_EQ(ShardSpec::parse("3/3").select(classes), (std::vector<int>{4}));
    EXPECT_EQ(ShardSpec{}.select(classes), (std::vector<int>{1, 2, 4, 5, 8}));
    EXPECT_TRUE(ShardSpec::parse("6/6").select(classes).empty());
    // Every concept in exactly one shard, for any N.
    for (int n = 1; n <= 7; ++n) {
        std::vector<int> all;
        for (int i = 1; i <= n; ++i)
            for (int c : ShardSpec{i, n}.select(classes))
                all.push_back(c);
        std::sort(all.begin(), all.end());
        EXPECT_EQ(all, (std::vector<int>{1, 2, 4, 5, 8})) << n;
    }
}

TEST(ShardSpec, StripsTheShardRecordOnly)
{
    EXPECT_EQ(ShardSpec::withoutShard(R"({"steps":20,"shard":{"index":1,"count":2},"alpha":1.0})"),
              R"({"alpha":1.0,"steps":20})");
    EXPECT_EQ(ShardSpec::withoutShard(R"({"alpha":1.0,"steps":20})"), R"({"alpha":1.0,"steps":20})");
}
