// A project around the user's own TorchScript model and ImageFolder data set: every check the
// New Project wizard runs, creating the file, and learning and evaluating paths end to end.
#include "Errors.h"
#include "TestFiles.h"
#include "data/ImageFolderSplits.h"
#include "jobs/DisentangleJob.h"
#include "jobs/RunContext.h"
#include "nad/RunEvaluation.h"
#include "nn/ImportSpecFile.h"
#include "store/ImportedProject.h"
#include "store/ProjectStore.h"
#include "store/RunStore.h"
#include "store/Sha256.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>

using namespace nad;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kClasses = {"ankle", "bag", "coat"};

// Two blocks of the tiny model (export_tiny_cnn.py): conv+ReLU (4 channels), conv+ReLU+pool (8).
const char* const kSpec = R"({"input": {"channels": 3, "size": 16},
  "normalization": {"mean": [0.5], "std": [0.25]},
  "blocks": [{"name": "conv1", "steps": ["features.0", "features.1"]},
             {"name": "conv2", "steps": ["features.2", "features.3", "features.4"]}],
  "classifier": ["pool", "@flatten", "fc"]})";

// Images whose colour depends on the class, with per-image variation, so classes differ.
void writeImages(const fs::path& dir, int classIndex, int count, int size = 16)
{
    fs::create_directories(dir);
    for (int i = 0; i < count; ++i) {
        cv::Mat image(size, size, CV_8UC3, cv::Scalar(40 + 80 * classIndex, 200 - 60 * classIndex, 10 * i));
        cv::rectangle(image, cv::Rect(i % 8, i % 8, 6, 6), cv::Scalar(255, 255, 255), -1);
        cv::imwrite((dir / ("img" + std::to_string(i) + ".png")).string(), image);
    }
}

std::string errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const std::exception& e) {
        return e.what();
    }
    return "no error";
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

class ImportedProjectTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = new nadtest::TemporaryDirectory;
        const std::string python = NAD_SYSTEM_PYTHON;
        if (python.empty() || std::system((python + " -c 'import torch' 2>/dev/null").c_str()) != 0) {
            s_skipReason = "Debian's python3-torch is not installed (packaging/install-deps.sh installs it)";
            return;
        }
        const std::string command =
            python + " " NAD_TEST_DATA_DIR "/export_tiny_cnn.py " + s_dir->path().string() + " >/dev/null 2>&1";
        if (std::system(command.c_str()) != 0) {
            s_setupFailure = "exporting the tiny models failed: " + command;  // a failure, not a skip
            return;
        }
        for (int c = 0; c < 3; ++c) {
            writeImages(s_dir->path() / "split" / "train" / kClasses[std::size_t(c)], c, 4);
            writeImages(s_dir->path() / "split" / "test" / kClasses[std::size_t(c)], c, 2);
            writeImages(s_dir->path() / "single" / kClasses[std::size_t(c)], c, 5, 24);
        }
        nadtest::writeText(s_dir->file("spec.json"), kSpec);
        nadtest::writeText(s_dir->file("hierarchy.json"), R"({"shoes": ["ankle"], "things": ["bag", "coat"]})");
    }
    static void TearDownTestSuite()
    {
        delete s_dir;
        s_dir = nullptr;
    }
    void SetUp() override
    {
        if (!s_setupFailure.empty())
            FAIL() << s_setupFailure;
        if (!s_skipReason.empty())
            GTEST_SKIP() << s_skipReason;
    }
    static std::string file(const std::string& name) { return s_dir->file(name); }

    // A complete, valid request writing `project` into the test's own folder.
    ImportedProjectRequest request(const std::string& project) const
    {
        ImportedProjectRequest r;
        r.projectPath = m_work.file(project);
        r.modelPath = file("tiny3.pt");
        r.specPath = file("spec.json");
        r.datasetPath = file("split");
        r.hierarchyPath = file("hierarchy.json");
        return r;
    }
    // Nothing but `allowed` in the test's folder: no project, no temporary file left behind.
    void expectFolderHoldsOnly(const std::vector<std::string>& allowed) const
    {
        for (const auto& entry : fs::directory_iterator(m_work.path())) {
            const std::string name = entry.path().filename().string();
            EXPECT_NE(std::find(allowed.begin(), allowed.end(), name), allowed.end()) << "left behind: " << name;
        }
    }
    DisentangleRequest learnRequest(const std::string& project, const std::string& model) const
    {
        DisentangleRequest d;
        d.projectPath = project;
        d.modelName = model;
        d.zooDirectory = m_work.file("zoo");
        d.concepts = {"ankle", "coat"};
        d.options.steps = 5;
        d.options.batchSize = 4;
        d.options.initializations = 1;
        d.checkpointEvery = 2;
        d.lambdaGiven = false;
        return d;
    }

    nadtest::TemporaryDirectory m_work;
    static nadtest::TemporaryDirectory* s_dir;
    static std::string s_skipReason;
    static std::string s_setupFailure;
};
nadtest::TemporaryDirectory* ImportedProjectTest::s_dir = nullptr;
std::string ImportedProjectTest::s_skipReason;
std::string ImportedProjectTest::s_setupFailure;

}  // namespace

