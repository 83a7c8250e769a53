// End to end on real data: a small VGG trained on Fashion-MNIST, paths for two concepts
// learned with the paper's loss, evaluated on held-out images.
#include "TestData.h"
#include "analysis/PathEvaluator.h"
#include "data/FashionMnist.h"
#include "nad/PathLearner.h"
#include "nn/ImageBatch.h"
#include "nn/NetworkFactory.h"
#include "nn/ZooTrainer.h"

#include <gtest/gtest.h>

using namespace nad;

namespace {

const Normalization kNormalization = Normalization::fashionMnist();

}  // namespace

TEST(PathEvaluation, PathsOnASmallVggStayFaithfulAndSpecific)
{
    if (!FashionMnist::looksLikeIdxDirectory(NAD_FASHION_MNIST_DIR))
        GTEST_SKIP() << "Debian's dataset-fashion-mnist is not installed";
    torch::set_num_threads(2);
    const ImageSet train = nadtest::balancedSubset(FashionMnist::load(NAD_FASHION_MNIST_DIR, Split::Train), 300);
    const ImageSet test = nadtest::balancedSubset(FashionMnist::load(NAD_FASHION_MNIST_DIR, Split::Test), 100);

    torch::manual_seed(3);
    NetworkConfig config;
    config.width = 8;
    auto network = NetworkFactory::create("vgg", config);
    TrainingOptions training;
    training.epochs = 4;
    training.batchSize = 64;
    const TrainingResult trained = ZooTrainer::train(*network, train, test, kNormalization, training);
    ASSERT_GT(trained.testAccuracy, 0.6);

    // Trouser (1) and Bag (8): learned together in one batched pass.
    std::vector<ConceptImages> concepts;
    for (std::int64_t c : {1, 8}) {
        const auto indices = train.indicesOfClass(c);
        concepts.push_back({c, ImageBatch::images(train, indices, kNormalization, network->device())});
    }
    LearnerOptions options;
    options.lambda = 0.02;
    options.alpha = 1.0;  // the defaults: 100 steps at α = 1 travel as far as 1,000 at α = 0.1
    options.steps = 100;
    options.batchSize = 16;
    const auto paths = PathLearner(*network, options).learn(concepts, 0);
    const auto results = PathEvaluator::evaluate(*network, test, kNormalization, paths);
    ASSERT_EQ(results.size(), 2u);
    for (const auto& r : results) {
        SCOPED_TRACE("concept " + std::to_string(r.classIndex));
        EXPECT_GE(r.pathPrecision, r.originalPrecision - 0.05);
        EXPECT_GE(r.pathSpecificity, r.originalSpecificity - 0.05);
        EXPECT_LT(r.usage, 1.0);
        EXPECT_GT(r.usage, 0.0);
        EXPECT_FALSE(r.degenerate);
        std::printf("concept %lld: precision %.3f (original %.3f), specificity %.3f (original %.3f), usage %.3f\n",
                    static_cast<long long>(r.classIndex), r.pathPrecision, r.originalPrecision, r.pathSpecificity,
                    r.originalSpecificity, r.usage);
    }
    // Two different concepts do not share the same path.
    EXPECT_NE(paths[0].binary, paths[1].binary);
}
