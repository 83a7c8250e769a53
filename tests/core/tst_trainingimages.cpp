// Issue 16: a run's training images are decoded pass by pass (TrainingImages), kept as 8-bit
// pixels and normalized per batch (ConceptImages).
#include "Errors.h"
#include "TestFiles.h"
#include "nad/DatasetImages.h"
#include "nad/TrainingImages.h"
#include "nn/ImageBatch.h"

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include <cstdio>
#include <filesystem>

using namespace nad;
namespace fs = std::filesystem;

namespace {

// An ImageFolder of `classes` classes with `perClass` 8x8 colour PNGs each (no splits: a fifth is
// held out). Pixels encode class and file, so equal sets mean the same files.
DatasetRecord makeFolder(const nadtest::TemporaryDirectory& dir, int classes, int perClass)
{
    for (int c = 0; c < classes; ++c) {
        char name[16];
        std::snprintf(name, sizeof name, "class%03d", c);
        fs::create_directories(dir.path() / name);
        for (int i = 0; i < perClass; ++i)
            cv::imwrite(dir.file(std::string(name) + "/" + std::to_string(i) + ".png"),
                        cv::Mat(8, 8, CV_8UC3, cv::Scalar(i, c % 256, (c * 7 + i) % 256)));
    }
    DatasetRecord dataset;
    dataset.name = "synthetic";
    dataset.kind = "imagefolder";
    dataset.path = dir.path().string();
    return dataset;
}

ImageTransform rgb8()
{
    return ImageTransform::forModelInput(3, 8, false);
}

TrainingImages::Settings settings(std::size_t perConcept)
{
    TrainingImages::Settings s;
    s.perConcept = perConcept;
    s.seed = 5;
    s.normalization = Normalization::imageNet();
    return s;
}

}  // namespace

// Pixels normalized per batch give exactly the floats ImageBatch::images gives.
TEST(ConceptImages, PixelsNormalizePerBatchToTheSameFloats)
{
    ImageSet set;
    set.channels = 3;
    set.height = 5;
    set.width = 4;
    for (int i = 0; i < 6 * 60; ++i)
        set.pixels.push_back(std::uint8_t((i * 37) % 256));
    set.labels.assign(6, 0);
    const std::vector<std::size_t> indices{4, 0, 2};
    const Normalization normalization = Normalization::imageNet();
    const ConceptImages concept = ConceptImages::ofPixels(0, ImageBatch::pixels(set, indices), normalization);
    EXPECT_TRUE(concept.holdsPixels());
    EXPECT_EQ(concept.bytes(), 3 * 60);
    const torch::Tensor floats = ImageBatch::images(set, indices, normalization, torch::kCPU);
    EXPECT_TRUE(torch::equal(concept.range(0, 3, torch::kCPU), floats));
    EXPECT_TRUE(torch::equal(concept.rows(torch::tensor({2, 0}, torch::kInt64), torch::kCPU),
                             torch::stack({floats[2], floats[0]})));
    EXPECT_THROW(ConceptImages::ofPixels(0, torch::zeros({1, 3, 2, 2}), normalization), InvalidArgument);
}

// Each pass decodes only its concepts, and gets the files loading every concept at once takes.
TEST(TrainingImages, PassesHoldTheSameImagesAsLoadingEverything)
{
    nadtest::TemporaryDirectory dir;
    const DatasetRecord dataset = makeFolder(dir, 6, 10);  // 8 training images per class
    const RunPlan plan = RunPlan{{0, 1, 2, 3, 4, 5}, {}, 2, 1};
    const ImageSet all = DatasetImages::training(dataset, rgb8(), {}, 5, 5);
    TrainingImages images(dataset, rgb8(), plan, settings(5));
    EXPECT_TRUE(images.prefetches());
    for (int pass = 0; pass < plan.passes(); ++pass) {
        const auto concepts = images.pass(plan.passClasses(pass), torch::kCPU);
        ASSERT_EQ(concepts.size(), 2u);
        for (const auto& c : concepts) {
            EXPECT_TRUE(c.holdsPixels());
            const torch::Tensor expected = ImageBatch::pixels(all, all.indicesOfClass(c.classIndex));
            EXPECT_TRUE(torch::equal(c.images, expected)) << "class " << c.classIndex;
        }
    }
    // A resumed pass asks for part of a pass only.
    const auto part = images.pass({3}, torch::kCPU);
    ASSERT_EQ(part.size(), 1u);
    EXPECT_EQ(part[0].classIndex, 3);
    EXPECT_EQ(part[0].count(), 5);
}

