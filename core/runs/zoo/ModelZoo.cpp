#include "zoo/ModelZoo.h"

#include "Errors.h"
#include "JsonNumbers.h"
#include "data/FashionMnist.h"
#include "nn/ComputeDevice.h"
#include "nn/NetworkFactory.h"
#include "store/Sha256.h"

#include <nlohmann/json.hpp>
#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <mutex>

namespace nad {
namespace fs = std::filesystem;

namespace {

// Fashion-MNIST's training-set pixel statistics on the [0, 1] scale.
const Normalization kFashionMnistNormalization = Normalization::fashionMnist();

std::string utcNow()
{
    const std::time_t now = std::time(nullptr);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
    return text;
}

nlohmann::json toJson(const ZooEntry& e)
{
    nlohmann::json blocks = nlohmann::json::array();
    for (const auto& b : e.blocks)
        blocks.push_back({{"name", b.name}, {"channels", b.channels}});
    return {{"format", "nad-zoo-1"},
            {"name", e.name},
            {"family", e.family},
            {"width", e.width},
            {"depth", e.depth},
            {"input", {{"channels", e.inputChannels}, {"size", e.inputSize}}},
            {"normalization", {{"mean", e.normalization.mean}, {"std", e.normalization.std}}},
            {"classes", e.classNames},
            {"blocks", blocks},
            {"parameters", e.parameters},
            {"test_accuracy", e.testAccuracy},
            {"training",
             {{"seconds", e.trainingSeconds},
              {"epochs", e.training.epochs},
              {"batch_size", e.training.batchSize},
              {"max_learning_rate", e.training.maxLearningRate},
              {"weight_decay", e.training.weightDecay},
              {"horizontal_flips", e.training.horizontalFlips},
              {"seed", e.training.seed},
              {"threads", e.threads}}},
            {"dataset", e.dataset},
            {"libtorch", e.libtorchVersion},
            {"trained_at", e.trainedAt},
            {"weights", fs::path(e.weightsPath).filename().string()},
            {"sha256", e.sha256}};
}

void writeAtomically(const std::string& path, const std::string& text)
{
    const std::string temporary = path + ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out)
            throw Error("cannot write '" + temporary + "' (disk full or no permission?)");
    }
    std::error_code ec;
    fs::rename(temporary, path, ec);
    if (ec) {
        fs::remove(temporary, ec);
        throw Error("cannot write '" + path + "': " + ec.message());
    }
}

}  // namespace

ModelZoo::ModelZoo(std::string directory) : m_directory(std::move(directory)) {}

std::string ModelZoo::entryName(const std::string& family, std::int64_t width, std::uint64_t seed)
{
    return family + "-w" + std::to_string(width) + "-s" + std::to_string(seed);
}

int ModelZoo::defaultEpochs(const std::string& family)
{
    // Measured on the 2-core development machine (README, "The model zoo"): the epochs that fit
    // about three minutes of training. VGG passes 92 %; the others end near 89-91 % there.
    if (family == "vgg")
        return 3;
    if (family == "resnet")
        return 3;
    if (family == "densenet")
        return 1;
    if (family == "darts")
        return 3;
    throw InvalidArgument("unknown architecture family '" + family + "'");
}

