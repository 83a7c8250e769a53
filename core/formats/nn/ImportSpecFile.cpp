#include "nn/ImportSpecFile.h"

#include "Errors.h"
#include "JsonNumbers.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace nad {
namespace {

ImportSpec vgg16()
{
    ImportSpec spec;
    spec.preset = "vgg16";
    // torchvision's vgg16.features: conv at these indices, its ReLU right after, max pools
    // at 4, 9, 16, 23, 30. A pool belongs to the block before it, so a stage's last mask sits
    // after its pool and every other mask after its ReLU (the authors' models/imagenet/vgg16.py).
    const int convs[] = {0, 2, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28};
    const auto isPool = [](int index) { return index == 4 || index == 9 || index == 16 || index == 23 || index == 30; };
    const int stageOf[] = {1, 1, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5};
    int previousEnd = -1;
    int inStage = 0;
    for (int k = 0; k < 13; ++k) {
        inStage = (k > 0 && stageOf[k] == stageOf[k - 1]) ? inStage + 1 : 1;
        ImportedBlock block;
        block.name = "conv" + std::to_string(stageOf[k]) + "_" + std::to_string(inStage);
        const int end = isPool(convs[k] + 2) ? convs[k] + 2 : convs[k] + 1;
        for (int index = previousEnd + 1; index <= end; ++index)
            block.steps.push_back({"features." + std::to_string(index)});
        previousEnd = end;
        spec.blocks.push_back(block);
    }
    spec.classifier = {{"avgpool"}, {"@flatten"}, {"classifier"}};
    return spec;
}

ImportSpec resnet50()
{
    ImportSpec spec;
    spec.preset = "resnet50";
    spec.blocks.push_back({"stem", {{"conv1"}, {"bn1"}, {"relu"}, {"maxpool"}}});
    const int layers[] = {3, 4, 6, 3};
    for (int stage = 0; stage < 4; ++stage) {
        for (int k = 0; k < layers[stage]; ++k) {
            const std::string name = "layer" + std::to_string(stage + 1) + "." + std::to_string(k);
            spec.blocks.push_back({name, {{name}}});
        }
    }
    spec.classifier = {{"avgpool"}, {"@flatten"}, {"fc"}};
    return spec;
}

ImportSpec densenet121()
{
    ImportSpec spec;
    spec.preset = "densenet121";
    spec.blocks.push_back({"stem", {{"features.conv0"}, {"features.norm0"}, {"features.relu0"}, {"features.pool0"}}});
    for (int d = 1; d <= 4; ++d) {
        const std::string dense = "denseblock" + std::to_string(d);
        spec.blocks.push_back({dense, {{"features." + dense}}});
        if (d == 4) {
            // The authors' densenet121.py: norm5, relu5, then mask5, so the last mask follows them.
            spec.blocks.back().steps.push_back({"features.norm5"});
            spec.blocks.back().steps.push_back({"@relu"});
        } else {
            const std::string transition = "transition" + std::to_string(d);
            spec.blocks.push_back({transition, {{"features." + transition}}});
        }
    }
    // torchvision's DenseNet.forward: features (ending with norm5), relu, adaptive pool, flatten, fc.
    spec.classifier = {{"@adaptive_avg_pool"}, {"@flatten"}, {"classifier"}};
    return spec;
}

std::vector<ImportStep> readSteps(const nlohmann::json& json, const std::string& where, const std::string& source)
{
    if (!json.is_array())
        throw DataError(source + ": " + where + " must be an array of steps");
    std::vector<ImportStep> steps;
    for (const auto& step : json) {
        if (!step.is_string())
            throw DataError(source + ": " + where + " has a step that is not a string");
        steps.push_back({step.get<std::string>()});
    }
    return steps;
}

}  // namespace

const std::vector<std::string>& ImportSpecFile::presetNames()
{
    static const std::vector<std::string> names = {"vgg16", "resnet50", "densenet121"};
    return names;
}