TEST_F(ImportedProjectTest, ModelSummaryHasBlocksInputAndClasses)
{
    const ImportedModelSummary m = ImportedModel::inspect(file("tiny3.pt"), "", file("spec.json"));
    ASSERT_EQ(m.blocks.size(), 2u);
    EXPECT_EQ(m.blocks[0].name, "conv1");
    EXPECT_EQ(m.blocks[0].channels, 4);
    EXPECT_EQ(m.blocks[1].name, "conv2");
    EXPECT_EQ(m.blocks[1].channels, 8);
    EXPECT_EQ(m.inputChannels(), 3);
    EXPECT_EQ(m.inputSize(), 16);
    EXPECT_EQ(m.classCount(), 3u);
    EXPECT_FALSE(m.specNamesClasses);
    EXPECT_EQ(m.sha256, Sha256::ofFile(file("tiny3.pt")));
    EXPECT_GT(m.parameters, 0);
    EXPECT_EQ(ImportedModel::inspect(file("tiny5.pt"), "", file("spec.json")).classCount(), 5u);
}

TEST_F(ImportedProjectTest, ModelErrorsNameTheFileAndTheProblem)
{
    nadtest::writeText(m_work.file("text.pt"), "just some text, not a zip archive");
    std::string message = errorOf([&] { ImportedModel::inspect(m_work.file("text.pt"), "", file("spec.json")); });
    EXPECT_TRUE(contains(message, m_work.file("text.pt")) && contains(message, "is not a TorchScript model"))
        << message;
    EXPECT_FALSE(contains(message, "spec.json")) << "the spec is not at fault: " << message;

    message = errorOf([&] { ImportedModel::inspect(m_work.file("absent.pt"), "", file("spec.json")); });
    EXPECT_TRUE(contains(message, m_work.file("absent.pt")) && contains(message, "does not exist")) << message;

    message = errorOf([&] { ImportedModel::inspect(file("tiny3.pt"), "vgg16", file("spec.json")); });
    EXPECT_TRUE(contains(message, "not both")) << message;
    message = errorOf([&] { ImportedModel::inspect(file("tiny3.pt"), "", ""); });
    EXPECT_TRUE(contains(message, "not neither")) << message;

    // The second block starts with the 3-channel conv again: it cannot take conv1's 4 channels.
    std::string spec = kSpec;
    spec.replace(spec.find("\"features.2\""), 12, "\"features.0\"");
    nadtest::writeText(m_work.file("unchained.json"), spec);
    message = errorOf([&] { ImportedModel::inspect(file("tiny3.pt"), "", m_work.file("unchained.json")); });
    EXPECT_TRUE(contains(message, "block 'conv2' does not accept the output of block 'conv1'")) << message;
    EXPECT_TRUE(contains(message, m_work.file("unchained.json"))) << message;

    spec = kSpec;
    spec.replace(spec.find("\"features.4\""), 12, "\"features.9\"");
    nadtest::writeText(m_work.file("missing.json"), spec);
    message = errorOf([&] { ImportedModel::inspect(file("tiny3.pt"), "", m_work.file("missing.json")); });
    EXPECT_TRUE(contains(message, "no submodule 'features.9'") && contains(message, "block 'conv2'")) << message;
    EXPECT_TRUE(contains(message, m_work.file("missing.json"))) << message;

    nadtest::writeText(m_work.file("broken.json"), "{\"blocks\": [");
    message = errorOf([&] { ImportedModel::inspect(file("tiny3.pt"), "", m_work.file("broken.json")); });
    EXPECT_TRUE(contains(message, m_work.file("broken.json")) && contains(message, "not valid JSON")) << message;
}