ZooEntry ModelZoo::readMetadata(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error("zoo metadata '" + path + "' cannot be read");
    try {
        const nlohmann::json j = nlohmann::json::parse(in);
        if (j.value("format", "") != "nad-zoo-1")
            throw Error("zoo metadata '" + path + "' has an unknown format");
        ZooEntry e;
        e.name = j.at("name").get<std::string>();
        e.family = j.at("family").get<std::string>();
        const std::string where = "zoo metadata '" + path + "': ";
        e.width = JsonNumbers::integer(j.at("width"), where + "width");
        e.depth = JsonNumbers::integer(j.at("depth"), where + "depth");
        e.inputChannels = JsonNumbers::integer(j.at("input").at("channels"), where + "input channels");
        e.inputSize = JsonNumbers::integer(j.at("input").at("size"), where + "input size");
        e.normalization.mean = JsonNumbers::floats(j.at("normalization").at("mean"), where + "normalization mean");
        e.normalization.std = JsonNumbers::floats(j.at("normalization").at("std"), where + "normalization std");
        e.classNames = j.at("classes").get<std::vector<std::string>>();
        for (const auto& b : j.at("blocks"))
            e.blocks.push_back(
                {b.at("name").get<std::string>(), JsonNumbers::integer(b.at("channels"), where + "block channels")});
        e.parameters = JsonNumbers::integer(j.at("parameters"), where + "parameters");
        e.testAccuracy = JsonNumbers::number(j.at("test_accuracy"), where + "test_accuracy");
        const auto& t = j.at("training");
        e.trainingSeconds = JsonNumbers::number(t.at("seconds"), where + "training seconds");
        e.training.epochs = JsonNumbers::int32(t.at("epochs"), where + "training epochs");
        e.training.batchSize = JsonNumbers::int32(t.at("batch_size"), where + "training batch_size");
        e.training.maxLearningRate = JsonNumbers::number(t.at("max_learning_rate"), where + "max_learning_rate");
        e.training.weightDecay = JsonNumbers::number(t.at("weight_decay"), where + "weight_decay");
        e.training.horizontalFlips = t.at("horizontal_flips").get<bool>();
        e.training.seed = JsonNumbers::unsignedInteger(t.at("seed"), where + "training seed");
        if (t.contains("threads"))  // older entries did not record it
            e.threads = JsonNumbers::int32(t.at("threads"), where + "training threads");
        e.dataset = j.at("dataset").get<std::string>();
        e.libtorchVersion = j.at("libtorch").get<std::string>();
        e.trainedAt = j.at("trained_at").get<std::string>();
        e.sha256 = j.at("sha256").get<std::string>();
        e.metadataPath = path;
        e.weightsPath = (fs::path(path).parent_path() / j.at("weights").get<std::string>()).string();
        return e;
    } catch (const nlohmann::json::exception& ex) {
        throw Error("zoo metadata '" + path + "' is invalid: " + ex.what());
    }
}