ImportSpec ImportSpecFile::preset(const std::string& name)
{
    if (name == "vgg16")
        return vgg16();
    if (name == "resnet50")
        return resnet50();
    if (name == "densenet121")
        return densenet121();
    throw InvalidArgument("unknown preset '" + name + "' (choose vgg16, resnet50 or densenet121, or give --spec FILE)");
}

ImportSpec ImportSpecFile::fromJsonFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw DataError("block spec '" + path + "' cannot be opened");
    std::ostringstream text;
    text << in.rdbuf();
    return fromJsonText(text.str(), "block spec '" + path + "'");
}

ImportSpec ImportSpecFile::fromJsonText(const std::string& text, const std::string& source)
{
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        throw DataError(source + " is not valid JSON: " + e.what());
    }
    if (!json.is_object())
        throw DataError(source + " must be a JSON object");
    ImportSpec spec;
    try {
        // Written by toJsonText for a preset's spec, so the project keeps the family (λ default,
        // preprocessing) of a model imported with --preset.
        if (json.contains("preset")) {
            spec.preset = json["preset"].get<std::string>();
            const auto& known = presetNames();
            if (std::find(known.begin(), known.end(), spec.preset) == known.end())
                throw DataError(source + ": unknown preset '" + spec.preset +
                                "' (known: vgg16, resnet50, densenet121)");
        }
        if (json.contains("input")) {
            const auto& input = json["input"];
            if (!input.is_object())
                throw DataError(source + ": \"input\" must be an object");
            if (input.contains("channels"))
                spec.inputChannels = JsonNumbers::integer(input["channels"], source + ": input channels", 1, 1024);
            if (input.contains("size"))
                spec.inputSize = JsonNumbers::integer(input["size"], source + ": input size", 1, 65536);
        }
        if (json.contains("normalization")) {
            const auto& normalization = json["normalization"];
            spec.normalization.mean = JsonNumbers::floats(normalization.at("mean"), source + ": normalization mean");
            spec.normalization.std = JsonNumbers::floats(normalization.at("std"), source + ": normalization std");
        }
        if (json.contains("classes"))
            spec.classNames = json["classes"].get<std::vector<std::string>>();
        if (!json.contains("blocks") || !json["blocks"].is_array())
            throw DataError(source + ": \"blocks\" (an array) is missing");
        for (const auto& block : json["blocks"]) {
            ImportedBlock b;
            b.name = block.at("name").get<std::string>();
            b.steps = readSteps(block.at("steps"), "block '" + b.name + "'", source);
            spec.blocks.push_back(std::move(b));
        }
        if (!json.contains("classifier"))
            throw DataError(source + ": \"classifier\" (an array of steps) is missing");
        spec.classifier = readSteps(json["classifier"], "the classifier", source);
    } catch (const nlohmann::json::exception& e) {
        throw DataError(source + ": " + e.what());
    }
    try {
        spec.validate();
    } catch (const InvalidArgument& e) {
        throw DataError(source + ": " + e.what());
    }
    return spec;
}

std::string ImportSpecFile::toJsonText(const ImportSpec& spec)
{
    nlohmann::ordered_json json;
    if (!spec.preset.empty())
        json["preset"] = spec.preset;
    json["input"] = {{"channels", spec.inputChannels}, {"size", spec.inputSize}};
    json["normalization"] = {{"mean", spec.normalization.mean}, {"std", spec.normalization.std}};
    if (!spec.classNames.empty())
        json["classes"] = spec.classNames;
    json["blocks"] = nlohmann::ordered_json::array();
    for (const auto& block : spec.blocks) {
        std::vector<std::string> steps;
        for (const auto& s : block.steps)
            steps.push_back(s.text);
        json["blocks"].push_back({{"name", block.name}, {"steps", steps}});
    }
    std::vector<std::string> classifier;
    for (const auto& s : spec.classifier)
        classifier.push_back(s.text);
    json["classifier"] = classifier;
    return json.dump(2);
}

}  // namespace nad
