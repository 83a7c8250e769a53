#pragma once

#include "data/Normalization.h"
#include "nn/BlockNetwork.h"
#include "nn/ZooTrainer.h"

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace nad {

// A trained built-in model: its weights file and everything needed to rebuild and trust it.
struct ZooEntry
{
    std::string name;  // e.g. "vgg-w16-s1"
    std::string family;
    std::int64_t width = 0;
    std::int64_t depth = 0;  // DARTS cells; 0 for the fixed-depth families
    std::int64_t inputChannels = 1;
    std::int64_t inputSize = 28;
    Normalization normalization;
    std::vector<std::string> classNames;
    std::vector<BlockSpec> blocks;
    std::int64_t parameters = 0;
    double testAccuracy = 0;  // fraction
    double trainingSeconds = 0;
    TrainingOptions training;
    // LibTorch threads it trained with (0: not recorded). Batch norm's batch statistics sum in
    // an order that depends on it, so DenseNet, ResNet and DARTS weights do (VGG's did not).
    int threads = 0;
    std::string dataset;  // where the training data came from
    std::string libtorchVersion;
    std::string trainedAt;  // UTC, ISO 8601
    std::string sha256;     // of the weights file
    std::string weightsPath;
    std::string metadataPath;
};

struct ZooTrainRequest
{
    std::string family = "vgg";
    std::int64_t width = 0;        // 0: the family's default
    TrainingOptions training;      // epochs 0 in `epochs` is replaced by the family's default
    std::string datasetDirectory;  // Fashion-MNIST IDX folder
};

// The per-user model zoo ($XDG_DATA_HOME/nad-studio/zoo): models the app trains itself on
// Fashion-MNIST, because no pre-trained weights can be downloaded. Each entry is a weights
// file (LibTorch archive) and a JSON metadata file; both are written under temporary names and
// renamed, weights first, so an entry is complete or absent even when training is killed.
class ModelZoo
{
public:
    explicit ModelZoo(std::string directory);
    const std::string& directory() const { return m_directory; }

    static std::string entryName(const std::string& family, std::int64_t width, std::uint64_t seed);
    // Epochs each family trains for by default (about three minutes on two CPU cores).
    static int defaultEpochs(const std::string& family);

    std::vector<ZooEntry> list() const;
    std::optional<ZooEntry> find(const std::string& name) const;
    // The most accurate entry of a family, if any.
    std::optional<ZooEntry> best(const std::string& family) const;

    // Trains, evaluates on the test split and stores a new entry. Returns nullopt when
    // cancelled (nothing is written).
    std::optional<ZooEntry> train(const ZooTrainRequest& request, const ZooTrainer::ProgressCallback& progress = {},
                                  const std::atomic<bool>* cancel = nullptr) const;

    // The same on given images (tests and other data sets use it); `dataset` names their source.
    std::optional<ZooEntry> trainOn(const ZooTrainRequest& request, const ImageSet& trainSet, const ImageSet& testSet,
                                    const std::string& dataset, const ZooTrainer::ProgressCallback& progress = {},
                                    const std::atomic<bool>* cancel = nullptr) const;

    // Rebuilds the network, loads its weights after checking their SHA-256, and freezes it.
    std::shared_ptr<BlockNetwork> load(const ZooEntry& entry) const;

    static ZooEntry readMetadata(const std::string& path);

private:
    ZooEntry store(BlockNetwork& network, ZooEntry entry) const;

    std::string m_directory;
};

}  // namespace nad
