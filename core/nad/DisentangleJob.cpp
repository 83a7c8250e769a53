#include "nad/DisentangleJob.h"

#include "Errors.h"
#include "data/ImageFolderReader.h"
#include "nad/DatasetImages.h"
#include "nad/RunEvaluation.h"
#include "nn/ComputeDevice.h"
#include "nn/ImageBatch.h"
#include "nn/TorchScriptNetwork.h"
#include "store/ImportedModel.h"
#include "store/ProjectStore.h"
#include "store/RunStore.h"
#include "zoo/ModelZoo.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>

namespace nad {
namespace {

StoredPath toStored(const LearnedPath& path, bool final)
{
    StoredPath stored;
    stored.classIndex = int(path.classIndex);
    stored.initialization = path.initialization;
    stored.step = path.steps;
    stored.final = final;
    for (const auto& logits : path.logits) {
        const torch::Tensor cpu = logits.to(torch::kCPU, torch::kFloat).contiguous();
        stored.logits.emplace_back(cpu.data_ptr<float>(), cpu.data_ptr<float>() + cpu.numel());
    }
    stored.binary = path.binary;
    return stored;
}

ModelRecord recordOf(const ZooEntry& entry, std::int64_t datasetId)
{
    ModelRecord m;
    m.name = entry.name;
    m.family = entry.family;
    m.path = entry.metadataPath;
    m.sha256 = entry.sha256;
    m.datasetId = datasetId;
    m.inputChannels = entry.inputChannels;
    m.inputHeight = entry.inputSize;
    m.inputWidth = entry.inputSize;
    m.normalization = nlohmann::json{{"mean", entry.normalization.mean}, {"std", entry.normalization.std}}.dump();
    m.classNames = nlohmann::json(entry.classNames).dump();
    m.testAccuracy = entry.testAccuracy;
    for (const auto& b : entry.blocks)
        m.blocks.emplace_back(b.name, b.channels);
    return m;
}

} // namespace

std::string DisentangleJob::hyperparametersJson(const DisentangleRequest& request,
                                               const std::vector<std::string>& shardConcepts)
{
    const LearnerOptions& o = request.options;
    nlohmann::json json{{"preset", LearnerOptions::presetName(o.preset)},
                        {"alpha", o.alpha},
                        {"lambda", o.lambda},
                        {"scale_free_distance", o.scaleFreeDistance},
                        {"batch_size", o.batchSize},
                        {"steps", o.steps},
                        {"early_stop_window", o.earlyStopWindow},
                        {"initializations", o.initializations},
                        {"seed", o.seed},
                        {"images_per_concept", request.imagesPerConcept},
                        {"concepts", request.concepts}};
    // Everything else stays exactly as an unsharded run stores it, so the merge can compare
    // shards and give the merged run the hyperparameters of the equivalent single run.
    if (request.shard.active())
        json[ShardSpec::kHyperparameterKey] = {{"index", request.shard.index},
                                               {"count", request.shard.count},
                                               {"concepts", shardConcepts},
                                               {"eval_images_per_concept", request.evaluationImagesPerConcept}};
    return json.dump();
}

DisentangleResult DisentangleJob::run(const DisentangleRequest& given, const ProgressCallback& progress,
                                      const std::atomic<bool>* cancel)
{
    DisentangleRequest request = given;
    request.options.validate();
    if (request.conceptsPerPass < 1 || request.checkpointEvery < 0 || request.imagesPerConcept < 0)
        throw InvalidArgument("concepts per pass must be at least 1; checkpoint interval and images per concept must not be negative");
    const auto start = std::chrono::steady_clock::now();
    ProjectStore project = ProjectStore::open(request.projectPath);
    const auto datasets = project.datasets();
    if (datasets.empty())
        throw InvalidArgument("project '" + request.projectPath + "' has no data set; add one with `nad project new --dataset`");
    RunStore runs(project);
    // A model imported into the project (the user's TorchScript file and block spec) is used
    // from its record; any other name is a zoo entry, as before.
    const auto registered = runs.model(request.modelName);
    const bool imported = registered && ImportedModel::isImported(*registered);
    DatasetRecord dataset = datasets.front();
    if (imported) {
        for (const auto& d : datasets)
            if (d.id == registered->datasetId)
                dataset = d;
    }
    const auto concepts = project.concepts(dataset.id);

    // Which concepts: all, or the named ones (each must exist).
    std::vector<int> classes;
    if (request.concepts.empty()) {
        for (const auto& c : concepts)
            classes.push_back(c.classIndex);
    } else {
        for (const auto& name : request.concepts) {
            auto it = std::find_if(concepts.begin(), concepts.end(), [&](const ConceptRecord& c) { return c.name == name; });
            if (it == concepts.end()) {
                std::string known;
                for (const auto& c : concepts)
                    known += (known.empty() ? "" : ", ") + c.name;
                throw InvalidArgument("unknown concept '" + name + "' (the data set has: " + known + ")");
            }
            classes.push_back(it->classIndex);
        }
    }
    // A shard learns its share only; a share with nothing in it is refused before a run exists.
    if (request.shard.active()) {
        const std::size_t requested = ShardSpec{}.select(classes).size();  // distinct concepts
        classes = request.shard.select(classes);
        if (classes.empty())
            throw InvalidArgument("shard " + request.shard.text() + " has no concepts: only " + std::to_string(requested) +
                                  " concept(s) were requested, so use at most " + std::to_string(requested) + " shards");
    }

    std::vector<std::string> learning;
    for (int cls : classes)
        for (const auto& c : concepts)
            if (c.classIndex == cls)
                learning.push_back(c.name);

    const ModelZoo zoo(request.zooDirectory);
    std::optional<ZooEntry> entry;
    std::shared_ptr<BlockNetwork> network;
    std::string family;
    Normalization normalization;
    ImageTransform transform;
    std::vector<std::string> modelClasses;
    if (imported) {
        const ImportSpec spec = ImportedModel::spec(*registered);
        family = ImportedModel::lambdaFamily(spec);
        normalization = spec.normalization;
        transform = ImportedModel::transform(spec);
        modelClasses = nlohmann::json::parse(registered->classNames).get<std::vector<std::string>>();
        // Loaded (and its SHA-256 checked) before a run is recorded, so a changed or missing
        // file is reported without leaving an empty run behind.
        ComputeDevice::configureThreads();
        network = ImportedModel::load(*registered);
    } else {
        entry = zoo.find(request.modelName);
        if (!entry)
            throw InvalidArgument("model '" + request.modelName + "' is not in the zoo at '" + request.zooDirectory +
                                  "' nor imported into the project (train it with `nad zoo train`, list with "
                                  "`nad zoo list`, or import one with `nad project new --model`)");
        family = entry->family;
        normalization = entry->normalization;
        transform = ImageTransform::forModelInput(int(entry->inputChannels), int(entry->inputSize), false);
        modelClasses = entry->classNames;
    }
    if (!request.lambdaGiven)
        request.options.lambda = LearnerOptions::defaultLambda(family, request.options.preset);
    if (modelClasses.size() != concepts.size())
        throw InvalidArgument("model '" + request.modelName + "' has " + std::to_string(modelClasses.size()) +
                              " classes but the data set has " + std::to_string(concepts.size()));
    const std::int64_t modelId = imported ? registered->id : runs.ensureModel(recordOf(*entry, dataset.id));

    // Resume the latest interrupted run of this model with the same settings, else start one.
    const std::string hyperparameters = hyperparametersJson(request, learning);
    // Model and images first: a model or data set that cannot be read is refused before the
    // project is touched (no run record for a run that never started).
    ComputeDevice::configureThreads();
    if (!network)
        network = zoo.load(*entry);
    const torch::Device device = ComputeDevice::choose();
    network->to(device);
    const ImageSet train = DatasetImages::training(dataset, transform, classes,
                                                   std::size_t(request.imagesPerConcept), request.options.seed);

    DisentangleResult result;
    result.concepts = learning;
    for (const auto& r : runs.runs()) {
        if (r.modelId == modelId && r.hyperparameters == hyperparameters && (r.status == "running" || r.status == "interrupted")) {
            result.runId = r.id;
            result.resumed = true;
        }
    }
    if (!result.resumed) {
        RunRecord record;
        record.modelId = modelId;
        record.datasetId = dataset.id;
        record.preset = LearnerOptions::presetName(request.options.preset);
        record.hyperparameters = hyperparameters;
        record.seed = request.options.seed;
        record.initializations = request.options.initializations;
        result.runId = runs.createRun(record);
    }
    runs.setStatus(result.runId, "running");

    try {

        // What is already stored: finished paths are skipped, checkpoints resumed.
        std::map<std::pair<int, int>, StoredPath> stored;
        for (auto& p : runs.paths(result.runId, dataset.id, false))
            stored[{p.classIndex, p.initialization}] = std::move(p);

        PathLearner learner(*network, request.options);
        const int initializations = request.options.initializations;
        const int passes = int((classes.size() + std::size_t(request.conceptsPerPass) - 1) / std::size_t(request.conceptsPerPass));
        for (int init = 0; init < initializations && !result.cancelled; ++init) {
            for (int pass = 0; pass < passes && !result.cancelled; ++pass) {
                std::vector<int> todo;
                for (std::size_t k = std::size_t(pass) * std::size_t(request.conceptsPerPass);
                     k < classes.size() && k < std::size_t(pass + 1) * std::size_t(request.conceptsPerPass); ++k) {
                    auto it = stored.find({classes[k], init});
                    if (it == stored.end() || !it->second.final)
                        todo.push_back(classes[k]);
                }
                if (todo.empty())
                    continue;
                std::vector<ConceptImages> images;
                for (int cls : todo) {
                    auto indices = train.indicesOfClass(cls);
                    if (request.imagesPerConcept > 0 && indices.size() > std::size_t(request.imagesPerConcept)) {
                        const auto order = ImageFolderReader::samplePermutation(indices.size(), request.options.seed + std::uint64_t(cls));
                        std::vector<std::size_t> sample;
                        for (int k = 0; k < request.imagesPerConcept; ++k)
                            sample.push_back(indices[order[std::size_t(k)]]);
                        indices = sample;
                    }
                    images.push_back({cls, ImageBatch::images(train, indices, normalization, device)});
                }
                // Resume only when every concept of the pass has a checkpoint of the same step.
                LearnerResume resume;
                bool canResume = true;
                for (int cls : todo) {
                    auto it = stored.find({cls, init});
                    if (it == stored.end() || (resume.step && it->second.step != resume.step)) {
                        canResume = false;
                        break;
                    }
                    resume.step = it->second.step;
                    std::vector<torch::Tensor> logits;
                    for (const auto& block : it->second.logits)
                        logits.push_back(torch::tensor(block));
                    resume.logits.push_back(std::move(logits));
                }
                // Loss and usage along the way, written with each checkpoint (a killed run keeps
                // the curve up to its last checkpoint).
                std::vector<HistoryPoint> history;
                auto saveCheckpoint = [&](const std::vector<LearnedPath>& paths) {
                    std::vector<StoredPath> toSave;
                    for (const auto& p : paths)
                        toSave.push_back(toStored(p, false));
                    // History first: a kill between the two writes then leaves points past the
                    // checkpoint (rewritten identically on resume, INSERT OR REPLACE) rather than
                    // a checkpoint whose curve points since the last one are lost for good.
                    runs.saveHistory(result.runId, dataset.id, history);
                    runs.savePaths(result.runId, dataset.id, toSave);
                    history.clear();
                };
                auto report = [&](const LearnerProgress& p) {
                    if (request.historyEvery > 0 && (p.step % request.historyEvery == 0 || p.step == p.steps || p.step == 1))
                        for (std::size_t c = 0; c < p.classIndices.size(); ++c)
                            history.push_back({int(p.classIndices[c]), init, p.step, p.distanceLoss[c], p.sparsityLoss[c],
                                               p.usage[c]});
                    if (!progress)
                        return;
                    DisentangleProgress d;
                    d.initialization = init;
                    d.initializations = initializations;
                    d.pass = pass;
                    d.passes = passes;
                    d.learner = p;
                    d.elapsedSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                    const double done = double(init * passes + pass) + double(p.step) / double(p.steps);
                    const double total = double(initializations * passes);
                    d.etaSeconds = done > 0 ? d.elapsedSeconds / done * (total - done) : 0;
                    progress(d);
                };
                const auto paths = learner.learn(images, init, report, cancel, canResume && resume.step > 0 ? &resume : nullptr,
                                                 saveCheckpoint, request.checkpointEvery);
                const bool finished = !(cancel && cancel->load());
                runs.saveHistory(result.runId, dataset.id, history);
                std::vector<StoredPath> toSave;
                for (const auto& p : paths)
                    toSave.push_back(toStored(p, finished));
                runs.savePaths(result.runId, dataset.id, toSave);
                if (finished)
                    result.pathsLearned += int(paths.size());
                else
                    result.cancelled = true;
            }
        }
        result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (result.cancelled) {
            runs.setStatus(result.runId, "interrupted", "cancelled by the user", result.seconds);
            return result;
        }
        if (!request.shard.active()) {
            runs.setStatus(result.runId, "running", {}, 0);
            result.summary = RunEvaluation::evaluate(project, result.runId, request.zooDirectory, network.get(),
                                                     std::size_t(std::max(0, request.evaluationImagesPerConcept)));
            result.evaluated = true;
        }
        result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        runs.setStatus(result.runId, "finished", {}, result.seconds);
    } catch (const std::exception& e) {
        runs.setStatus(result.runId, "interrupted", e.what());
        throw;
    }
    return result;
}

} // namespace nad
