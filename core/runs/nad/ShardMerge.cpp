#include "nad/ShardMerge.h"

#include "Errors.h"
#include "JsonNumbers.h"
#include "nad/ShardSpec.h"
#include "store/ProjectStore.h"
#include "store/RunStore.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

namespace nad {
namespace {

// One input: its project (read-only, never changed) and its shard run.
struct Shard
{
    std::string path;
    std::unique_ptr<ProjectStore> project;
    RunRecord run;
    ModelRecord model;
    DatasetRecord dataset;
    std::vector<ConceptRecord> concepts;
    nlohmann::json shard;            // the shard record of the hyperparameters
    nlohmann::json hyperparameters;  // the rest
    ShardSpec spec;
    std::string label() const { return "'" + path + "' (shard " + spec.text() + ")"; }
};

[[noreturn]] void refuse(const std::string& why)
{
    throw InvalidArgument("cannot merge: " + why + "; nothing was written");
}

Shard load(const std::string& path)
{
    Shard s;
    s.path = path;
    s.project = std::make_unique<ProjectStore>(ProjectStore::open(path, ProjectStore::Mode::ReadOnly));
    RunStore runs(*s.project);
    // The latest shard run: a shard that failed and was learned again with other settings
    // leaves an older run behind, which is not the one to merge.
    bool found = false;
    for (const auto& r : runs.runs()) {
        const auto json = nlohmann::json::parse(r.hyperparameters, nullptr, false);
        if (json.is_object() && json.contains(ShardSpec::kHyperparameterKey)) {
            s.run = r;
            found = true;
        }
    }
    if (!found)
        refuse("'" + path + "' holds no shard run (learn one with `nad disentangle PROJECT --shard i/N ...`)");
    s.hyperparameters = nlohmann::json::parse(s.run.hyperparameters);
    s.shard = s.hyperparameters.at(ShardSpec::kHyperparameterKey);
    s.hyperparameters.erase(ShardSpec::kHyperparameterKey);
    s.spec.index = JsonNumbers::int32(s.shard.at("index"), "'" + path + "': the shard index");
    s.spec.count = JsonNumbers::int32(s.shard.at("count"), "'" + path + "': the shard count");
    if (s.run.status != RunStatus::Finished)
        refuse(s.label() + " is unfinished: run " + std::to_string(s.run.id) + " is '" + runStatusName(s.run.status) +
               "'" + (s.run.message.empty() ? "" : " (" + s.run.message + ")") +
               "; run its `nad disentangle ... --shard " + s.spec.text() + "` command again to finish it");
    const auto model = runs.model(s.run.modelId);
    if (!model)
        throw ProjectError("'" + path + "': run " + std::to_string(s.run.id) +
                           " refers to a model missing from the project");
    s.model = *model;
    for (const auto& d : s.project->datasets())
        if (d.id == s.run.datasetId)
            s.dataset = d;
    s.concepts = s.project->concepts(s.run.datasetId);
    return s;
}

std::string text(const nlohmann::json& value)
{
    return value.is_null() ? "(none)" : value.dump();
}

// Refuses the first field in which `s` differs from `first`, naming both files.
void requireSame(const Shard& first, const Shard& s)
{
    auto differ = [&](const std::string& field, const std::string& mine, const std::string& theirs) {
        if (mine != theirs)
            refuse(s.label() + " differs from " + first.label() + " in " + field + ": " + mine + " vs " + theirs);
    };
    const DatasetRecord& a = first.dataset;
    const DatasetRecord& b = s.dataset;
    differ("the data set name", "'" + b.name + "'", "'" + a.name + "'");
    differ("the data set kind", b.kind, a.kind);
    differ("the data set path", "'" + b.path + "'", "'" + a.path + "'");
    differ("the data set image size",
           std::to_string(b.channels) + "x" + std::to_string(b.height) + "x" + std::to_string(b.width),
           std::to_string(a.channels) + "x" + std::to_string(a.height) + "x" + std::to_string(a.width));
    differ("the data set's training images", std::to_string(b.trainCount), std::to_string(a.trainCount));
    differ("the data set's held-out images", std::to_string(b.testCount), std::to_string(a.testCount));
    auto names = [](const std::vector<ConceptRecord>& concepts) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& c : concepts)
            list.push_back(c.name);
        return list.dump();
    };
    differ("the data set's concepts", names(s.concepts), names(first.concepts));
    differ("the model name", "'" + s.model.name + "'", "'" + first.model.name + "'");
    differ("the model SHA-256", s.model.sha256, first.model.sha256);
    std::set<std::string> keys;
    for (const auto& [key, value] : first.hyperparameters.items())
        keys.insert(key);
    for (const auto& [key, value] : s.hyperparameters.items())
        keys.insert(key);
    for (const auto& key : keys)
        differ("hyperparameter '" + key + "'", text(s.hyperparameters.value(key, nlohmann::json())),
               text(first.hyperparameters.value(key, nlohmann::json())));
    differ("the shard count", std::to_string(s.spec.count), std::to_string(first.spec.count));
}

