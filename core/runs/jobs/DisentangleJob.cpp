#include "jobs/DisentangleJob.h"

#include "Errors.h"
#include "jobs/ModelSource.h"
#include "jobs/RunSettings.h"
#include "nad/TrainingImages.h"
#include "nn/ComputeDevice.h"
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
    std::unique_ptr<TrainingImages> train;
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
    TrainingImages::Settings images;
    images.perConcept = std::size_t(std::max(0, request.imagesPerConcept));
    images.seed = request.options.seed;
    images.normalization = prepared.model.normalization;
    images.memoryBytes = request.memoryBytes;
    prepared.train =
        std::make_unique<TrainingImages>(prepared.dataset, prepared.model.imageTransform(), prepared.plan, images);
    return prepared;
}

// Other classes' training images for the negative-aware terms (TrainingImages::negatives).
NegativeImages negativePool(const PreparedRun& prepared)
{
    const LearnerOptions& o = prepared.options;
    if (!o.negatives.any())
        return {};
    return prepared.train->negatives(o.negativePool, o.seed, prepared.model.classNames.size(), prepared.device);
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
        const RunLoopOutcome outcome =
            loop.run([&](const std::vector<int>& classes) { return prepared.train->pass(classes, prepared.device); },
                     progress, cancel);
        result.pathsLearned = outcome.pathsLearned;
        result.trainingImagesBytes = prepared.train->peakBytes();
        prepared.train.reset();  // the evaluation reads the held-out split; free the training pixels first
        result.cancelled = outcome.cancelled;
        if (result.cancelled) {
            result.seconds = secondsSince(start);
            runs.setStatus(result.runId, RunStatus::Interrupted, "cancelled by the user", result.seconds);
            return result;
        }
        if (!request.shard.active()) {
            const auto evaluationStart = Clock::now();
            result.summary =
                RunEvaluation::evaluate(project, result.runId, request.zooDirectory, prepared.network.get(),
                                        std::size_t(std::max(0, request.evaluationImagesPerConcept)),
                                        RunEvaluation::negativesOption(request.evaluationNegativesPerConcept));
            result.evaluated = true;
            result.evaluationSeconds = secondsSince(evaluationStart);
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
