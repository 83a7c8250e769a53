#include "nad/LambdaSweep.h"

#include "Errors.h"
#include "analysis/KnockoutTest.h"
#include "analysis/PathEvaluator.h"
#include "nad/NegativePool.h"
#include "nad/PathLearner.h"
#include "nn/ImageBatch.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace nad {
namespace {

// Means over the concepts' evaluations (every initialization's) at one λ.
SweepPoint pointOf(double lambda, const std::vector<ConceptEvaluation>& evaluations,
                   const std::vector<LearnedPath>& paths)
{
    SweepPoint point;
    point.lambda = lambda;
    const double n = double(evaluations.size());
    for (const auto& e : evaluations) {
        point.usage += e.usage / n;
        point.pathPrecision += e.pathPrecision / n;
        point.originalPrecision += e.originalPrecision / n;
        point.pathSpecificity += e.pathSpecificity / n;
        point.originalSpecificity += e.originalSpecificity / n;
        point.pathAuroc += e.pathAuroc / n;
        point.originalAuroc += e.originalAuroc / n;
        point.degenerate += e.degenerate ? 1 : 0;
    }
    for (const auto& path : paths) {
        point.steps += double(path.steps) / double(paths.size());
        const auto shares = path.usagePerBlock();
        point.usagePerBlock.resize(shares.size(), 0.0);
        for (std::size_t i = 0; i < shares.size(); ++i)
            point.usagePerBlock[i] += shares[i] / double(paths.size());
    }
    point.judge();
    return point;
}

// The knockout test's means over the concepts, each concept's drops averaged over the first
// KnockoutTest::kInitializations initializations; causal: the rule on those means.
void addKnockout(SweepPoint& point, BlockNetwork& network, const ImageSet& validation,
                 const Normalization& normalization, const std::vector<std::vector<LearnedPath>>& initializations)
{
    if (initializations.empty() || initializations.front().size() < 2)
        return;
    const auto results = KnockoutTest::runOverInitializations(network, ImageSetSource(validation), normalization,
                                                              initializations, KnockoutTest::kImagesPerClass);
    const double n = double(results.size());
    for (const auto& k : results) {
        point.knockoutOwnDrop += k.ownDrop / n;
        point.knockoutOthersDrop += k.othersDrop / n;
        point.knockoutRandomDrop += k.randomOwnDrop / n;
        point.knockoutCausal += k.causal() ? 1 : 0;
    }
}

}  // namespace

std::vector<SweepPoint> LambdaSweep::run(BlockNetwork& network, const ImageSet& train,
                                         const Normalization& normalization, const std::vector<int>& classes,
                                         const std::vector<double>& lambdas, const LearnerOptions& options,
                                         const SweepImages& images, const ProgressCallback& progress,
                                         const std::atomic<bool>* cancel)
{
    if (classes.empty() || lambdas.empty())
        throw InvalidArgument("a sweep needs at least one concept and one lambda");
    const ValidationSplit split = ValidationSplit::make(train, images.validationPerClass, images.splitSeed);
    if (split.validation.empty())
        throw InvalidArgument("the training images leave no validation images to choose lambda on");
    std::vector<ConceptImages> concepts;
    for (int cls : classes) {
        // The same learning images for every λ, none of them a validation image.
        const auto indices = split.learningOfClass(train, cls, images.perConcept);
        if (indices.empty())
            throw InvalidArgument("concept " + std::to_string(cls) + " has no training images left to learn from");
        concepts.push_back({cls, ImageBatch::images(train, indices, normalization, network.device())});
    }
    const ImageSet validation = train.subset(split.validation);
    // Other classes' images for the negative-aware terms, from the learning part only.
    const NegativeImages negatives = options.negatives.any()
                                         ? NegativePool::draw(train, split.learning, options.negativePool, options.seed,
                                                              normalization, network.device())
                                         : NegativeImages{};
    std::vector<SweepPoint> points;
    for (std::size_t p = 0; p < lambdas.size(); ++p) {
        if (cancel && cancel->load())
            break;
        const auto start = std::chrono::steady_clock::now();
        LearnerOptions o = options;
        o.lambda = lambdas[p];
        PathLearner learner(network, o);
        learner.setNegatives(negatives);
        std::vector<LearnedPath> paths;
        std::vector<std::vector<LearnedPath>> byInitialization;
        for (int init = 0; init < o.initializations && !(cancel && cancel->load()); ++init) {
            auto learned = learner.learn(
                concepts, init,
                [&](const LearnerProgress& lp) {
                    if (progress)
                        progress(p, init * lp.steps + lp.step, o.initializations * lp.steps);
                },
                cancel);
            paths.insert(paths.end(), learned.begin(), learned.end());
            byInitialization.push_back(std::move(learned));
        }
        if (cancel && cancel->load())
            break;
        SweepPoint point =
            pointOf(lambdas[p], PathEvaluator::evaluate(network, validation, normalization, paths), paths);
        point.concepts = int(concepts.size());
        addKnockout(point, network, validation, normalization, byInitialization);
        point.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        points.push_back(point);
    }
    return points;
}

}  // namespace nad
