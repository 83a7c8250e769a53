// One model type, one resolver: ModelSource finds a model by name (imported into the project
// first, else the zoo) or by a run's record, checks its weights, and loads it.
#include "Errors.h"
#include "TestFiles.h"
#include "data/DatasetInspector.h"
#include "jobs/ModelSource.h"
#include "nn/ImportSpecFile.h"
#include "store/ProjectStore.h"
#include "store/RunStore.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <torch/torch.h>

using namespace nad;

namespace {

// Random 28 × 28 images of ten classes: enough to train a width-4 VGG for one epoch in a second.
ImageSet noiseImages(std::size_t perClass, std::uint32_t seed)
{
    ImageSet set;
    set.channels = 1;
    set.height = set.width = 28;
    for (int c = 0; c < 10; ++c)
        set.classNames.push_back("class " + std::to_string(c));
    std::uint32_t state = seed;
    for (std::size_t k = 0; k < perClass * 10; ++k) {
        set.labels.push_back(std::int64_t(k % 10));
        for (int p = 0; p < 28 * 28; ++p) {
            state = state * 1664525u + 1013904223u;
            set.pixels.push_back(std::uint8_t(state >> 24));
        }
    }
    return set;
}

class ModelSourceTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        torch::set_num_threads(2);
        ZooTrainRequest request;
        request.family = "vgg";
        request.width = 4;
        request.training.epochs = 1;
        request.training.batchSize = 20;
        const ModelZoo zoo(m_dir.file("zoo"));
        m_entry = *zoo.trainOn(request, noiseImages(4, 1), noiseImages(2, 2), "noise");
        m_project = std::make_unique<ProjectStore>(ProjectStore::create(m_dir.file("p.nad")));
        DatasetSummary s;
        s.path = "/data/noise";
        s.kind = "idx";
        s.classNames = m_entry.classNames;
        m_datasetId = m_project->addDataset(s, "noise");
    }
    ModelSource source() const { return ModelSource(*m_project, m_dir.file("zoo")); }
    // Records a model "mine" as `nad project new --model` would (its file need not exist here).
    ModelRecord addImported(const ImportSpec& spec, std::int64_t channels) const
    {
        ModelRecord record;
        record.name = "mine";
        record.family = "torchscript";
        record.path = m_dir.file("mine.pt");
        record.sha256 = "abc";
        record.datasetId = m_datasetId;
        record.classNames = nlohmann::json(m_entry.classNames).dump();
        record.blocks = {{spec.blocks.front().name, channels}};
        record.importSpec = ImportSpecFile::toJsonText(spec);
        RunStore(*m_project).ensureModel(record);
        return record;
    }

    nadtest::TemporaryDirectory m_dir;
    ZooEntry m_entry;
    std::unique_ptr<ProjectStore> m_project;
    std::int64_t m_datasetId = 0;
};

}  // namespace

TEST_F(ModelSourceTest, ZooModelByNameCarriesTheEntryAndItsProjectRecord)
{
    const RunModel model = source().byName(m_entry.name, m_datasetId);
    EXPECT_EQ(model.origin, ModelOrigin::Zoo);
    EXPECT_FALSE(model.imported());
    EXPECT_EQ(model.name, "vgg-w4-s1");
    EXPECT_EQ(model.lambdaFamily(), "vgg");
    EXPECT_EQ(model.inputSize, 28);
    EXPECT_EQ(model.blocks.size(), 13u);
    EXPECT_EQ(model.normalization.mean, m_entry.normalization.mean);
    EXPECT_EQ(model.record.id, 0);  // not registered yet
    EXPECT_EQ(model.record.datasetId, m_datasetId);
    EXPECT_EQ(model.record.sha256, m_entry.sha256);
    EXPECT_EQ(model.record.blocks.size(), 13u);
    EXPECT_EQ(nlohmann::json::parse(model.record.classNames), nlohmann::json(m_entry.classNames));
    EXPECT_TRUE(model.importSpec == std::nullopt);

    // Once registered, the same name resolves with the project's id.
    const std::int64_t id = RunStore(*m_project).ensureModel(model.record);
    EXPECT_EQ(source().byName(m_entry.name, m_datasetId).record.id, id);
}

