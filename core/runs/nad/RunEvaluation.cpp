#include "nad/RunEvaluation.h"

#include "Errors.h"
#include "analysis/ConceptClustering.h"
#include "analysis/PathMetrics.h"
#include "jobs/RunContext.h"
#include "store/ProjectStore.h"
#include "store/RunStore.h"

#include <nlohmann/json.hpp>

#include <algorithm>
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
    std::map<int, std::vector<double>> stepsPerConcept;        // by class, one per initialization
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
        e.stepsPerConcept[cls].push_back(double(paths[c].steps));
        e.metrics.push_back({"path_precision", evaluations[c].pathPrecision, cls, init});
        e.metrics.push_back({"path_specificity", evaluations[c].pathSpecificity, cls, init});
        e.metrics.push_back({"usage", evaluations[c].usage, cls, init});
        e.metrics.push_back({"path_auroc", evaluations[c].pathAuroc, cls, init});
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
    const auto least = PathMetrics::minimumUsagePerBlock(e.packedByInit.back());
    const auto sharing = PathMetrics::sharingPerBlock(e.packedByInit.back());
    if (e.summary.minUsagePerBlock.empty()) {
        e.summary.minUsagePerBlock.assign(usage.size(), 0.0);
        e.summary.sharingPerBlock.assign(usage.size(), UnitSharing{});
    }
    const double share = 1.0 / double(initializations);
    for (std::size_t b = 0; b < usage.size(); ++b) {
        e.summary.usagePerBlock[b] += usage[b] * share;
        e.summary.minUsagePerBlock[b] += least[b] * share;
        e.summary.sharingPerBlock[b].all += sharing[b].all * share;
        e.summary.sharingPerBlock[b].some += sharing[b].some * share;
        e.summary.sharingPerBlock[b].one += sharing[b].one * share;
    }
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
            mean.pathAuroc += evaluations[k].pathAuroc;
        }
        mean.pathAuroc /= double(evaluations.size());
        mean.pathPrecision /= double(evaluations.size());
        mean.pathSpecificity /= double(evaluations.size());
        mean.usage /= double(evaluations.size());
        mean.degenerate = PathEvaluator::isDegenerate(mean);
        e.summary.concepts.push_back(mean);
        e.summary.steps.push_back(PathMetrics::meanAndStd(e.stepsPerConcept[cls]).first);
        e.summary.classNames.push_back(cls < int(classNames.size()) ? classNames[std::size_t(cls)]
                                                                    : std::to_string(cls));
        e.metrics.push_back({"path_precision", mean.pathPrecision, cls, -1});
        e.metrics.push_back({"path_specificity", mean.pathSpecificity, cls, -1});
        e.metrics.push_back({"original_precision", mean.originalPrecision, cls, -1});
        e.metrics.push_back({"original_specificity", mean.originalSpecificity, cls, -1});
        e.metrics.push_back({"usage", mean.usage, cls, -1});
        e.metrics.push_back({"degenerate", mean.degenerate ? 1.0 : 0.0, cls, -1});
        e.metrics.push_back({"path_auroc", mean.pathAuroc, cls, -1});
        e.metrics.push_back({"original_auroc", mean.originalAuroc, cls, -1});
    }
}

// Mean pairwise similarity of each concept's paths over initializations (not stored with one:
// a single path agrees with itself, which measures nothing).
void addStability(Evaluation& e)
{
    if (e.packedByInit.size() < 2)
        return;
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
    std::tie(e.summary.interpretabilityMean, e.summary.interpretabilityStd) = PathMetrics::meanAndStd(values);
    e.metrics.push_back({"interpretability", e.summary.interpretabilityMean});
    if (values.size() >= 2)
        e.metrics.push_back({"interpretability_std", e.summary.interpretabilityStd});
}