TEST_F(ImportedProjectTest, DatasetWithSplitsLearnsOnTrainAndEvaluatesOnTest)
{
    const DatasetSummary s = ImportedProject::inspectDataset(file("split"));
    EXPECT_EQ(s.kind, "imagefolder");
    EXPECT_EQ(s.classNames, kClasses);
    ASSERT_EQ(s.splits.size(), 2u);
    EXPECT_EQ(s.splits[0].name, "train");
    EXPECT_EQ(s.splits[0].perClass, (std::vector<std::size_t>{4, 4, 4}));
    EXPECT_EQ(s.splits[1].name, "test");
    EXPECT_EQ(s.splits[1].total, 6u);
    const ImageFolderSplits splits = ImageFolderSplits::of(file("split"));
    EXPECT_FALSE(splits.isDerived());
    EXPECT_EQ(splits.heldOutName(), "test");
}

TEST_F(ImportedProjectTest, SingleFolderHoldsOutAFixedFifthOfEachClass)
{
    const DatasetSummary s = ImportedProject::inspectDataset(file("single"));
    ASSERT_EQ(s.splits.size(), 2u);
    EXPECT_EQ(s.splits[0].perClass, (std::vector<std::size_t>{4, 4, 4}));
    EXPECT_EQ(s.splits[1].perClass, (std::vector<std::size_t>{1, 1, 1}));
    const ImageFolderSplits a = ImageFolderSplits::of(file("single"));
    const ImageFolderSplits b = ImageFolderSplits::of(file("single"));
    EXPECT_TRUE(a.isDerived());
    for (std::size_t c = 0; c < kClasses.size(); ++c) {
        EXPECT_EQ(a.heldOut().files[c], b.heldOut().files[c]);  // the same choice every time
        for (const auto& held : a.heldOut().files[c])
            EXPECT_EQ(std::count(a.training().files[c].begin(), a.training().files[c].end(), held), 0) << held;
    }

    writeImages(m_work.path() / "one" / "a", 0, 3);
    writeImages(m_work.path() / "one" / "b", 1, 1);
    const std::string message = errorOf([&] { ImportedProject::inspectDataset(m_work.file("one")); });
    EXPECT_TRUE(contains(message, (m_work.path() / "one" / "b").string()) && contains(message, "holds one image"))
        << message;
}

TEST_F(ImportedProjectTest, DatasetAndHierarchyErrorsNameTheirFile)
{
    std::string message = errorOf([&] { ImportedProject::inspectDataset(m_work.file("nowhere")); });
    EXPECT_TRUE(contains(message, m_work.file("nowhere")) && contains(message, "does not exist")) << message;

    const DatasetSummary dataset = ImportedProject::inspectDataset(file("split"));
    EXPECT_EQ(ImportedProject::checkHierarchy(file("hierarchy.json"), dataset).primaryOf("bag"), "things");
    nadtest::writeText(m_work.file("bad-hierarchy.json"), R"({"things": ["bag", "dress"]})");
    message = errorOf([&] { ImportedProject::checkHierarchy(m_work.file("bad-hierarchy.json"), dataset); });
    EXPECT_TRUE(contains(message, m_work.file("bad-hierarchy.json")) && contains(message, "'dress'")) << message;
}

TEST_F(ImportedProjectTest, ClassMismatchIsRefusedAndWritesNothing)
{
    ImportedProjectRequest r = request("p.nad");
    r.modelPath = file("tiny5.pt");
    std::string message = errorOf([&] { ImportedProject::create(r); });
    EXPECT_TRUE(contains(message, file("tiny5.pt")) && contains(message, "outputs 5 classes") &&
                contains(message, "has 3 (ankle, bag, coat)"))
        << message;

    // A spec naming other classes than the data set's folders.
    nlohmann::json spec = nlohmann::json::parse(kSpec);
    spec["classes"] = {"ankle", "coat", "bag"};
    nadtest::writeText(m_work.file("named.json"), spec.dump());
    r = request("p.nad");
    r.specPath = m_work.file("named.json");
    message = errorOf([&] { ImportedProject::create(r); });
    EXPECT_TRUE(contains(message, m_work.file("named.json")) && contains(message, "names the classes")) << message;

    r = request("p.nad");
    r.hierarchyPath = m_work.file("absent-hierarchy.json");
    message = errorOf([&] { ImportedProject::create(r); });
    EXPECT_TRUE(contains(message, m_work.file("absent-hierarchy.json"))) << message;
    expectFolderHoldsOnly({"named.json"});
}