TEST_F(ModelSourceTest, UnknownNameSaysWhereItLooked)
{
    try {
        source().byName("resnet-w9-s9", m_datasetId);
        FAIL() << "no error";
    } catch (const InvalidArgument& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("model 'resnet-w9-s9' is not in the zoo at '" + m_dir.file("zoo") + "'"),
                  std::string::npos);
        EXPECT_NE(message.find("nad zoo train"), std::string::npos);
        EXPECT_NE(message.find("nad project new --model"), std::string::npos);
    }
}

TEST_F(ModelSourceTest, StoredRecordIsCheckedAgainstTheZooWeights)
{
    RunModel model = source().byName(m_entry.name, m_datasetId);
    model.record.id = RunStore(*m_project).ensureModel(model.record);
    const RunModel again = source().forRecord(model.record);
    EXPECT_EQ(again.record.id, model.record.id);
    EXPECT_EQ(again.zooEntry->weightsPath, m_entry.weightsPath);

    ModelRecord other = model.record;
    other.sha256 = std::string(64, 'f');
    try {
        source().forRecord(other);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("has other weights than the ones this run used"), std::string::npos);
    }
    other = model.record;
    other.name = "vgg-w4-s2";
    EXPECT_THROW(source().forRecord(other), Error);
}

TEST_F(ModelSourceTest, LoadGivesTheZooNetworkFrozen)
{
    const auto network = ModelSource::load(source().byName(m_entry.name, m_datasetId));
    const auto reference = ModelZoo(m_dir.file("zoo")).load(m_entry);
    torch::NoGradGuard noGrad;
    const torch::Tensor x = torch::randn({3, 1, 28, 28});
    EXPECT_TRUE(torch::equal(network->forward(x).logits, reference->forward(x).logits));
    for (const auto& p : network->module().parameters())
        EXPECT_FALSE(p.requires_grad());
}

TEST_F(ModelSourceTest, ImportedRecordGivesItsSpecFactsAndAGoneFileIsNamed)
{
    ImportSpec spec;
    spec.preset = "resnet50";
    spec.blocks = {{"layer1", {{"layer1"}}}};
    spec.classifier = {{"@flatten"}, {"fc"}};
    spec.inputChannels = 3;
    spec.inputSize = 64;
    spec.classNames = m_entry.classNames;
    const ModelRecord record = addImported(spec, 256);

    const auto imported = source().imported("mine");
    ASSERT_TRUE(imported);
    EXPECT_TRUE(imported->imported());
    EXPECT_EQ(imported->lambdaFamily(), "resnet");  // the preset lends its family's λ
    EXPECT_EQ(imported->inputSize, 64);
    EXPECT_EQ(imported->blocks.size(), 1u);
    EXPECT_FALSE(source().imported(m_entry.name));  // a zoo name is not an imported model
    try {
        source().forRecord(record);
        FAIL() << "no error";
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()), "model 'mine': its TorchScript file '" + record.path + "' is gone");
    }
}

TEST_F(ModelSourceTest, AvailableModelsAreTheImportedThenTheZoosOnAnIdxDataSet)
{
    ImportSpec spec;
    spec.blocks = {{"features", {{"features"}}}};
    spec.classifier = {{"@flatten"}};
    addImported(spec, 8);

    const auto models = source().available();
    ASSERT_EQ(models.size(), 2u);
    EXPECT_EQ(models[0].name, "mine");
    EXPECT_TRUE(models[0].imported());
    EXPECT_EQ(models[1].name, "vgg-w4-s1");
    EXPECT_DOUBLE_EQ(models[1].record.testAccuracy, m_entry.testAccuracy);
    EXPECT_EQ(source().learningDataset().id, m_datasetId);
    EXPECT_EQ(source().learningDataset(models[0]).id, m_datasetId);

    // On an ImageFolder project the Fashion-MNIST zoo models are not offered.
    ProjectStore folder = ProjectStore::create(m_dir.file("folder.nad"));
    DatasetSummary s;
    s.path = "/data/folder";
    s.kind = "imagefolder";
    s.classNames = m_entry.classNames;
    folder.addDataset(s, "folder");
    EXPECT_TRUE(ModelSource(folder, m_dir.file("zoo")).available().empty());
    // A project without a data set says so.
    ProjectStore empty = ProjectStore::create(m_dir.file("empty.nad"));
    EXPECT_THROW(ModelSource(empty, m_dir.file("zoo")).learningDataset(), InvalidArgument);
}
