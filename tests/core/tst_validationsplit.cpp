#include "data/ImageSet.h"
#include "data/ValidationSplit.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace nad;

namespace {

ImageSet labelledSet(const std::vector<int>& perClass)
{
    ImageSet set;
    set.channels = set.height = set.width = 1;
    for (std::size_t c = 0; c < perClass.size(); ++c) {
        set.classNames.push_back("c" + std::to_string(c));
        for (int i = 0; i < perClass[c]; ++i) {
            set.labels.push_back(std::int64_t(c));
            set.pixels.push_back(std::uint8_t(i));
        }
    }
    // Interleave the classes as real files are: sort by pixel, then by class.
    std::vector<std::size_t> order(set.count());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return set.pixels[a] < set.pixels[b]; });
    return set.subset(order);
}

}  // namespace

TEST(ValidationSplit, StratifiedDisjointSeededAndAtMostHalfOfAClass)
{
    const ImageSet set = labelledSet({100, 40, 6, 1});
    const auto split = ValidationSplit::make(set, 10, 7);
    // Every image lands in exactly one part.
    std::vector<std::size_t> all = split.learning;
    all.insert(all.end(), split.validation.begin(), split.validation.end());
    std::sort(all.begin(), all.end());
    ASSERT_EQ(all.size(), set.count());
    for (std::size_t i = 0; i < all.size(); ++i)
        EXPECT_EQ(all[i], i);
    // Per class: 10 when the class has 20 or more, else half of it (rounded down).
    std::vector<int> perClass(4, 0);
    for (std::size_t i : split.validation)
        ++perClass[std::size_t(set.labels[i])];
    EXPECT_EQ(perClass, (std::vector<int>{10, 10, 3, 0}));
    EXPECT_TRUE(std::is_sorted(split.validation.begin(), split.validation.end()));
    // The same seed gives the same split; another seed another draw of the same sizes.
    EXPECT_EQ(ValidationSplit::make(set, 10, 7).validation, split.validation);
    const auto other = ValidationSplit::make(set, 10, 8);
    EXPECT_EQ(other.validation.size(), split.validation.size());
    EXPECT_NE(other.validation, split.validation);
    // A draw, not the first images of the class.
    const auto firstOfClass0 = set.indicesOfClass(0);
    std::vector<std::size_t> validationOfClass0;
    for (std::size_t i : split.validation)
        if (set.labels[i] == 0)
            validationOfClass0.push_back(i);
    EXPECT_NE(validationOfClass0, std::vector<std::size_t>(firstOfClass0.begin(), firstOfClass0.begin() + 10));

    // Learning images of a class: in storage order, none of them a validation image, capped.
    const auto learning = split.learningOfClass(set, 1, 25);
    ASSERT_EQ(learning.size(), 25u);
    for (std::size_t i : learning) {
        EXPECT_EQ(set.labels[i], 1);
        EXPECT_FALSE(std::binary_search(split.validation.begin(), split.validation.end(), i));
    }
    EXPECT_TRUE(std::is_sorted(learning.begin(), learning.end()));
    EXPECT_EQ(split.learningOfClass(set, 1, 0).size(), 30u);
    EXPECT_EQ(split.learningOfClass(set, 3, 0).size(), 1u);
}
