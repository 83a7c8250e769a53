#include "ResumableRun.h"

#include "Errors.h"
#include "JsonNumbers.h"
#include "store/ProjectStore.h"
#include "store/RunStore.h"

#include <QCoreApplication>

#include <nlohmann/json.hpp>

namespace nad {

DisentangleRequest ResumableRun::requestFromHyperparameters(const std::string& text)
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
        o.lambda = JsonNumbers::number(json.at("lambda"), "lambda");
        o.scaleFreeDistance = json.value("scale_free_distance", false);
        o.batchSize = JsonNumbers::int32(json.at("batch_size"), "batch_size");
        o.steps = JsonNumbers::int32(json.at("steps"), "steps");
        o.earlyStopWindow = JsonNumbers::optionalInt32(json, "early_stop_window", 0, "early_stop_window");
        o.initializations = JsonNumbers::int32(json.at("initializations"), "initializations");
        o.seed = JsonNumbers::unsignedInteger(json.at("seed"), "seed");
        request.imagesPerConcept = JsonNumbers::optionalInt32(json, "images_per_concept", 0, "images_per_concept");
        request.concepts = json.value("concepts", std::vector<std::string>{});
    } catch (const nlohmann::json::exception& e) {
        throw InvalidArgument(std::string("the run's stored settings are incomplete: ") + e.what());
    }
    request.lambdaGiven = true;
    // The JSON must round-trip exactly, or the job would start a new run instead of resuming.
    if (DisentangleJob::hyperparametersJson(request) != text)
        throw InvalidArgument("the run's stored settings differ from what this version writes");
    return request;
}

std::optional<ResumableRun> ResumableRun::latest(const ProjectStore& project)
{
    RunStore runs(project);
    const auto all = runs.runs();
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
        if (it->status != "interrupted" && it->status != "running")
            continue;
        const auto model = runs.model(it->modelId);
        if (!model)
            continue;
        try {
            ResumableRun resumable;
            resumable.runId = it->id;
            resumable.request = requestFromHyperparameters(it->hyperparameters);
            resumable.request.modelName = model->name;
            resumable.description = QCoreApplication::translate("nad::ResumableRun", "Continue run %1 (%2, %n concept(s))",
                                                                nullptr, int(resumable.request.concepts.size()))
                                        .arg(it->id)
                                        .arg(QString::fromStdString(model->name));
            if (!it->message.empty())
                resumable.description += QStringLiteral(": ") + QString::fromStdString(it->message);
            return resumable;
        } catch (const std::exception&) {
            continue;  // written by another version: not offered
        }
    }
    return std::nullopt;
}

} // namespace nad