TEST_F(ImportedProjectTest, RefusesAnExistingFileUnchanged)
{
    nadtest::writeText(m_work.file("p.nad"), "someone's file");
    const auto before = nadtest::readBytes(m_work.file("p.nad"));
    const std::string message = errorOf([&] { ImportedProject::create(request("p.nad")); });
    EXPECT_TRUE(contains(message, m_work.file("p.nad")) && contains(message, "already exists")) << message;
    EXPECT_EQ(nadtest::readBytes(m_work.file("p.nad")), before);
    expectFolderHoldsOnly({"p.nad"});
}

TEST_F(ImportedProjectTest, CreatesProjectThenLearnsAndEvaluatesPaths)
{
    const ImportedProjectPlan plan = ImportedProject::create(request("p.nad"));
    EXPECT_EQ(plan.modelName, "tiny3");
    EXPECT_EQ(plan.datasetName, "split");
    expectFolderHoldsOnly({"p.nad"});
    {
        const ProjectStore project = ProjectStore::open(m_work.file("p.nad"), ProjectStore::Mode::ReadOnly);
        const auto datasets = project.datasets();
        ASSERT_EQ(datasets.size(), 1u);
        EXPECT_EQ(datasets[0].kind, "imagefolder");
        EXPECT_EQ(datasets[0].trainCount, 12);
        EXPECT_EQ(datasets[0].testCount, 6);
        const auto concepts = project.concepts(datasets[0].id);
        ASSERT_EQ(concepts.size(), 3u);
        EXPECT_EQ(concepts[0].primary, "shoes");
        EXPECT_EQ(concepts[2].primary, "things");
        const auto model = RunStore(project).model("tiny3");
        ASSERT_TRUE(model);
        EXPECT_EQ(model->family, "torchscript");
        EXPECT_EQ(model->path, fs::path(file("tiny3.pt")).lexically_normal().string());
        EXPECT_EQ(model->sha256, Sha256::ofFile(file("tiny3.pt")));
        EXPECT_EQ(model->datasetId, datasets[0].id);
        EXPECT_EQ(model->blocks, (std::vector<std::pair<std::string, std::int64_t>>{{"conv1", 4}, {"conv2", 8}}));
        EXPECT_EQ(nlohmann::json::parse(model->classNames).get<std::vector<std::string>>(), kClasses);
        const ImportSpec stored = ImportedModel::spec(*model);
        EXPECT_EQ(stored.inputSize, 16);
        EXPECT_EQ(stored.normalization.std, std::vector<float>{0.25f});
        EXPECT_EQ(stored.classNames, kClasses);
    }

    DisentangleRequest twoInitializations = learnRequest(m_work.file("p.nad"), "tiny3");
    twoInitializations.options.initializations = 2;  // the knockout test averages them
    const DisentangleResult result = DisentangleJob::run(twoInitializations);
    EXPECT_FALSE(result.cancelled);
    EXPECT_EQ(result.pathsLearned, 4);  // 2 concepts × 2 initializations
    ASSERT_EQ(result.summary.classNames, (std::vector<std::string>{"ankle", "coat"}));
    EXPECT_EQ(result.summary.usagePerBlock.size(), 2u);

    ProjectStore project = ProjectStore::open(m_work.file("p.nad"));
    RunStore runs(project);
    const auto run = runs.run(result.runId);
    ASSERT_TRUE(run);
    EXPECT_EQ(run->status, RunStatus::Finished);
    // A custom spec has no family: the general default λ.
    EXPECT_DOUBLE_EQ(nlohmann::json::parse(run->hyperparameters).at("lambda").get<double>(),
                     LearnerOptions::defaultLambda("torchscript", LearnerPreset::Paper));
    const auto paths = runs.paths(result.runId, run->datasetId, true);
    ASSERT_EQ(paths.size(), 4u);
    for (const auto& p : paths) {
        ASSERT_EQ(p.binary.size(), 2u);
        EXPECT_EQ(p.binary[0].size(), 4u);
        EXPECT_EQ(p.binary[1].size(), 8u);
        EXPECT_EQ(p.step, 5);
    }
    const RunSummary stored = RunEvaluation::load(project, result.runId);
    EXPECT_EQ(stored.classNames, result.summary.classNames);
    // The knockout test's means over both initializations, and how many passed alone, come back.
    ASSERT_EQ(stored.knockout.size(), 2u);
    ASSERT_EQ(result.summary.knockout.size(), 2u);
    for (std::size_t c = 0; c < 2; ++c) {
        EXPECT_EQ(stored.knockout[c].initializations, 2);
        EXPECT_EQ(stored.knockout[c].causalInitializations, result.summary.knockout[c].causalInitializations);
        EXPECT_DOUBLE_EQ(stored.knockout[c].ownDrop, result.summary.knockout[c].ownDrop);
    }
    double heldOut = -1;
    for (const auto& m : runs.metrics(result.runId, run->datasetId))
        if (m.name == "held_out_images")
            heldOut = m.value;
    EXPECT_EQ(heldOut, 6.0);  // the test/ split: 2 images × 3 classes

    // Analysis reopens the run from the project alone: the imported file, rebuilt from its spec.
    const RunContext context = RunContext::open(project, result.runId, m_work.file("zoo"));
    ASSERT_TRUE(context.model.importSpec);
    EXPECT_EQ(context.model.inputSize, 16);
    EXPECT_EQ(context.heldOut(1).count(), 3u);
    const RunSummary again = RunEvaluation::evaluate(project, result.runId, m_work.file("zoo"));
    ASSERT_EQ(again.concepts.size(), 2u);
    EXPECT_DOUBLE_EQ(again.concepts[0].pathPrecision, result.summary.concepts[0].pathPrecision);
}