// The knockout test on the paths of the first KnockoutTest::kInitializations initializations,
// averaged, on the first KnockoutTest::kImagesPerClass held-out images of each concept and of those
// it is compared with, read as each concept needs them.
void addKnockout(Evaluation& e, BlockNetwork& network, const ImageSource& test, const Normalization& normalization,
                 const std::map<int, std::vector<LearnedPath>>& byInit)
{
    // Only initializations with the first one's concepts, in its order: a run stopped part-way
    // can hold fewer paths in its last initialization, and the means compare concept by concept.
    auto conceptsOf = [](const std::vector<LearnedPath>& paths) {
        std::vector<std::int64_t> classes;
        for (const auto& p : paths)
            classes.push_back(p.classIndex);
        return classes;
    };
    std::vector<std::vector<LearnedPath>> initializations;
    for (const auto& [init, paths] : byInit)
        if (paths.size() >= 2 && (initializations.empty() || conceptsOf(paths) == conceptsOf(initializations.front())))
            initializations.push_back(paths);
    if (initializations.empty())
        return;
    e.summary.knockout = KnockoutTest::runOverInitializations(network, test, normalization, initializations,
                                                              KnockoutTest::kImagesPerClass);
    for (const auto& k : e.summary.knockout) {
        const int cls = int(k.classIndex);
        e.metrics.push_back({"knockout_units", double(k.units), cls, -1});
        e.metrics.push_back({"knockout_own_drop", k.ownDrop, cls, -1});
        e.metrics.push_back({"knockout_others_drop", k.othersDrop, cls, -1});
        e.metrics.push_back({"knockout_random_own_drop", k.randomOwnDrop, cls, -1});
        e.metrics.push_back({"knockout_random_own_drop_std", k.randomOwnDropStd, cls, -1});
        e.metrics.push_back({"knockout_random_others_drop", k.randomOthersDrop, cls, -1});
        e.metrics.push_back({"knockout_random_others_drop_std", k.randomOthersDropStd, cls, -1});
        e.metrics.push_back({"knockout_initializations", double(k.initializations), cls, -1});
        e.metrics.push_back({"knockout_causal_initializations", double(k.causalInitializations), cls, -1});
    }
}

// Per block: mean and least usage, units used by every / some / one concept; and Var(M).
void addBlockMetrics(Evaluation& e)
{
    const RunSummary& s = e.summary;
    for (std::size_t b = 0; b < s.usagePerBlock.size(); ++b) {
        e.metrics.push_back({"unit_usage", s.usagePerBlock[b], -1, -1, int(b)});
        e.metrics.push_back({"unit_usage_min", s.minUsagePerBlock[b], -1, -1, int(b)});
        e.metrics.push_back({"units_all", s.sharingPerBlock[b].all, -1, -1, int(b)});
        e.metrics.push_back({"units_some", s.sharingPerBlock[b].some, -1, -1, int(b)});
        e.metrics.push_back({"units_one", s.sharingPerBlock[b].one, -1, -1, int(b)});
    }
    e.summary.similarityVariance = PathMetrics::similarityVariance(s.similarity);
    e.metrics.push_back({"similarity_variance", e.summary.similarityVariance});
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

// A stored per-concept metric into its field.
void readConceptMetric(ConceptEvaluation& e, const MetricRecord& m)
{
    static const std::map<std::string, double ConceptEvaluation::*> fields = {
        {"path_precision", &ConceptEvaluation::pathPrecision},
        {"path_specificity", &ConceptEvaluation::pathSpecificity},
        {"original_precision", &ConceptEvaluation::originalPrecision},
        {"original_specificity", &ConceptEvaluation::originalSpecificity},
        {"path_auroc", &ConceptEvaluation::pathAuroc},
        {"original_auroc", &ConceptEvaluation::originalAuroc},
        {"usage", &ConceptEvaluation::usage}};
    if (m.name == "degenerate")
        e.degenerate = m.value != 0;
    else if (auto it = fields.find(m.name); it != fields.end())
        e.*(it->second) = m.value;
}

void readKnockout(KnockoutResult& k, const MetricRecord& m)
{
    static const std::map<std::string, double KnockoutResult::*> fields = {
        {"knockout_own_drop", &KnockoutResult::ownDrop},
        {"knockout_others_drop", &KnockoutResult::othersDrop},
        {"knockout_random_own_drop", &KnockoutResult::randomOwnDrop},
        {"knockout_random_own_drop_std", &KnockoutResult::randomOwnDropStd},
        {"knockout_random_others_drop", &KnockoutResult::randomOthersDrop},
        {"knockout_random_others_drop_std", &KnockoutResult::randomOthersDropStd}};
    k.classIndex = m.classIndex;
    if (m.name == "knockout_units")
        k.units = int(m.value);
    else if (m.name == "knockout_initializations")
        k.initializations = int(m.value);
    else if (m.name == "knockout_causal_initializations")
        k.causalInitializations = int(m.value);
    else if (auto it = fields.find(m.name); it != fields.end())
        k.*(it->second) = m.value;
}

}  // namespace

