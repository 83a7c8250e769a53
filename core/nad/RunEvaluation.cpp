#include "nad/RunEvaluation.h"

#include "Errors.h"
#include "analysis/ConceptClustering.h"
#include "analysis/PathMetrics.h"
#include "jobs/RunContext.h"
#include "store/ProjectStore.h"
#include "store/RunStore.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <map>
#include <set>

namespace nad {

RunSummary RunEvaluation::evaluate(ProjectStore& project, std::int64_t runId, const std::string& zooDirectory,
                                   BlockNetwork* loaded, std::size_t heldOutPerClass)
{
    const RunContext context = RunContext::open(project, runId, zooDirectory);
    RunStore runs(project);
    std::shared_ptr<BlockNetwork> owned;
    BlockNetwork* network = loaded;
    if (!network) {
        owned = context.loadNetwork();
        network = owned.get();
    }
    const ImageSet test = context.heldOut(heldOutPerClass);
    const auto byInit = context.finalPaths(project);
    const Normalization& normalization = context.model.normalization;
    const auto* run = &context.run;
    const auto* model = &context.model.record;

    RunSummary summary;
    summary.runId = context.run.id;
    summary.modelName = model->name;
    summary.initializations = int(byInit.size());
    std::vector<MetricRecord> metrics;
    std::vector<double> interpretabilities;
    std::map<int, std::vector<ConceptEvaluation>> perConcept;
    std::vector<std::vector<PackedPath>> packedByInit;
    for (const auto& [init, paths] : byInit) {
        const auto evaluations = PathEvaluator::evaluate(*network, test, normalization, paths);
        std::vector<PackedPath> packed;
        std::vector<double> accuracies;
        for (std::size_t c = 0; c < paths.size(); ++c) {
            packed.emplace_back(paths[c].binary);
            accuracies.push_back(evaluations[c].pathPrecision);
            perConcept[int(paths[c].classIndex)].push_back(evaluations[c]);
            const int cls = int(paths[c].classIndex);
            metrics.push_back({"path_precision", evaluations[c].pathPrecision, cls, init});
            metrics.push_back({"path_specificity", evaluations[c].pathSpecificity, cls, init});
            metrics.push_back({"usage", evaluations[c].usage, cls, init});
        }
        const auto similarity = PathMetrics::similarityMatrix(packed);
        if (packed.size() >= 2) {
            interpretabilities.push_back(PathMetrics::interpretability(accuracies, similarity));
            metrics.push_back({"interpretability", interpretabilities.back(), -1, init});
        }
        packedByInit.push_back(std::move(packed));
        const auto usage = PathMetrics::unitUsagePerBlock(packedByInit.back());
        if (summary.usagePerBlock.empty())
            summary.usagePerBlock.assign(usage.size(), 0.0);
        for (std::size_t b = 0; b < usage.size(); ++b)
            summary.usagePerBlock[b] += usage[b] / double(byInit.size());
    }

    summary.similarity = PathMetrics::meanSimilarity(packedByInit);

    const std::vector<std::string> classNames =
        nlohmann::json::parse(model->classNames).get<std::vector<std::string>>();
    for (auto& [cls, evaluations] : perConcept) {
        ConceptEvaluation mean = evaluations.front();
        for (std::size_t k = 1; k < evaluations.size(); ++k) {
            mean.pathPrecision += evaluations[k].pathPrecision;
            mean.pathSpecificity += evaluations[k].pathSpecificity;
            mean.usage += evaluations[k].usage;
        }
        mean.pathPrecision /= double(evaluations.size());
        mean.pathSpecificity /= double(evaluations.size());
        mean.usage /= double(evaluations.size());
        mean.degenerate = PathEvaluator::isDegenerate(mean);
        summary.concepts.push_back(mean);
        summary.classNames.push_back(cls < int(classNames.size()) ? classNames[std::size_t(cls)] : std::to_string(cls));
        metrics.push_back({"path_precision", mean.pathPrecision, cls, -1});
        metrics.push_back({"path_specificity", mean.pathSpecificity, cls, -1});
        metrics.push_back({"original_precision", mean.originalPrecision, cls, -1});
        metrics.push_back({"original_specificity", mean.originalSpecificity, cls, -1});
        metrics.push_back({"usage", mean.usage, cls, -1});
        metrics.push_back({"degenerate", mean.degenerate ? 1.0 : 0.0, cls, -1});
    }
    for (std::size_t c = 0; c < summary.concepts.size(); ++c) {
        std::vector<PackedPath> ofConcept;
        for (const auto& packed : packedByInit)
            if (c < packed.size())
                ofConcept.push_back(packed[c]);
        summary.stability.push_back(PathMetrics::stability(ofConcept));
        metrics.push_back({"stability", summary.stability.back(), int(summary.concepts[c].classIndex), -1});
    }
    metrics.push_back({"held_out_images", double(test.count())});
    for (std::size_t b = 0; b < summary.usagePerBlock.size(); ++b)
        metrics.push_back({"unit_usage", summary.usagePerBlock[b], -1, -1, int(b)});
    if (!interpretabilities.empty()) {
        double mean = 0, variance = 0;
        for (double v : interpretabilities)
            mean += v / double(interpretabilities.size());
        for (double v : interpretabilities)
            variance += (v - mean) * (v - mean) / double(interpretabilities.size());
        summary.interpretabilityMean = mean;
        summary.interpretabilityStd = std::sqrt(variance);
        metrics.push_back({"interpretability", mean});
        metrics.push_back({"interpretability_std", summary.interpretabilityStd});
    }
    if (summary.concepts.size() >= 2) {
        const auto merges = ConceptClustering::averageLinkageOfSimilarity(summary.similarity);
        summary.leafOrder = ConceptClustering::leafOrder(merges);
        const ConceptHierarchy hierarchy = project.hierarchy(run->datasetId);
        if (!hierarchy.empty()) {
            const auto groups = hierarchy.groupIndexPerClass(summary.classNames);
            int ungrouped = int(hierarchy.groups().size());
            std::vector<int> truth;
            for (int g : groups)
                truth.push_back(g >= 0 ? g : ungrouped++);
            std::size_t distinct = std::set<int>(truth.begin(), truth.end()).size();
            summary.adjustedRandIndex = ConceptClustering::adjustedRandIndex(
                ConceptClustering::cut(merges, std::min(distinct, summary.concepts.size())), truth);
            metrics.push_back({"adjusted_rand_index", summary.adjustedRandIndex});
        }
    }
    if (project.isReadOnly() == false)
        runs.saveMetrics(context.run.id, run->datasetId, metrics);
    return summary;
}

RunSummary RunEvaluation::load(const ProjectStore& project, std::int64_t runId)
{
    RunStore runs(project);
    if (runId == 0)
        runId = runs.latestFinishedRun();
    const auto run = runs.run(runId);
    if (!run)
        throw InvalidArgument("project '" + project.path() + "' has no run " + std::to_string(runId));
    const auto model = runs.model(run->modelId);
    if (!model)
        throw ProjectError("run " + std::to_string(runId) + " refers to a model missing from the project");
    const auto metrics = runs.metrics(runId, run->datasetId);
    if (metrics.empty())
        throw InvalidArgument("run " + std::to_string(runId) + " (" + model->name +
                              ") has not been evaluated (run `nad evaluate`)");
    const std::vector<std::string> classNames =
        nlohmann::json::parse(model->classNames).get<std::vector<std::string>>();

    RunSummary summary;
    summary.runId = runId;
    summary.modelName = model->name;
    std::map<int, ConceptEvaluation> concepts;
    std::map<int, double> stability;
    std::map<int, double> usagePerBlock;
    std::set<int> initializations;
    for (const auto& m : metrics) {
        if (m.initialization >= 0) {
            initializations.insert(m.initialization);
            continue;
        }
        if (m.block >= 0 && m.name == "unit_usage") {
            usagePerBlock[m.block] = m.value;
        } else if (m.classIndex >= 0) {
            ConceptEvaluation& e = concepts[m.classIndex];
            e.classIndex = m.classIndex;
            if (m.name == "path_precision")
                e.pathPrecision = m.value;
            else if (m.name == "path_specificity")
                e.pathSpecificity = m.value;
            else if (m.name == "original_precision")
                e.originalPrecision = m.value;
            else if (m.name == "original_specificity")
                e.originalSpecificity = m.value;
            else if (m.name == "usage")
                e.usage = m.value;
            else if (m.name == "degenerate")
                e.degenerate = m.value != 0;
            else if (m.name == "stability")
                stability[m.classIndex] = m.value;
        } else if (m.name == "interpretability") {
            summary.interpretabilityMean = m.value;
        } else if (m.name == "interpretability_std") {
            summary.interpretabilityStd = m.value;
        } else if (m.name == "adjusted_rand_index") {
            summary.adjustedRandIndex = m.value;
        }
    }
    summary.initializations = int(initializations.size());
    for (const auto& [cls, e] : concepts) {
        summary.concepts.push_back(e);
        summary.classNames.push_back(cls < int(classNames.size()) ? classNames[std::size_t(cls)] : std::to_string(cls));
        summary.stability.push_back(stability.count(cls) ? stability.at(cls) : 1.0);
    }
    for (const auto& [block, value] : usagePerBlock)
        summary.usagePerBlock.push_back(value);

    // M and the dendrogram come from the stored paths: cheap, and exact.
    std::map<int, std::vector<PackedPath>> byInit;
    for (const auto& p : runs.paths(runId, run->datasetId, true))
        if (concepts.count(p.classIndex))
            byInit[p.initialization].emplace_back(p.binary);
    std::vector<std::vector<PackedPath>> pathsPerInit;
    for (auto& [init, packed] : byInit)
        pathsPerInit.push_back(std::move(packed));
    summary.similarity = PathMetrics::meanSimilarity(pathsPerInit);
    if (summary.concepts.size() >= 2)
        summary.leafOrder =
            ConceptClustering::leafOrder(ConceptClustering::averageLinkageOfSimilarity(summary.similarity));
    return summary;
}

}  // namespace nad
