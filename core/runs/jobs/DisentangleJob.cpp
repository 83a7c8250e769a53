#include "jobs/DisentangleJob.h"

#include "Errors.h"
#include "data/ImageFolderReader.h"
#include "jobs/ModelSource.h"
#include "jobs/RunSettings.h"
#include "nad/DatasetImages.h"
#include "nad/ImageCycle.h"
#include "nad/NegativePool.h"
#include "nn/ComputeDevice.h"
#include "nn/ImageBatch.h"
#include "store/ProjectStore.h"
#include "store/RunStore.h"

#include <chrono>

namespace nad {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

// Everything a run needs before the project is written: a model or data set that cannot be
// read is refused without leaving an empty run behind.
struct PreparedRun
{
    DatasetRecord dataset;
    RunModel model;
    RunPlan plan;
    LearnerOptions options;       // λ resolved
    std::string hyperparameters;  // as the run stores them (RunSettings)
    std::shared_ptr<BlockNetwork> network;
    torch::Device device = torch::kCPU;
    ImageSet train;
};

PreparedRun prepare(ProjectStore& project, const DisentangleRequest& request)
{
    const ModelSource source(project, request.zooDirectory);
    const std::optional<RunModel> imported = source.imported(request.modelName);
    PreparedRun prepared;
    prepared.dataset = source.learningDataset(imported);
    const auto concepts = project.concepts(prepared.dataset.id);
    // The concepts are checked before the zoo is asked for the model: a typo in a concept name
    // is reported as such whatever the zoo holds.
    prepared.plan = RunPlan::make(concepts, request.concepts, request.shard, request.conceptsPerPass,
                                  request.options.initializations);
    prepared.model = imported ? *imported : source.fromZoo(request.modelName, prepared.dataset.id);
    // An imported model is loaded (and its SHA-256 checked) before anything is recorded, so a
    // changed or missing file leaves nothing behind.
    if (prepared.model.imported())
        prepared.network = source.load(prepared.model);
    prepared.options = request.options;
    if (!request.lambdaGiven)
        prepared.options.lambda = LearnerOptions::defaultLambda(prepared.model.lambdaFamily(), request.options);
    if (prepared.model.classNames.size() != concepts.size())
        throw InvalidArgument("model '" + request.modelName + "' has " +
                              std::to_string(prepared.model.classNames.size()) + " classes but the data set has " +
                              std::to_string(concepts.size()));
    if (!prepared.model.imported())
        prepared.model.record.id = RunStore(project).ensureModel(prepared.model.record);
    DisentangleRequest resolved = request;
    resolved.options = prepared.options;
    prepared.hyperparameters = RunSettings::toJson(resolved, prepared.plan.conceptNames);
    if (!prepared.network)
        prepared.network = source.load(prepared.model);
    prepared.device = ComputeDevice::choose();
    prepared.train = DatasetImages::training(prepared.dataset, prepared.model.imageTransform(), prepared.plan.classes,
                                             std::size_t(request.imagesPerConcept), request.options.seed);
    return prepared;
}

// Other classes' training images for the negative-aware terms: from the IDX training split as
// loaded, or from an ImageFolder's training images of every class (the run loaded only its
// concepts'), a seeded sample of ⌈pool / classes⌉ per class.
NegativeImages negativePool(const PreparedRun& prepared)
{
    const LearnerOptions& o = prepared.options;
    if (!o.negatives.any())
        return {};
    if (prepared.dataset.kind == "idx")
        return NegativePool::draw(prepared.train, {}, o.negativePool, o.seed, prepared.model.normalization,
                                  prepared.device);
    const std::size_t classes = std::max<std::size_t>(prepared.model.classNames.size(), 1);
    const std::size_t perClass = (std::size_t(o.negativePool) + classes - 1) / classes;
    const ImageSet all =
        DatasetImages::training(prepared.dataset, prepared.model.imageTransform(), {}, perClass, mixSeed(o.seed) ^ 3);
    return NegativePool::draw(all, {}, o.negativePool, o.seed, prepared.model.normalization, prepared.device);
}

// The latest interrupted run of this model with the same settings is resumed; else a new run.
std::pair<std::int64_t, bool> openRun(RunStore& runs, const PreparedRun& prepared)
{
    std::int64_t resumable = 0;
    for (const auto& r : runs.runs())
        if (r.modelId == prepared.model.record.id && r.hyperparameters == prepared.hyperparameters &&
            isResumable(r.status))
            resumable = r.id;
    if (resumable)
        return {resumable, true};
    RunRecord record;
    record.modelId = prepared.model.record.id;
    record.datasetId = prepared.dataset.id;
    record.preset = LearnerOptions::presetName(prepared.options.preset);
    record.hyperparameters = prepared.hyperparameters;
    record.seed = prepared.options.seed;
    record.initializations = prepared.options.initializations;
    return {runs.createRun(record), false};
}

// A pass's images: each concept's training images (a seeded sample of `perConcept` when the
// data set gave more), normalized, on the network's device.
std::vector<ConceptImages> passImages(const PreparedRun& prepared, const std::vector<int>& classes, int perConcept)
{
    std::vector<ConceptImages> images;
    for (int cls : classes) {
        auto indices = prepared.train.indicesOfClass(cls);
        if (perConcept > 0 && indices.size() > std::size_t(perConcept)) {
            const auto order =
                ImageFolderReader::samplePermutation(indices.size(), prepared.options.seed + std::uint64_t(cls));
            std::vector<std::size_t> sample;
            for (int k = 0; k < perConcept; ++k)
                sample.push_back(indices[order[std::size_t(k)]]);
            indices = sample;
        }
        images.push_back(
            {cls, ImageBatch::images(prepared.train, indices, prepared.model.normalization, prepared.device)});
    }
    return images;
}

}  // namespace