// Memory holds a bounded number of passes: ten times the concepts, the same peak.
TEST(TrainingImages, PeakMemoryDoesNotGrowWithTheNumberOfConcepts)
{
    auto peakFor = [](int classes) {
        nadtest::TemporaryDirectory dir;
        const DatasetRecord dataset = makeFolder(dir, classes, 10);
        RunPlan plan;
        for (int c = 0; c < classes; ++c)
            plan.classes.push_back(c);
        plan.conceptsPerPass = 4;
        TrainingImages images(dataset, rgb8(), plan, settings(0));
        for (int pass = 0; pass < plan.passes(); ++pass)
            images.pass(plan.passClasses(pass), torch::kCPU);
        return images.peakBytes();
    };
    const std::size_t bytesPerPass = 4 * 8 * 3 * 8 * 8;  // 4 concepts x 8 images of 8x8 RGB
    const std::size_t twenty = peakFor(20);
    EXPECT_EQ(peakFor(200), twenty);
    EXPECT_LE(twenty, 3 * bytesPerPass);  // the pass, its tensors, the next pass decoding
    EXPECT_GE(twenty, 2 * bytesPerPass);
}

TEST(TrainingImages, APassLargerThanTheBudgetIsRefusedBeforeDecoding)
{
    nadtest::TemporaryDirectory dir;
    const DatasetRecord dataset = makeFolder(dir, 4, 10);
    const RunPlan plan = RunPlan{{0, 1, 2, 3}, {}, 4, 1};
    auto s = settings(0);
    s.memoryBytes = 4 * 8 * 3 * 8 * 8;  // one copy of the pass, not the two it needs
    try {
        TrainingImages images(dataset, rgb8(), plan, s);
        FAIL() << "a pass over the budget was accepted";
    } catch (const InvalidArgument& e) {
        EXPECT_NE(std::string(e.what()).find("--memory"), std::string::npos) << e.what();
    }
    s.memoryBytes = 2 * 4 * 8 * 3 * 8 * 8;  // two copies fit, a third (prefetch) does not
    TrainingImages images(dataset, rgb8(), plan, s);
    EXPECT_FALSE(images.prefetches());
    EXPECT_EQ(images.pass({0, 1, 2, 3}, torch::kCPU).size(), 4u);
}

// The held-out split for an evaluation: held in memory when its pixels fit the budget, else read
// on demand; either way the same images under the same labels as loading it whole.
TEST(HeldOutImages, HeldWhenTheyFitReadOnDemandOtherwise)
{
    nadtest::TemporaryDirectory dir;
    const DatasetRecord dataset = makeFolder(dir, 5, 10);  // 2 held out per class: 10 images of 192 bytes
    const ImageSet whole = DatasetImages::heldOut(dataset, rgb8(), 0);
    ASSERT_EQ(whole.count(), 10u);
    const auto held = DatasetImages::heldOutSource(dataset, rgb8(), 0, 10 * 192);
    const auto streamed = DatasetImages::heldOutSource(dataset, rgb8(), 0, 10 * 192 - 1);
    EXPECT_NE(dynamic_cast<const ImageSetSource*>(held.get()), nullptr);
    EXPECT_EQ(dynamic_cast<const ImageSetSource*>(streamed.get()), nullptr);
    std::vector<std::size_t> all(10);
    for (std::size_t i = 0; i < all.size(); ++i)
        all[i] = i;
    for (const ImageSource* source : {held.get(), streamed.get()}) {
        EXPECT_EQ(source->labels(), whole.labels);
        const ImageSet read = source->read(all);
        EXPECT_EQ(read.pixels, whole.pixels);
    }
}
