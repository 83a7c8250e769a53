#include "nad/LambdaSweep.h"

#include "Errors.h"
#include "analysis/PathEvaluator.h"
#include "nad/PathLearner.h"
#include "nn/ImageBatch.h"

#include <chrono>

namespace nad {

std::vector<SweepPoint> LambdaSweep::run(BlockNetwork& network, const ImageSet& train, const ImageSet& test,
                                         const Normalization& normalization, const std::vector<int>& classes,
                                         const std::vector<double>& lambdas, const LearnerOptions& options,
                                         int imagesPerConcept, const ProgressCallback& progress,
                                         const std::atomic<bool>* cancel)
{
    if (classes.empty() || lambdas.empty())
        throw InvalidArgument("a sweep needs at least one concept and one lambda");
    std::vector<ConceptImages> concepts;
    for (int cls : classes) {
        auto indices = train.indicesOfClass(cls);
        if (imagesPerConcept > 0 && indices.size() > std::size_t(imagesPerConcept))
            indices.resize(std::size_t(imagesPerConcept));  // the first N of the class: the same for every λ
        concepts.push_back({cls, ImageBatch::images(train, indices, normalization, network.device())});
    }
    std::vector<SweepPoint> points;
    for (std::size_t p = 0; p < lambdas.size(); ++p) {
        if (cancel && cancel->load())
            break;
        const auto start = std::chrono::steady_clock::now();
        LearnerOptions o = options;
        o.lambda = lambdas[p];
        o.initializations = 1;
        PathLearner learner(network, o);
        const auto paths = learner.learn(
            concepts, 0,
            [&](const LearnerProgress& lp) {
                if (progress)
                    progress(p, lp.step, lp.steps);
            },
            cancel);
        if (cancel && cancel->load())
            break;
        const auto evaluations = PathEvaluator::evaluate(network, test, normalization, paths);
        SweepPoint point;
        point.lambda = lambdas[p];
        for (const auto& e : evaluations) {
            const double n = double(evaluations.size());
            point.usage += e.usage / n;
            point.pathPrecision += e.pathPrecision / n;
            point.originalPrecision += e.originalPrecision / n;
            point.pathSpecificity += e.pathSpecificity / n;
            point.originalSpecificity += e.originalSpecificity / n;
            point.degenerate += e.degenerate ? 1 : 0;
        }
        point.faithful = point.pathPrecision >= point.originalPrecision - 0.02;
        point.specific = point.pathSpecificity >= point.originalSpecificity - 0.05;
        point.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        points.push_back(point);
    }
    return points;
}

int LambdaSweep::recommended(const std::vector<SweepPoint>& points)
{
    int best = -1;
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (points[i].faithful && points[i].specific && (best < 0 || points[i].usage < points[std::size_t(best)].usage))
            best = int(i);
    }
    return best;
}

}  // namespace nad