DisentangleResult DisentangleJob::run(const DisentangleRequest& request, const ProgressCallback& progress,
                                      const std::atomic<bool>* cancel)
{
    request.validate();
    const auto start = Clock::now();
    ProjectStore project = ProjectStore::open(request.projectPath);
    ComputeDevice::configureProcess();
    PreparedRun prepared = prepare(project, request);
    prepared.network->to(prepared.device);

    RunStore runs(project);
    DisentangleResult result;
    result.concepts = prepared.plan.conceptNames;
    result.lambda = prepared.options.lambda;
    result.lambdaIsFallback = !request.lambdaGiven && !LearnerOptions::hasTunedLambda(prepared.model.lambdaFamily());
    std::tie(result.runId, result.resumed) = openRun(runs, prepared);
    runs.setStatus(result.runId, RunStatus::Running);
    try {
        RunLoopSettings settings;
        settings.checkpointEvery = request.checkpointEvery;
        settings.historyEvery = request.historyEvery;
        settings.start = start;
        RunLoop loop(*prepared.network, prepared.options, prepared.plan, runs, result.runId, prepared.dataset.id,
                     settings);
        loop.setNegatives(negativePool(prepared));
        const RunLoopOutcome outcome = loop.run(
            [&](const std::vector<int>& classes) { return passImages(prepared, classes, request.imagesPerConcept); },
            progress, cancel);
        result.pathsLearned = outcome.pathsLearned;
        result.cancelled = outcome.cancelled;
        if (result.cancelled) {
            result.seconds = secondsSince(start);
            runs.setStatus(result.runId, RunStatus::Interrupted, "cancelled by the user", result.seconds);
            return result;
        }
        if (!request.shard.active()) {
            result.summary =
                RunEvaluation::evaluate(project, result.runId, request.zooDirectory, prepared.network.get(),
                                        std::size_t(std::max(0, request.evaluationImagesPerConcept)));
            result.evaluated = true;
        }
        result.seconds = secondsSince(start);
        runs.setStatus(result.runId, RunStatus::Finished, {}, result.seconds);
    } catch (const std::exception& e) {
        runs.setStatus(result.runId, RunStatus::Interrupted, e.what());
        throw;
    }
    return result;
}

}  // namespace nad
