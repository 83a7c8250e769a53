#include "Errors.h"
#include "TestFiles.h"
#include "data/ConceptHierarchy.h"
#include "data/FashionMnist.h"

#include <gtest/gtest.h>

using namespace nad;

namespace {
const std::vector<std::string> kClasses = {"cat", "dog", "car", "bus", "apple"};

std::string errorOf(const std::string& json)
{
    try {
        ConceptHierarchy::fromJsonText(json, kClasses, "h.json");
    } catch (const DataError& e) {
        return e.what();
    }
    return "no error";
}
}  // namespace

TEST(ConceptHierarchy, ParsesGroupsInFileOrder)
{
    const auto h =
        ConceptHierarchy::fromJsonText(R"({"vehicle": ["car", "bus"], "animal": ["dog", "cat"]})", kClasses, "h.json");
    ASSERT_EQ(h.groups().size(), 2u);
    EXPECT_EQ(h.groups()[0].primary, "vehicle");
    EXPECT_EQ(h.groups()[1].members, (std::vector<std::string>{"dog", "cat"}));
    EXPECT_EQ(h.primaryOf("cat"), "animal");
    EXPECT_EQ(h.primaryOf("apple"), "");
    EXPECT_EQ(h.ungrouped(kClasses), (std::vector<std::string>{"apple"}));
    EXPECT_EQ(h.groupIndexPerClass(kClasses), (std::vector<int>{1, 1, 0, 0, -1}));
    // Round trip through JSON keeps the order.
    const auto again = ConceptHierarchy::fromJsonText(h.toJsonText(), kClasses, "again");
    EXPECT_EQ(again.groups()[0].members, h.groups()[0].members);
}

TEST(ConceptHierarchy, RejectsBadFilesNamingTheProblem)
{
    EXPECT_NE(errorOf(R"({"animal": ["cat", "lion"]})").find("'lion'"), std::string::npos);
    EXPECT_NE(errorOf(R"({"a": ["cat"], "b": ["cat"]})").find("more than one primary"), std::string::npos);
    EXPECT_NE(errorOf(R"({"a": ["cat"], "a": ["dog"]})").find("appears twice"), std::string::npos);
    EXPECT_NE(errorOf(R"({"cat": ["dog"], "dog": ["car"]})").find("cyclic"), std::string::npos);
    EXPECT_NE(errorOf(R"({"a": []})").find("no members"), std::string::npos);
    EXPECT_NE(errorOf(R"(["cat"])").find("must be a JSON object"), std::string::npos);
    EXPECT_NE(errorOf(R"({"a": "cat"})").find("must be an array"), std::string::npos);
    EXPECT_NE(errorOf(R"({"a": [1]})").find("not a string"), std::string::npos);
    EXPECT_NE(errorOf(R"({"a": ["cat")").find("not valid JSON"), std::string::npos);
    EXPECT_NE(errorOf(R"({"a": ["cat")").find("h.json"), std::string::npos);
}

TEST(ConceptHierarchy, ReadsFileAndReportsMissingFile)
{
    nadtest::TemporaryDirectory dir;
    nadtest::writeText(dir.file("h.json"), R"({"pets": ["cat", "dog"]})");
    EXPECT_EQ(ConceptHierarchy::fromJsonFile(dir.file("h.json"), kClasses).groups().size(), 1u);
    EXPECT_THROW(ConceptHierarchy::fromJsonFile(dir.file("none.json"), kClasses), DataError);
}

TEST(ConceptHierarchy, BuiltinFashionMnistGroupingCoversEveryClassOnce)
{
    const auto h = FashionMnist::builtinHierarchy();
    EXPECT_EQ(h.groups().size(), 3u);
    EXPECT_TRUE(h.ungrouped(FashionMnist::classNames()).empty());
    EXPECT_EQ(h.primaryOf("Ankle boot"), "footwear");
    EXPECT_EQ(h.primaryOf("Dress"), "tops");
    EXPECT_EQ(h.primaryOf("Bag"), "others");
}