// The shards by index: 1..N, each once, each concept in one shard only, each shard with every
// final path of its concepts. Fills `owner` (concept -> its shard) and `paths` (per shard).
std::map<int, const Shard*> checkCoverage(const std::vector<Shard>& shards, std::map<std::string, const Shard*>& owner,
                                          std::map<const Shard*, std::vector<StoredPath>>& paths)
{
    const int count = shards.front().spec.count;
    std::map<int, const Shard*> byIndex;
    for (const auto& s : shards) {
        auto [it, fresh] = byIndex.emplace(s.spec.index, &s);
        if (!fresh)
            refuse("'" + s.path + "' and '" + it->second->path + "' are both shard " + s.spec.text());
    }
    for (int i = 1; i <= count; ++i)
        if (!byIndex.count(i))
            refuse("shard " + std::to_string(i) + "/" + std::to_string(count) + " is missing (give all " +
                   std::to_string(count) + " shard projects)");
    for (const auto& [index, s] : byIndex) {
        for (const auto& name : s->shard.at("concepts")) {
            auto [it, fresh] = owner.emplace(name.get<std::string>(), s);
            if (!fresh)
                refuse("concept '" + it->first + "' is in both " + it->second->label() + " and " + s->label());
        }
        paths[s] = RunStore(*s->project).paths(s->run.id, s->run.datasetId, true);
        std::set<std::pair<std::string, int>> have;
        for (const auto& p : paths[s])
            for (const auto& c : s->concepts)
                if (c.classIndex == p.classIndex)
                    have.insert({c.name, p.initialization});
        for (const auto& name : s->shard.at("concepts"))
            for (int init = 0; init < s->run.initializations; ++init)
                if (!have.count({name.get<std::string>(), init}))
                    refuse(s->label() + " has no final path of concept '" + name.get<std::string>() +
                           "' (initialization " + std::to_string(init) + ")");
    }
    return byIndex;
}

// Held-out images per concept for the merged run's evaluation: the request's, or else the one
// every shard was evaluated with (they must agree).
int evaluationImagesOf(const ShardMergeRequest& request, const std::vector<Shard>& shards, const Shard& first)
{
    if (request.evaluationImagesPerConcept >= 0)
        return request.evaluationImagesPerConcept;
    const auto evaluationSize = [](const Shard& s) {
        return JsonNumbers::optionalInt32(s.shard, "eval_images_per_concept", 0,
                                          s.label() + ": eval_images_per_concept");
    };
    const int images = evaluationSize(first);
    for (const auto& s : shards)
        if (evaluationSize(s) != images)
            refuse(s.label() + " differs from " + first.label() + " in the evaluation size (eval_images_per_concept " +
                   std::to_string(evaluationSize(s)) + " vs " + std::to_string(images) +
                   "); choose one with --eval-images-per-concept");
    return images;
}

// The merged run in `out` (a copy of the first shard's project): the run record as the
// unsharded run stores it, every shard's paths and history, then the evaluation.
void writeMergedRun(ProjectStore& out, const Shard& first, const std::map<int, const Shard*>& byIndex,
                    std::map<const Shard*, std::vector<StoredPath>>& paths, const ShardMergeRequest& request,
                    int evaluationImages, ShardMergeResult& result)
{
    RunStore runs(out);
    // The copy keeps the data set, concepts and models of the first shard; its runs (the
    // shard's own and any older ones) are not part of the merged project.
    for (const auto& r : runs.runs())
        runs.removeRun(r.id);
    const auto model = runs.model(first.model.name);
    if (!model)
        throw ProjectError("the copy of '" + first.path + "' lost model '" + first.model.name + "'");
    std::int64_t datasetId = 0;
    for (const auto& d : out.datasets())
        if (d.name == first.dataset.name)
            datasetId = d.id;
    RunRecord record;
    record.modelId = model->id;
    record.datasetId = datasetId;
    record.preset = first.run.preset;
    record.hyperparameters = first.hyperparameters.dump();  // as the unsharded run stores them
    record.seed = first.run.seed;
    record.initializations = first.run.initializations;
    result.runId = runs.createRun(record);
    runs.setStatus(result.runId, RunStatus::Running);
    for (const auto& [index, s] : byIndex) {
        runs.savePaths(result.runId, datasetId, paths[s]);
        runs.saveHistory(result.runId, datasetId, RunStore(*s->project).history(s->run.id, s->run.datasetId));
        result.paths += int(paths[s].size());
    }
    result.summary =
        RunEvaluation::evaluate(out, result.runId, request.zooDirectory, nullptr, std::size_t(evaluationImages),
                                RunEvaluation::negativesOption(request.evaluationNegativesPerConcept));
}

}  // namespace

ShardMergeResult ShardMerge::merge(const ShardMergeRequest& request)
{
    const auto start = std::chrono::steady_clock::now();
    if (request.inputs.empty())
        throw InvalidArgument("nothing to merge: give the shard projects after OUT");
    // Before reading any shard: a merge never overwrites a project (ProjectStore::createCopy
    // would refuse too, but only after the checks).
    std::error_code ec;
    if (std::filesystem::exists(request.outPath, ec))
        refuse("OUT '" + request.outPath + "' already exists; choose another name");

    std::vector<Shard> shards;
    for (const auto& input : request.inputs)
        shards.push_back(load(input));
    for (const auto& s : shards)
        requireSame(shards.front(), s);
    std::map<std::string, const Shard*> owner;
    std::map<const Shard*, std::vector<StoredPath>> paths;
    const std::map<int, const Shard*> byIndex = checkCoverage(shards, owner, paths);
    const int evaluationImages = evaluationImagesOf(request, shards, *byIndex.begin()->second);

    ShardMergeResult result;
    result.shards = shards.front().spec.count;
    const Shard& first = shards.front();
    double shardSeconds = 0;
    for (const auto& s : shards)
        shardSeconds += s.run.elapsedSeconds;
    ProjectStore::createCopy(request.outPath, *first.project, [&](ProjectStore& out) {
        writeMergedRun(out, first, byIndex, paths, request, evaluationImages, result);
        result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        // The run's time is what learning and evaluating it took, on however many machines.
        RunStore(out).setStatus(result.runId, RunStatus::Finished, {}, shardSeconds + result.seconds);
    });
    for (const auto& c : first.concepts)
        if (owner.count(c.name))
            result.concepts.push_back(c.name);
    return result;
}

}  // namespace nad