std::vector<std::size_t> RunSummary::wholeNetworkBlocks() const
{
    std::vector<std::size_t> blocks;
    for (std::size_t b = 0; b < minUsagePerBlock.size(); ++b)
        if (minUsagePerBlock[b] >= 0.99)
            blocks.push_back(b);
    return blocks;
}

namespace {

// "1–10, 12": 1-based block numbers, runs of consecutive blocks as ranges.
std::string blockRanges(const std::vector<std::size_t>& blocks)
{
    std::string text;
    for (std::size_t i = 0; i < blocks.size();) {
        std::size_t j = i;
        while (j + 1 < blocks.size() && blocks[j + 1] == blocks[j] + 1)
            ++j;
        text += (text.empty() ? "" : ", ") + std::to_string(blocks[i] + 1);
        if (j > i)
            text += (j == i + 1 ? ", " : "–") + std::to_string(blocks[j] + 1);
        i = j + 1;
    }
    return text;
}

}  // namespace

std::vector<std::string> RunSummary::warnings(bool brief) const
{
    std::vector<std::string> found;
    const auto whole = wholeNetworkBlocks();
    const bool most = !minUsagePerBlock.empty() && 2 * whole.size() > minUsagePerBlock.size();
    if (!whole.empty())
        found.push_back(brief ? "every path keeps ≥ 99 % of the units in block(s) " + blockRanges(whole) +
                                    " (the original network there" + (most ? ", most of the network)" : ")")
                              : "in block(s) " + blockRanges(whole) +
                                    " every path keeps at least 99 % of the units: there the path is the original "
                                    "network");
    if (most && !brief)
        found.push_back("in most blocks the paths are the whole network: precision, M, I and the clustering mostly "
                        "measure the original network (try a larger λ)");
    if (PathMetrics::hasTiedMerges(similarity))
        found.push_back(brief ? "tied distances: the dendrogram's order among them is arbitrary"
                              : "tied distances between concepts: the dendrogram's order among them is arbitrary");
    if (initializations < 2)
        found.push_back(brief ? "one initialization: stability and the spread of I not measured"
                              : "one initialization: stability and the spread of I are not measured (use --inits 3)");
    return found;
}

std::size_t RunEvaluation::automaticNegatives(std::size_t paths, std::size_t heldOutImages)
{
    if (paths * heldOutImages <= kPathImages)
        return 0;
    return std::max<std::size_t>(100, kPathImages / std::max<std::size_t>(paths, 1));
}

