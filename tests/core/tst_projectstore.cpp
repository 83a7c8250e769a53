#include "Errors.h"
#include "TestFiles.h"
#include "data/DatasetInspector.h"
#include "data/FashionMnist.h"
#include "store/DemoProject.h"
#include "store/ProjectSchema.h"
#include "store/ProjectStore.h"
#include "store/SqliteDatabase.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace nad;
namespace fs = std::filesystem;

namespace {

DatasetSummary smallSummary()
{
    DatasetSummary s;
    s.path = "/data/toy";
    s.kind = "imagefolder";
    s.classNames = {"cat", "dog", "car"};
    s.channels = 3;
    s.height = s.width = 32;
    s.splits = {{"train", "/data/toy/train", 30, {10, 12, 8}}, {"val", "/data/toy/val", 6, {2, 2, 2}}};
    s.hierarchy = ConceptHierarchy({{"animal", {"cat", "dog"}}, {"vehicle", {"car"}}}, s.classNames);
    return s;
}

// Makes a plain SQLite file with the given SQL, bypassing ProjectStore entirely.
void makeSqlite(const std::string& path, const std::string& sql)
{
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
    sqlite3_close(db);
}

std::string readText(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Opening must refuse `path` with a message containing `expected`, in both modes, and leave
// every byte of it as it was.
void expectRefused(const std::string& path, const std::string& expected)
{
    const auto before = nadtest::readBytes(path);
    for (auto mode : {ProjectStore::Mode::ReadWrite, ProjectStore::Mode::ReadOnly}) {
        try {
            ProjectStore::open(path, mode);
            ADD_FAILURE() << "opening '" << path << "' should have failed";
        } catch (const ProjectError& e) {
            EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
            EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
        }
    }
    EXPECT_EQ(nadtest::readBytes(path), before) << "the refused file was modified";
}

}  // namespace

TEST(ProjectStore, CreateAddDatasetAndReopen)
{
    nadtest::TemporaryDirectory dir;
    const std::string path = dir.file("p.nad");
    {
        ProjectStore store = ProjectStore::create(path);
        EXPECT_EQ(store.schemaVersion(), ProjectSchema::kCurrentVersion);
        store.addDataset(smallSummary(), "toy");
        EXPECT_THROW(store.addDataset(smallSummary(), "toy"), ProjectError);
    }
    EXPECT_FALSE(fs::exists(path + ".creating-" + std::to_string(::getpid())));
    ProjectStore store = ProjectStore::open(path, ProjectStore::Mode::ReadOnly);
    const ProjectInfo info = store.info();
    EXPECT_EQ(info.schemaVersion, ProjectSchema::kCurrentVersion);
    EXPECT_NE(info.createdWith.find("NAD Studio"), std::string::npos);
    ASSERT_EQ(info.datasets.size(), 1u);
    EXPECT_EQ(info.datasets[0].kind, "imagefolder");
    EXPECT_EQ(info.datasets[0].trainCount, 30);
    EXPECT_EQ(info.datasets[0].testCount, 6);  // val counts as the held-out split
    EXPECT_EQ(info.conceptCount, 3);
    const auto concepts = store.concepts(info.datasets[0].id);
    ASSERT_EQ(concepts.size(), 3u);
    EXPECT_EQ(concepts[1].name, "dog");
    EXPECT_EQ(concepts[1].primary, "animal");
    EXPECT_EQ(concepts[1].trainCount, 12);
    EXPECT_EQ(concepts[2].primary, "vehicle");
    const auto h = store.hierarchy(info.datasets[0].id);
    ASSERT_EQ(h.groups().size(), 2u);
    EXPECT_EQ(h.groups()[0].members, (std::vector<std::string>{"cat", "dog"}));
    EXPECT_THROW(store.addDataset(smallSummary(), "other"), ProjectError);  // read-only
}

TEST(ProjectStore, FilledCreationIsAllOrNothing)
{
    nadtest::TemporaryDirectory dir;
    const std::string path = dir.file("p.nad");
    // The first records fail: no project, no temporary file, no WAL left behind.
    EXPECT_THROW(ProjectStore::create(path,
                                      [](ProjectStore& staged) {
                                          staged.addDataset(smallSummary(), "toy");
                                          throw InvalidArgument("the model does not fit");
                                      }),
                 InvalidArgument);
    EXPECT_TRUE(fs::is_empty(dir.path()));
    {
        ProjectStore store =
            ProjectStore::create(path, [](ProjectStore& staged) { staged.addDataset(smallSummary(), "toy"); });
        EXPECT_EQ(store.datasets().size(), 1u);
        EXPECT_EQ(store.database().queryText("PRAGMA journal_mode"), "wal");
    }
    EXPECT_EQ(ProjectStore::open(path, ProjectStore::Mode::ReadOnly).info().conceptCount, 3);
    for (const auto& entry : fs::directory_iterator(dir.path()))
        EXPECT_EQ(entry.path().filename().string().find(".creating-"), std::string::npos) << entry.path();
}

TEST(ProjectStore, FileIsWalWithForeignKeys)
{
    nadtest::TemporaryDirectory dir;
    ProjectStore store = ProjectStore::create(dir.file("p.nad"));
    EXPECT_EQ(store.database().queryText("PRAGMA journal_mode"), "wal");
    EXPECT_EQ(store.database().queryInt("PRAGMA foreign_keys"), 1);
    // A path row pointing at a run that does not exist is refused by the foreign key.
    EXPECT_THROW(store.database().exec("INSERT INTO paths(run_id, concept_id, init_index, "
                                       "block_index, channels, soft_mask, binary_mask) VALUES "
                                       "(99, 1, 0, 0, 4, x'00', x'00')"),
                 ProjectError);
}

TEST(ProjectStore, CreateRefusesExistingFileAndMissingFolder)
{
    nadtest::TemporaryDirectory dir;
    nadtest::writeText(dir.file("exists.nad"), "precious");
    EXPECT_THROW(ProjectStore::create(dir.file("exists.nad")), ProjectError);
    EXPECT_EQ(readText(dir.file("exists.nad")), "precious");
    EXPECT_THROW(ProjectStore::create(dir.file("no/such/folder/p.nad")), ProjectError);
}

TEST(ProjectStore, RefusesMissingEmptyAndNonSqliteFiles)
{
    nadtest::TemporaryDirectory dir;
    EXPECT_THROW(ProjectStore::open(dir.file("missing.nad")), ProjectError);
    nadtest::writeText(dir.file("empty.nad"), "");
    expectRefused(dir.file("empty.nad"), "not an SQLite database (the file is empty)");
    nadtest::writeText(dir.file("text.nad"), std::string(5000, 'x'));
    expectRefused(dir.file("text.nad"), "not an SQLite database");
}

TEST(ProjectStore, RefusesForeignSqlite)
{
    nadtest::TemporaryDirectory dir;
    makeSqlite(dir.file("foreign.db"), "CREATE TABLE songs(title TEXT); INSERT INTO songs VALUES ('x');");
    expectRefused(dir.file("foreign.db"), "not a NAD Studio project (application_id 0x00000000)");
}

TEST(ProjectStore, RefusesNewerSchema)
{
    nadtest::TemporaryDirectory dir;
    {
        ProjectStore::create(dir.file("new.nad"));
    }
    makeSqlite(dir.file("new.nad"), "PRAGMA user_version = 7;");
    expectRefused(dir.file("new.nad"), "newer NAD Studio (schema v7");
}

TEST(ProjectStore, RefusesCorruptFile)
{
    nadtest::TemporaryDirectory dir;
    const std::string path = dir.file("corrupt.nad");
    {
        ProjectStore store = ProjectStore::create(path);
        store.addDataset(smallSummary(), "toy");
    }
    // Overwrite the middle of the file (b-tree pages of the tables) with garbage.
    auto bytes = nadtest::readBytes(path);
    ASSERT_GT(bytes.size(), 8192u);
    for (std::size_t i = 4096; i < bytes.size(); i += 3)
        bytes[i] = char(0xA5);
    nadtest::writeBytes(path, bytes);
    expectRefused(path, "corrupt");
}

TEST(ProjectStore, ReadOnlyFileRefusedForWritingButReadable)
{
    nadtest::TemporaryDirectory dir;
    const std::string path = dir.file("ro.nad");
    {
        ProjectStore store = ProjectStore::create(path);
        store.addDataset(smallSummary(), "toy");
    }
    ::chmod(path.c_str(), 0444);
    const auto before = nadtest::readBytes(path);
    try {
        ProjectStore::open(path, ProjectStore::Mode::ReadWrite);
        ADD_FAILURE() << "a read-only file was opened for writing";
    } catch (const ProjectError& e) {
        EXPECT_NE(std::string(e.what()).find("is read-only"), std::string::npos) << e.what();
    }
    EXPECT_EQ(ProjectStore::open(path, ProjectStore::Mode::ReadOnly).info().conceptCount, 3);
    EXPECT_EQ(nadtest::readBytes(path), before);
}

TEST(ProjectStore, MigrationKeepsConceptsAndGroups)
{
    nadtest::TemporaryDirectory dir;
    const std::string path = dir.file("old.nad");
    makeSqlite(path, readText(std::string(NAD_TEST_DATA_DIR) + "/project-v0.sql"));
    const auto before = nadtest::readBytes(path);
    EXPECT_THROW(ProjectStore::open(path, ProjectStore::Mode::ReadOnly), ProjectError);
    EXPECT_EQ(nadtest::readBytes(path), before);

    {
        ProjectStore store = ProjectStore::open(path, ProjectStore::Mode::ReadWrite);
        EXPECT_EQ(store.schemaVersion(), ProjectSchema::kCurrentVersion);
        // v0 → v1 → … → v5: the learning-history table, the unit explorer's cache and the sweep
        // tables exist and are empty, and models have the block-spec column of imported models.
        EXPECT_EQ(store.database().queryInt("SELECT count(*) FROM run_history"), 0);
        EXPECT_EQ(store.database().queryInt("SELECT count(*) FROM unit_statistics"), 0);
        EXPECT_EQ(store.database().queryInt("SELECT count(*) FROM sweeps"), 0);
        EXPECT_EQ(store.database().queryInt("SELECT count(*) FROM sweep_points"), 0);
        EXPECT_EQ(
            store.database().queryInt("SELECT count(*) FROM pragma_table_info('models') WHERE name = 'import_spec'"),
            1);
    }
    ProjectStore store = ProjectStore::open(path, ProjectStore::Mode::ReadOnly);
    const ProjectInfo info = store.info();
    EXPECT_EQ(info.createdWith, "NAD Studio 0.0.1-prototype");
    ASSERT_EQ(info.datasets.size(), 1u);
    EXPECT_EQ(info.datasets[0].id, 7);
    EXPECT_EQ(info.datasets[0].kind, "idx");
    const auto concepts = store.concepts(7);
    ASSERT_EQ(concepts.size(), 6u);
    EXPECT_EQ(concepts[0].name, "T-shirt/top");
    EXPECT_EQ(concepts[0].primary, "tops");
    EXPECT_EQ(concepts[3].name, "Sandal");
    EXPECT_EQ(concepts[3].primary, "footwear");
    EXPECT_EQ(concepts[4].name, "Bag");
    EXPECT_EQ(concepts[4].primary, "");
    const auto h = store.hierarchy(7);
    ASSERT_EQ(h.groups().size(), 3u);
    EXPECT_EQ(h.primaryOf("Ankle boot"), "footwear");
    EXPECT_EQ(store.database().queryText("SELECT value FROM project_meta WHERE key='migrated_from'"), "0");
    EXPECT_EQ(store.database().queryText("PRAGMA integrity_check"), "ok");
}

TEST(DemoProject, CreatesFashionMnistProjectOnce)
{
    if (!FashionMnist::looksLikeIdxDirectory(NAD_FASHION_MNIST_DIR))
        GTEST_SKIP() << "Debian's dataset-fashion-mnist is not installed";
    nadtest::TemporaryDirectory dir;
    const std::string path = dir.file("demo.nad");
    EXPECT_TRUE(DemoProject::ensure(path, NAD_FASHION_MNIST_DIR));
    EXPECT_FALSE(DemoProject::ensure(path, NAD_FASHION_MNIST_DIR));
    ProjectStore store = ProjectStore::open(path, ProjectStore::Mode::ReadOnly);
    const auto info = store.info();
    ASSERT_EQ(info.datasets.size(), 1u);
    EXPECT_EQ(info.datasets[0].trainCount, 60000);
    EXPECT_EQ(info.datasets[0].testCount, 10000);
    const auto concepts = store.concepts(info.datasets[0].id);
    ASSERT_EQ(concepts.size(), 10u);
    EXPECT_EQ(concepts[9].name, "Ankle boot");
    EXPECT_EQ(concepts[9].primary, "footwear");
    EXPECT_EQ(concepts[9].testCount, 1000);
}

TEST(DemoProject, MissingDatasetLeavesNoProjectBehind)
{
    nadtest::TemporaryDirectory dir;
    EXPECT_THROW(DemoProject::ensure(dir.file("demo.nad"), dir.file("nothing-here")), DataError);
    EXPECT_FALSE(fs::exists(dir.file("demo.nad")));
}