std::vector<ZooEntry> ModelZoo::list() const
{
    std::vector<ZooEntry> entries;
    std::error_code ec;
    if (!fs::is_directory(m_directory, ec))
        return entries;
    std::vector<fs::path> files;
    for (const auto& item : fs::directory_iterator(m_directory, ec)) {
        if (item.path().extension() == ".json")
            files.push_back(item.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        try {
            entries.push_back(readMetadata(file.string()));
        } catch (const Error&) {
            // A foreign or damaged file in the folder is not an entry; `load` reports details.
        }
    }
    return entries;
}

std::optional<ZooEntry> ModelZoo::find(const std::string& name) const
{
    for (auto& entry : list()) {
        if (entry.name == name)
            return entry;
    }
    return std::nullopt;
}

std::optional<ZooEntry> ModelZoo::best(const std::string& family) const
{
    std::optional<ZooEntry> result;
    for (auto& entry : list()) {
        if (entry.family == family && (!result || entry.testAccuracy > result->testAccuracy))
            result = entry;
    }
    return result;
}

std::optional<ZooEntry> ModelZoo::train(const ZooTrainRequest& request, const ZooTrainer::ProgressCallback& progress,
                                        const std::atomic<bool>* cancel) const
{
    const std::string dataDir =
        request.datasetDirectory.empty() ? FashionMnist::kDefaultDirectory : request.datasetDirectory;
    const ImageSet trainSet = FashionMnist::load(dataDir, Split::Train);
    const ImageSet testSet = FashionMnist::load(dataDir, Split::Test);
    return trainOn(request, trainSet, testSet, dataDir, progress, cancel);
}

std::optional<ZooEntry> ModelZoo::trainOn(const ZooTrainRequest& request, const ImageSet& trainSet,
                                          const ImageSet& testSet, const std::string& dataset,
                                          const ZooTrainer::ProgressCallback& progress,
                                          const std::atomic<bool>* cancel) const
{
    NetworkConfig config;
    config.width = request.width > 0 ? request.width : NetworkFactory::defaultWidth(request.family);
    TrainingOptions training = request.training;
    if (training.epochs <= 0)
        training.epochs = defaultEpochs(request.family);
    training.validate();
    config.inputChannels = trainSet.channels;
    config.inputSize = trainSet.height;
    config.classes = std::int64_t(trainSet.classNames.size());

    ComputeDevice::configureProcess();
    std::shared_ptr<BlockNetwork> network;
    {
        // The initial weights come from LibTorch's global generator: seeded and drawn under one
        // lock, so models trained at once on two threads get the weights each gets alone.
        static std::mutex globalGenerator;
        const std::lock_guard<std::mutex> lock(globalGenerator);
        torch::manual_seed(training.seed);
        network = NetworkFactory::create(request.family, config);
    }
    network->to(ComputeDevice::choose());
    const TrainingResult result =
        ZooTrainer::train(*network, trainSet, testSet, kFashionMnistNormalization, training, progress, cancel);
    if (result.cancelled)
        return std::nullopt;

    ZooEntry entry;
    entry.name = entryName(request.family, config.width, training.seed);
    entry.family = request.family;
    entry.width = config.width;
    entry.depth = config.depth;
    entry.inputChannels = config.inputChannels;
    entry.inputSize = config.inputSize;
    entry.normalization = kFashionMnistNormalization;
    entry.classNames = trainSet.classNames;
    entry.blocks = network->blocks();
    entry.parameters = network->parameterCount();
    entry.testAccuracy = result.testAccuracy;
    entry.trainingSeconds = result.seconds;
    entry.training = training;
    entry.dataset = dataset;
    entry.libtorchVersion = ComputeDevice::libtorchVersion();
    entry.threads = torch::get_num_threads();
    entry.trainedAt = utcNow();
    return store(*network, std::move(entry));
}

ZooEntry ModelZoo::store(BlockNetwork& network, ZooEntry entry) const
{
    std::error_code ec;
    fs::create_directories(m_directory, ec);
    if (ec)
        throw Error("cannot create the model zoo folder '" + m_directory + "': " + ec.message());
    entry.weightsPath = (fs::path(m_directory) / (entry.name + ".pt")).string();
    entry.metadataPath = (fs::path(m_directory) / (entry.name + ".json")).string();
    const std::string temporary = entry.weightsPath + ".tmp-" + std::to_string(::getpid());
    try {
        network.to(torch::kCPU);
        torch::serialize::OutputArchive archive;
        network.module().save(archive);
        archive.save_to(temporary);
    } catch (const c10::Error& e) {
        fs::remove(temporary, ec);
        throw Error("cannot write the weights '" + temporary + "': " + e.what_without_backtrace());
    }
    entry.sha256 = Sha256::ofFile(temporary);
    fs::rename(temporary, entry.weightsPath, ec);
    if (ec) {
        fs::remove(temporary, ec);
        throw Error("cannot write '" + entry.weightsPath + "': " + ec.message());
    }
    writeAtomically(entry.metadataPath, toJson(entry).dump(2) + "\n");
    return entry;
}

std::shared_ptr<BlockNetwork> ModelZoo::load(const ZooEntry& entry) const
{
    if (!fs::exists(entry.weightsPath))
        throw Error("zoo weights '" + entry.weightsPath + "' are missing");
    const std::string actual = Sha256::ofFile(entry.weightsPath);
    if (actual != entry.sha256)
        throw Error("zoo weights '" + entry.weightsPath + "' do not match their metadata (SHA-256 " + actual +
                    ", expected " + entry.sha256 + "); retrain with `nad zoo train --force`");
    NetworkConfig config;
    config.width = entry.width;
    config.depth = entry.depth;
    config.inputChannels = entry.inputChannels;
    config.inputSize = entry.inputSize;
    config.classes = std::int64_t(entry.classNames.size());
    auto network = NetworkFactory::create(entry.family, config);
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(entry.weightsPath);
        network->module().load(archive);
    } catch (const c10::Error& e) {
        throw Error("zoo weights '" + entry.weightsPath + "' cannot be loaded: " + e.what_without_backtrace());
    }
    network->freeze();
    return network;
}

}  // namespace nad