RunSummary RunEvaluation::evaluate(ProjectStore& project, std::int64_t runId, const std::string& zooDirectory,
                                   BlockNetwork* loaded, std::size_t heldOutPerClass, std::size_t negativesPerConcept)
{
    const RunContext context = RunContext::open(project, runId, zooDirectory);
    std::shared_ptr<BlockNetwork> owned;
    BlockNetwork* network = loaded;
    if (!network) {
        owned = context.loadNetwork();
        network = owned.get();
    }
    const std::unique_ptr<ImageSource> test = context.heldOutSource(heldOutPerClass);
    const auto byInit = context.finalPaths(project);

    if (negativesPerConcept == kAutomaticNegatives)
        negativesPerConcept = automaticNegatives(byInit.empty() ? 0 : byInit.begin()->second.size(), test->count());
    Evaluation e;
    e.summary.runId = context.run.id;
    e.summary.modelName = context.model.name;
    e.summary.initializations = int(byInit.size());
    for (const auto& [init, paths] : byInit)
        addInitialization(
            e, init, paths,
            PathEvaluator::evaluate(*network, *test, context.model.normalization, paths, 500, negativesPerConcept),
            byInit.size());
    e.summary.similarity = PathMetrics::meanSimilarity(e.packedByInit);
    averageConcepts(e, nlohmann::json::parse(context.model.record.classNames).get<std::vector<std::string>>());
    addStability(e);
    e.metrics.push_back({"held_out_images", double(test->count())});
    if (negativesPerConcept > 0)
        e.metrics.push_back({"negatives_per_concept", double(negativesPerConcept)});
    addBlockMetrics(e);
    addInterpretability(e);
    addKnockout(e, *network, *test, context.model.normalization, byInit);
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
    std::map<int, KnockoutResult> knockout;
    std::map<int, std::map<std::string, double>> perBlock;
    std::set<int> initializations;
    for (const auto& m : metrics) {
        if (m.initialization >= 0) {
            initializations.insert(m.initialization);
            continue;
        }
        if (m.block >= 0) {
            perBlock[m.block][m.name] = m.value;
        } else if (m.classIndex >= 0 && m.name.rfind("knockout_", 0) == 0) {
            readKnockout(knockout[m.classIndex], m);
        } else if (m.classIndex >= 0) {
            ConceptEvaluation& e = concepts[m.classIndex];
            e.classIndex = m.classIndex;
            if (m.name == "stability")
                stability[m.classIndex] = m.value;
            else
                readConceptMetric(e, m);
        } else if (m.name == "interpretability") {
            summary.interpretabilityMean = m.value;
        } else if (m.name == "interpretability_std") {
            summary.interpretabilityStd = m.value;
        } else if (m.name == "adjusted_rand_index") {
            summary.adjustedRandIndex = m.value;
        } else if (m.name == "similarity_variance") {
            summary.similarityVariance = m.value;
        }
    }
    summary.initializations = int(initializations.size());
    for (const auto& [cls, e] : concepts) {
        summary.concepts.push_back(e);
        summary.classNames.push_back(cls < int(classNames.size()) ? classNames[std::size_t(cls)] : std::to_string(cls));
        summary.stability.push_back(stability.count(cls) ? stability.at(cls) : 1.0);
        if (knockout.count(cls)) {
            KnockoutResult k = knockout.at(cls);
            if (k.initializations == 1)  // also a run evaluated when the test took one initialization only
                k.causalInitializations = k.causal() ? 1 : 0;
            summary.knockout.push_back(k);
        }
    }
    if (summary.knockout.size() != summary.concepts.size())
        summary.knockout.clear();  // evaluated before the knockout test existed
    for (const auto& [block, values] : perBlock) {
        auto value = [&values](const char* name) { return values.count(name) ? values.at(name) : 0.0; };
        summary.usagePerBlock.push_back(value("unit_usage"));
        summary.minUsagePerBlock.push_back(value("unit_usage_min"));
        summary.sharingPerBlock.push_back({value("units_all"), value("units_some"), value("units_one")});
    }

    // M, the dendrogram and the steps each path took come from the stored paths: cheap, and exact.
    std::map<int, std::vector<PackedPath>> byInit;
    std::map<int, std::vector<double>> steps;
    for (const auto& p : runs.paths(runId, run->datasetId, true))
        if (concepts.count(p.classIndex)) {
            byInit[p.initialization].emplace_back(p.binary);
            steps[int(p.classIndex)].push_back(double(p.step));
        }
    for (const auto& [cls, e] : concepts)
        summary.steps.push_back(steps.count(cls) ? PathMetrics::meanAndStd(steps.at(cls)).first : 0.0);
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