TEST_F(ImportedProjectTest, ChangedOrMissingModelFileIsRefusedBeforeARunStarts)
{
    fs::copy_file(file("tiny3.pt"), m_work.file("mine.pt"));
    ImportedProjectRequest r = request("p.nad");
    r.modelPath = m_work.file("mine.pt");
    r.modelName = "mine";
    ImportedProject::create(r);

    {
        std::ofstream append(m_work.file("mine.pt"), std::ios::binary | std::ios::app);
        append << "x";
    }
    std::string message = errorOf([&] { DisentangleJob::run(learnRequest(m_work.file("p.nad"), "mine")); });
    EXPECT_TRUE(contains(message, m_work.file("mine.pt")) && contains(message, "has changed since it was imported"))
        << message;

    fs::remove(m_work.file("mine.pt"));
    message = errorOf([&] { DisentangleJob::run(learnRequest(m_work.file("p.nad"), "mine")); });
    EXPECT_TRUE(contains(message, m_work.file("mine.pt")) && contains(message, "is gone")) << message;

    const ProjectStore project = ProjectStore::open(m_work.file("p.nad"), ProjectStore::Mode::ReadOnly);
    EXPECT_TRUE(RunStore(project).runs().empty());
}

TEST(ImportedModel, PresetsLendTheirFamilyAndTorchvisionResize)
{
    EXPECT_EQ(ImportedModel::lambdaFamily(ImportSpecFile::preset("vgg16")), "vgg");
    EXPECT_EQ(ImportedModel::lambdaFamily(ImportSpecFile::preset("resnet50")), "resnet");
    EXPECT_EQ(ImportedModel::lambdaFamily(ImportSpecFile::preset("densenet121")), "densenet");
    ImportSpec custom = ImportSpecFile::preset("vgg16");
    custom.preset.clear();
    EXPECT_EQ(ImportedModel::lambdaFamily(custom), "torchscript");

    const ImageTransform preset = ImportedModel::transform(ImportSpecFile::preset("resnet50"));
    EXPECT_EQ(preset.resizeShorterSide, 256);
    EXPECT_EQ(preset.cropHeight, 224);
    EXPECT_EQ(preset.channels, 3);
    const ImageTransform plain = ImportedModel::transform(custom);
    EXPECT_EQ(plain.resizeShorterSide, 224);
    EXPECT_EQ(plain.cropWidth, 224);
}
