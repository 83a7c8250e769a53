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

namespace {

// What evaluate() gathers, initialization by initialization, before it becomes the summary
// and the stored metrics (in the order they have always been stored).
struct Evaluation
{
    RunSummary summary;
    std::vector<MetricRecord> metrics;
    std::vector<double> interpretabilities;                    // Eq. 12, per initialization
    std::map<int, std::vector<ConceptEvaluation>> perConcept;  // by class, one per initialization
    std::vector<std::vector<PackedPath>> packedByInit;
};

// One initialization's paths: per-concept metrics, I (Eq. 12) and its share of the unit usage.
void addInitialization(Evaluation& e, int init, const std::vector<LearnedPath>& paths,
                       const std::vector<ConceptEvaluation>& evaluations, std::size_t initializations)
{
    std::vector<PackedPath> packed;
    std::vector<double> accuracies;
    for (std::size_t c = 0; c < paths.size(); ++c) {
        packed.emplace_back(paths[c].binary);
        accuracies.push_back(evaluations[c].pathPrecision);
        const int cls = int(paths[c].classIndex);
        e.perConcept[cls].push_back(evaluations[c]);
        e.metrics.push_back({"path_precision", evaluations[c].pathPrecision, cls, init});
        e.metrics.push_back({"path_specificity", evaluations[c].pathSpecificity, cls, init});
        e.metrics.push_back({"usage", evaluations[c].usage, cls, init});
    }
    const auto similarity = PathMetrics::similarityMatrix(packed);
    if (packed.size() >= 2) {
        e.interpretabilities.push_back(PathMetrics::interpretability(accuracies, similarity));
        e.metrics.push_back({"interpretability", e.interpretabilities.back(), -1, init});
    }
    e.packedByInit.push_back(std::move(packed));
    const auto usage = PathMetrics::unitUsagePerBlock(e.packedByInit.back());
    if (e.summary.usagePerBlock.empty())
        e.summary.usagePerBlock.assign(usage.size(), 0.0);
    for (std::size_t b = 0; b < usage.size(); ++b)
        e.summary.usagePerBlock[b] += usage[b] / double(initializations);
}

// Each concept's metrics averaged over initializations, with its degenerate flag.
void averageConcepts(Evaluation& e, const std::vector<std::string>& classNames)
{
    for (auto& [cls, evaluations] : e.perConcept) {
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
        e.summary.concepts.push_back(mean);
        e.summary.classNames.push_back(cls < int(classNames.size()) ? classNames[std::size_t(cls)]
                                                                    : std::to_string(cls));
        e.metrics.push_back({"path_precision", mean.pathPrecision, cls, -1});
        e.metrics.push_back({"path_specificity", mean.pathSpecificity, cls, -1});
        e.metrics.push_back({"original_precision", mean.originalPrecision, cls, -1});
        e.metrics.push_back({"original_specificity", mean.originalSpecificity, cls, -1});
        e.metrics.push_back({"usage", mean.usage, cls, -1});
        e.metrics.push_back({"degenerate", mean.degenerate ? 1.0 : 0.0, cls, -1});
    }
}

// Mean pairwise similarity of each concept's paths over initializations.
void addStability(Evaluation& e)
{
    for (std::size_t c = 0; c < e.summary.concepts.size(); ++c) {
        std::vector<PackedPath> ofConcept;
        for (const auto& packed : e.packedByInit)
            if (c < packed.size())
                ofConcept.push_back(packed[c]);
        e.summary.stability.push_back(PathMetrics::stability(ofConcept));
        e.metrics.push_back({"stability", e.summary.stability.back(), int(e.summary.concepts[c].classIndex), -1});
    }
}

// I's mean and standard deviation over initializations.
void addInterpretability(Evaluation& e)
{
    const auto& values = e.interpretabilities;
    if (values.empty())
        return;
    double mean = 0, variance = 0;
    for (double v : values)
        mean += v / double(values.size());
    for (double v : values)
        variance += (v - mean) * (v - mean) / double(values.size());
    e.summary.interpretabilityMean = mean;
    e.summary.interpretabilityStd = std::sqrt(variance);
    e.metrics.push_back({"interpretability", mean});
    e.metrics.push_back({"interpretability_std", e.summary.interpretabilityStd});
}

// Fig. 7: the dendrogram order and, with a hierarchy, the adjusted Rand index of the cut into as
// many clusters as there are groups (ungrouped concepts count as groups of their own).
void clusterAgainstHierarchy(Evaluation& e, const ConceptHierarchy& hierarchy)
{
    RunSummary& summary = e.summary;
    if (summary.concepts.size() < 2)
        return;
    const auto merges = ConceptClustering::averageLinkageOfSimilarity(summary.similarity);
    summary.leafOrder = ConceptClustering::leafOrder(merges);
    if (hierarchy.empty())
        return;
    const auto groups = hierarchy.groupIndexPerClass(summary.classNames);
    int ungrouped = int(hierarchy.groups().size());
    std::vector<int> truth;
    for (int g : groups)
        truth.push_back(g >= 0 ? g : ungrouped++);
    const std::size_t distinct = std::set<int>(truth.begin(), truth.end()).size();
    summary.adjustedRandIndex = ConceptClustering::adjustedRandIndex(
        ConceptClustering::cut(merges, std::min(distinct, summary.concepts.size())), truth);
    e.metrics.push_back({"adjusted_rand_index", summary.adjustedRandIndex});
}

}  // namespace

RunSummary RunEvaluation::evaluate(ProjectStore& project, std::int64_t runId, const std::string& zooDirectory,
                                   BlockNetwork* loaded, std::size_t heldOutPerClass)
{
    const RunContext context = RunContext::open(project, runId, zooDirectory);
    std::shared_ptr<BlockNetwork> owned;
    BlockNetwork* network = loaded;
    if (!network) {
        owned = context.loadNetwork();
        network = owned.get();
    }
    const ImageSet test = context.heldOut(heldOutPerClass);
    const auto byInit = context.finalPaths(project);

    Evaluation e;
    e.summary.runId = context.run.id;
    e.summary.modelName = context.model.name;
    e.summary.initializations = int(byInit.size());
    for (const auto& [init, paths] : byInit)
        addInitialization(e, init, paths, PathEvaluator::evaluate(*network, test, context.model.normalization, paths),
                          byInit.size());
    e.summary.similarity = PathMetrics::meanSimilarity(e.packedByInit);
    averageConcepts(e, nlohmann::json::parse(context.model.record.classNames).get<std::vector<std::string>>());
    addStability(e);
    e.metrics.push_back({"held_out_images", double(test.count())});
    for (std::size_t b = 0; b < e.summary.usagePerBlock.size(); ++b)
        e.metrics.push_back({"unit_usage", e.summary.usagePerBlock[b], -1, -1, int(b)});
    addInterpretability(e);
    if (e.summary.concepts.size() >= 2)
        clusterAgainstHierarchy(e, project.hierarchy(context.run.datasetId));
    if (!project.isReadOnly())
        RunStore(project).saveMetrics(context.run.id, context.run.datasetId, e.metrics);
    return e.summary;
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
