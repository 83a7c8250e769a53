#include "jobs/SweepJob.h"

#include "Errors.h"
#include "data/FashionMnist.h"
#include "jobs/ModelSource.h"
#include "nad/DatasetImages.h"
#include "store/ProjectStore.h"
#include "store/SweepStore.h"
#include "zoo/ModelZoo.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace nad {
namespace {

// The model swept and the training images it is swept on (never its held-out split).
struct SweepSubject
{
    RunModel model;
    ImageSet train;
};

SweepSubject subjectOf(const SweepRequest& r)
{
    SweepSubject subject;
    if (!r.projectPath.empty()) {
        // Read-write: an older project is migrated now, since the sweep is stored in it.
        const ProjectStore project = ProjectStore::open(r.projectPath);
        const ModelSource source(project, r.zooDirectory);
        const auto imported = source.imported(r.model);
        const DatasetRecord dataset = source.learningDataset(imported);
        subject.model = imported ? *imported : source.fromZoo(r.model, dataset.id);
        // Enough of every class for the learning images and the validation split (all when 0).
        const std::size_t perClass =
            r.images.perConcept > 0 ? r.images.perConcept + r.images.validationPerClass : std::size_t(0);
        subject.train =
            DatasetImages::training(dataset, subject.model.imageTransform(), {}, perClass, r.images.splitSeed);
        return subject;
    }
    const ModelZoo zoo(r.zooDirectory);
    const auto entry = zoo.find(r.model);
    if (!entry)
        throw InvalidArgument("model '" + r.model + "' is not in the zoo at '" + zoo.directory() +
                              "' (for a model imported into a project, give the project)");
    subject.model = RunModel::fromZoo(*entry, 0);
    subject.train = FashionMnist::load(r.dataPath.empty() ? FashionMnist::kDefaultDirectory : r.dataPath, Split::Train);
    return subject;
}

std::vector<int> classesOf(const SweepRequest& r, const RunModel& model)
{
    if (r.concepts.empty())
        throw InvalidArgument("a sweep needs at least one concept");
    std::vector<int> classes;
    for (const std::string& name : r.concepts) {
        const auto it = std::find(model.classNames.begin(), model.classNames.end(), name);
        if (it == model.classNames.end())
            throw InvalidArgument("unknown concept '" + name + "' for model '" + model.name + "'");
        classes.push_back(int(it - model.classNames.begin()));
    }
    return classes;
}

std::int64_t store(const SweepRequest& r, const SweepSubject& subject, const SweepOutcome& outcome)
{
    const ProjectStore project = ProjectStore::open(r.projectPath);
    SweepRecord record;
    record.modelName = subject.model.name;
    record.objective = r.learner.objectiveSummary();
    record.label = r.label.empty() ? SweepJob::labelOf(r.learner) : r.label;
    record.settings = SweepJob::settingsJson(r);
    record.concepts = r.concepts;
    record.initializations = r.learner.initializations;
    record.validationImages = outcome.validationImages;
    record.defaultLambda = LearnerOptions::defaultLambda(subject.model.lambdaFamily(), r.learner);
    record.points = outcome.points;
    return SweepStore(project).save(record);
}

}  // namespace

SweepOutcome SweepJob::run(const SweepRequest& request, const Progress& progress, const std::atomic<bool>* cancel)
{
    if (request.lambdas.empty())
        throw InvalidArgument("a sweep needs at least one lambda");
    request.learner.validate();
    const SweepSubject subject = subjectOf(request);
    const std::vector<int> classes = classesOf(request, subject.model);
    auto network = ModelSource::load(subject.model);
    SweepOutcome outcome;
    outcome.modelName = subject.model.name;
    outcome.trainingImages = subject.train.count();
    outcome.validationImages =
        ValidationSplit::make(subject.train, request.images.validationPerClass, request.images.splitSeed)
            .validation.size();
    outcome.points = LambdaSweep::run(*network, subject.train, subject.model.normalization, classes, request.lambdas,
                                      request.learner, request.images, progress, cancel);
    const bool complete = outcome.points.size() == request.lambdas.size();
    if (complete && !request.projectPath.empty())
        outcome.sweepId = store(request, subject, outcome);
    return outcome;
}

std::string SweepJob::labelOf(const LearnerOptions& learner)
{
    if (learner.preset == LearnerPreset::Official)
        return "official";
    if (learner.usesSpecificObjective())
        return "specific";
    // "paper (Eq. 4-9)" is the paper's objective; "paper: relative-squared, margin 1" a variant of it.
    const std::string summary = learner.objectiveSummary();
    const std::string variant = "paper: ";
    if (summary.rfind(variant, 0) == 0)
        return summary.substr(variant.size());
    return "paper";
}

std::string SweepJob::settingsJson(const SweepRequest& r)
{
    const LearnerOptions& learner = r.learner;
    nlohmann::ordered_json j;
    j["preset"] = LearnerOptions::presetName(learner.preset);
    j["distance"] = LearnerOptions::distanceName(learner.distance);
    j["sparsity"] = LearnerOptions::sparsityName(learner.sparsity);
    j["margin"] = learner.negatives.margin;
    j["hinge"] = learner.negatives.hinge;
    j["kl"] = learner.negatives.kl;
    j["one_vs_rest"] = learner.negatives.oneVsRest;
    j["negative_pool"] = learner.negativePool;
    j["alpha"] = learner.alpha;
    j["batch"] = learner.batchSize;
    j["steps"] = learner.steps;
    j["epochs"] = learner.epochs;
    j["convergence_window"] = learner.convergenceWindow;
    j["min_steps"] = learner.minSteps;
    j["seed"] = learner.seed;
    j["initializations"] = learner.initializations;
    j["images_per_concept"] = r.images.perConcept;
    j["validation_per_class"] = r.images.validationPerClass;
    j["split_seed"] = r.images.splitSeed;
    j["lambdas"] = r.lambdas;
    return j.dump();
}

}  // namespace nad
