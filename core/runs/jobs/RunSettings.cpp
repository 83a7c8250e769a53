#include "jobs/RunSettings.h"

#include "Errors.h"
#include "JsonNumbers.h"
#include "store/RunStore.h"

#include <nlohmann/json.hpp>

namespace nad {

std::string RunSettings::toJson(const DisentangleRequest& request, const std::vector<std::string>& shardConcepts)
{
    const LearnerOptions& o = request.options;
    nlohmann::json json{{"preset", LearnerOptions::presetName(o.preset)},
                        {"alpha", o.alpha},
                        {"lambda", o.lambda},
                        {"distance", LearnerOptions::distanceName(o.distance)},
                        {"sparsity", LearnerOptions::sparsityName(o.sparsity)},
                        {"negatives",
                         {{"margin", o.negatives.margin},
                          {"hinge", o.negatives.hinge},
                          {"kl", o.negatives.kl},
                          {"one_vs_rest", o.negatives.oneVsRest},
                          {"pool", o.negativePool}}},
                        {"batch_size", o.batchSize},
                        {"steps", o.steps},
                        {"epochs", o.epochs},
                        {"convergence_window", o.convergenceWindow},
                        {"convergence_tolerance", o.convergenceTolerance},
                        {"min_steps", o.minSteps},
                        {"initializations", o.initializations},
                        {"seed", o.seed},
                        {"images_per_concept", request.imagesPerConcept},
                        {RunRecord::kConceptsKey, request.concepts}};
    // Written only when on, so runs stored before the decay existed still round-trip (resume).
    if (o.alphaDecaySteps > 0)
        json["alpha_decay"] = o.alphaDecaySteps;
    if (o.averagedPaths)
        json["averaged_paths"] = true;
    // Everything else stays exactly as an unsharded run stores it, so the merge can compare
    // shards and give the merged run the hyperparameters of the equivalent single run.
    if (request.shard.active())
        json[ShardSpec::kHyperparameterKey] = {{"index", request.shard.index},
                                               {"count", request.shard.count},
                                               {"concepts", shardConcepts},
                                               {"eval_images_per_concept", request.evaluationImagesPerConcept}};
    return json.dump();
}

DisentangleRequest RunSettings::fromJson(const std::string& text)
{
    const auto json = nlohmann::json::parse(text, nullptr, false);
    if (!json.is_object())
        throw InvalidArgument("the run's stored settings are not a JSON object");
    DisentangleRequest request;
    try {
        LearnerOptions& o = request.options;
        o.preset = LearnerOptions::presetFromName(json.at("preset").get<std::string>());
        // Numbers through JsonNumbers: a project file is outside data, and get<int>() on 1e54
        // would be undefined behaviour rather than an error.
        o.alpha = JsonNumbers::number(json.at("alpha"), "alpha");
        o.alphaDecaySteps = JsonNumbers::optionalInt32(json, "alpha_decay", 0, "alpha_decay");
        o.averagedPaths = json.value("averaged_paths", false);
        o.lambda = JsonNumbers::number(json.at("lambda"), "lambda");
        o.distance = LearnerOptions::distanceFromName(json.value("distance", std::string("norm")));
        o.sparsity = LearnerOptions::sparsityFromName(json.value("sparsity", std::string("sum")));
        if (json.contains("negatives")) {
            const auto& negatives = json.at("negatives");
            o.negatives.margin = JsonNumbers::number(negatives.at("margin"), "margin");
            o.negatives.hinge = JsonNumbers::number(negatives.at("hinge"), "hinge");
            o.negatives.kl = JsonNumbers::number(negatives.at("kl"), "kl");
            o.negatives.oneVsRest = JsonNumbers::number(negatives.at("one_vs_rest"), "one_vs_rest");
            o.negativePool = JsonNumbers::int32(negatives.at("pool"), "pool");
        }
        o.batchSize = JsonNumbers::int32(json.at("batch_size"), "batch_size");
        o.steps = JsonNumbers::int32(json.at("steps"), "steps");
        // Runs written before convergence existed stored only "early_stop_window"; they no
        // longer round-trip below, so the job says so instead of resuming them differently.
        o.epochs = JsonNumbers::optionalInt32(json, "epochs", 0, "epochs");
        o.convergenceWindow = JsonNumbers::optionalInt32(json, "convergence_window", 0, "convergence_window");
        o.convergenceTolerance = json.contains("convergence_tolerance")
                                     ? JsonNumbers::number(json.at("convergence_tolerance"), "convergence_tolerance")
                                     : 0.0;
        o.minSteps = JsonNumbers::optionalInt32(json, "min_steps", 0, "min_steps");
        o.initializations = JsonNumbers::int32(json.at("initializations"), "initializations");
        o.seed = JsonNumbers::unsignedInteger(json.at("seed"), "seed");
        request.imagesPerConcept = JsonNumbers::optionalInt32(json, "images_per_concept", 0, "images_per_concept");
        request.concepts = json.value(RunRecord::kConceptsKey, std::vector<std::string>{});
    } catch (const nlohmann::json::exception& e) {
        throw InvalidArgument(std::string("the run's stored settings are incomplete: ") + e.what());
    }
    request.lambdaGiven = true;
    // The JSON must round-trip exactly, or the job would start a new run instead of resuming.
    if (toJson(request) != text)
        throw InvalidArgument("the run's stored settings differ from what this version writes");
    return request;
}

}  // namespace nad
