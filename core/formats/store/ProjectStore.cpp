#include "store/ProjectStore.h"

#include "Errors.h"
#include "data/DatasetInspector.h"
#include "nad/Version.h"
#include "store/ProjectSchema.h"
#include "store/SqliteDatabase.h"

#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>

namespace nad {
namespace fs = std::filesystem;

namespace {

constexpr char kSqliteMagic[16] = "SQLite format 3";  // 15 characters and a NUL, as on disk

// Everything opening checks before a single byte may be written. Uses its own read-only
// connection so a refused file is never touched (not even its header's WAL bytes).
int checkProjectFile(const std::string& path)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw ProjectError("project file '" + path + "' does not exist");
    if (!fs::is_regular_file(path, ec))
        throw ProjectError("project file '" + path + "' is not a regular file");

    std::array<char, 100> header{};
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw ProjectError("project file '" + path + "' cannot be read (permission denied?)");
    in.read(header.data(), header.size());
    if (in.gcount() < std::streamsize(header.size()) ||
        std::memcmp(header.data(), kSqliteMagic, sizeof kSqliteMagic) != 0)
        throw ProjectError("'" + path +
                           "' is not a NAD Studio project: it is not an SQLite "
                           "database" +
                           (in.gcount() == 0 ? " (the file is empty)" : ""));

    // Refuses a file that is not ours or is newer than this build.
    const auto refuseForeignOrNewer = [&path](std::int64_t applicationId, int version) {
        if (applicationId != ProjectSchema::kApplicationId) {
            char id[16];
            std::snprintf(id, sizeof id, "0x%08llx", static_cast<unsigned long long>(applicationId));
            throw ProjectError("'" + path +
                               "' is an SQLite database but not a NAD Studio project "
                               "(application_id " +
                               id + "); it was not modified");
        }
        if (version > ProjectSchema::kCurrentVersion)
            throw ProjectError("project file '" + path + "' was written by a newer NAD Studio (schema v" +
                               std::to_string(version) + "; this version " + kVersion + " reads up to v" +
                               std::to_string(ProjectSchema::kCurrentVersion) +
                               "); it was not modified — open it with a newer release");
    };
    // The header's own copy of both (big-endian at offsets 68 and 60) settles a refusal without
    // SQLite, whose read-only connection to a WAL-mode file leaves empty -wal and -shm files
    // beside it. With a -wal file present its frames may hold a newer first page: SQLite decides.
    if (!fs::exists(path + "-wal", ec)) {
        const auto bigEndian = [&header](std::size_t offset) {
            std::uint32_t value = 0;
            for (std::size_t i = 0; i < 4; ++i)
                value = (value << 8) | std::uint8_t(header[offset + i]);
            return value;
        };
        refuseForeignOrNewer(std::int64_t(std::int32_t(bigEndian(68))), int(std::int32_t(bigEndian(60))));
    }

    int version = 0;
    std::int64_t applicationId = 0;
    try {
        SqliteDatabase db(path, SqliteDatabase::Access::ReadOnly);
        applicationId = db.queryInt("PRAGMA application_id");
        version = int(db.queryInt("PRAGMA user_version"));
        if (applicationId == ProjectSchema::kApplicationId && version <= ProjectSchema::kCurrentVersion) {
            const std::string check = db.queryText("PRAGMA quick_check");
            if (check != "ok")
                throw ProjectError("project file '" + path + "' is corrupt (SQLite quick_check: " + check +
                                   "); it was not modified");
        }
    } catch (const ProjectError& e) {
        const std::string message = e.what();
        if (message.find("is corrupt") != std::string::npos)
            throw;
        throw ProjectError("project file '" + path + "' is corrupt or unreadable (" + message +
                           "); it was not modified");
    }
    refuseForeignOrNewer(applicationId, version);
    return version;
}

bool isWritableFile(const std::string& path)
{
    struct stat st = {};
    // root passes access(W_OK) on any file, so also honour the owner's write bit: a project
    // someone marked read-only stays read-only for us.
    return ::stat(path.c_str(), &st) == 0 && (st.st_mode & S_IWUSR) && ::access(path.c_str(), W_OK) == 0;
}

void configureConnection(SqliteDatabase& db)
{
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA trusted_schema = OFF");
}

}  // namespace

ProjectStore::ProjectStore(std::unique_ptr<SqliteDatabase> db, std::string path, Mode mode)
    : m_db(std::move(db)), m_path(std::move(path)), m_mode(mode)
{}

ProjectStore::ProjectStore(ProjectStore&&) noexcept = default;
ProjectStore& ProjectStore::operator=(ProjectStore&&) noexcept = default;
ProjectStore::~ProjectStore() = default;

ProjectStore ProjectStore::create(const std::string& path, const std::function<void(ProjectStore&)>& fill)
{
    return createStaged(
        path,
        [](const std::string& temporary) {
            SqliteDatabase db(temporary, SqliteDatabase::Access::Create);
            SqliteTransaction transaction(db);
            ProjectSchema::createCurrent(db);
            auto meta = db.prepare("INSERT INTO project_meta(key, value) VALUES (?, ?)");
            meta.bind(1, "created_with").bind(2, std::string(kApplicationName) + " " + kVersion).run();
            meta.reset();
            meta.bind(1, "created_at").bind(2, db.queryText("SELECT strftime('%Y-%m-%dT%H:%M:%SZ','now')")).run();
            transaction.commit();
            // WAL lets the GUI read while a worker thread writes; the mode is stored in the file.
            db.exec("PRAGMA journal_mode = WAL");
        },
        fill);
}

ProjectStore ProjectStore::createCopy(const std::string& path, const ProjectStore& source,
                                      const std::function<void(ProjectStore&)>& fill)
{
    return createStaged(
        path,
        [&source](const std::string& temporary) {
            // A snapshot of the committed state, WAL included, without writing to the source (works
            // on a read-only connection); the copy's journal mode is set when it is opened.
            auto vacuum = source.database().prepare("VACUUM INTO ?");
            vacuum.bind(1, temporary).run();
        },
        fill);
}

ProjectStore ProjectStore::createStaged(const std::string& path, const std::function<void(const std::string&)>& build,
                                        const std::function<void(ProjectStore&)>& fill)
{
    std::error_code ec;
    if (fs::exists(path, ec))
        throw ProjectError("project file '" + path + "' already exists; choose another name");
    const fs::path parent = fs::absolute(path, ec).parent_path();
    if (!fs::is_directory(parent, ec))
        throw ProjectError("cannot create project '" + path + "': folder '" + parent.string() + "' does not exist");

    const std::string temporary = path + ".creating-" + std::to_string(::getpid());
    auto discardTemporary = [&temporary] {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        fs::remove(temporary + "-wal", ignored);
        fs::remove(temporary + "-shm", ignored);
    };
    fs::remove(temporary, ec);
    try {
        build(temporary);
        if (fill) {
            // The caller's first records go into the temporary file too, so a failure (a bad
            // data set, a model that does not fit) leaves no project behind.
            {
                ProjectStore staged = open(temporary, Mode::ReadWrite);
                fill(staged);
            }
            // Closing the last connection checkpoints the WAL into the file and deletes it; a
            // WAL left behind would not follow the rename and its transactions would be lost.
            if (fs::exists(temporary + "-wal", ec))
                throw ProjectError("cannot create project '" + path + "': its write-ahead log was not checkpointed");
            fs::remove(temporary + "-shm", ec);
        }
    } catch (const Error& e) {
        discardTemporary();
        // Name the file the user asked for, not our temporary, and say what an I/O error
        // while writing a fresh file most likely means.
        const std::string message = e.what();
        if (message.find("disk I/O error") != std::string::npos || message.find("disk is full") != std::string::npos)
            throw ProjectError("cannot create project '" + path +
                               "': writing failed (disk full or file size limit?): " + message);
        throw;
    } catch (...) {
        discardTemporary();
        throw;
    }
    fs::rename(temporary, path, ec);
    if (ec) {
        fs::remove(temporary, ec);
        throw ProjectError("cannot create project '" + path + "': " + ec.message());
    }
    return open(path, Mode::ReadWrite);
}

ProjectStore ProjectStore::open(const std::string& path, Mode mode)
{
    const int version = checkProjectFile(path);
    if (mode == Mode::ReadWrite && !isWritableFile(path))
        throw ProjectError("project file '" + path + "' is read-only; open it read-only or make a writable copy");
    auto db = std::make_unique<SqliteDatabase>(path, mode == Mode::ReadOnly ? SqliteDatabase::Access::ReadOnly
                                                                            : SqliteDatabase::Access::ReadWrite);
    if (mode == Mode::ReadWrite) {
        db->exec("PRAGMA journal_mode = WAL");
        if (version < ProjectSchema::kCurrentVersion)
            ProjectSchema::migrate(*db, version);
    } else if (version < ProjectSchema::kCurrentVersion) {
        throw ProjectError("project file '" + path + "' uses the older schema v" + std::to_string(version) +
                           "; open it writable once to upgrade it");
    }
    configureConnection(*db);
    return ProjectStore(std::move(db), path, mode);
}

int ProjectStore::schemaVersion() const
{
    return int(m_db->queryInt("PRAGMA user_version"));
}

void ProjectStore::requireWritable() const
{
    if (m_mode == Mode::ReadOnly)
        throw ProjectError("project file '" + m_path + "' is open read-only");
}

std::int64_t ProjectStore::addDataset(const DatasetSummary& summary, const std::string& name)
{
    requireWritable();
    if (name.empty())
        throw InvalidArgument("a data set needs a name");
    auto existing = m_db->prepare("SELECT count(*) FROM datasets WHERE name = ?");
    existing.bind(1, name);
    if (existing.step() && existing.columnInt(0) > 0)
        throw ProjectError("project '" + m_path + "' already has a data set named '" + name + "'");

    auto countOf = [&summary](const std::string& split) -> std::vector<std::size_t> {
        for (const auto& s : summary.splits) {
            if (s.name == split)
                return s.perClass;
        }
        return std::vector<std::size_t>(summary.classNames.size(), 0);
    };
    // An ImageFolder without splits counts everything as training data.
    const auto train = summary.splits.size() == 1 ? summary.splits.front().perClass : countOf("train");
    auto test = countOf("test");
    if (summary.splits.size() > 1 && test == std::vector<std::size_t>(summary.classNames.size(), 0))
        test = countOf("val");
    std::int64_t trainTotal = 0, testTotal = 0;
    for (auto n : train)
        trainTotal += std::int64_t(n);
    for (auto n : test)
        testTotal += std::int64_t(n);

    SqliteTransaction transaction(*m_db);
    auto insert = m_db->prepare("INSERT INTO datasets(name, kind, path, channels, height, width, "
                                "train_count, test_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, name)
        .bind(2, summary.kind)
        .bind(3, summary.path)
        .bind(4, summary.channels)
        .bind(5, summary.height)
        .bind(6, summary.width)
        .bind(7, trainTotal)
        .bind(8, testTotal)
        .run();
    const std::int64_t datasetId = m_db->queryInt("SELECT last_insert_rowid()");

    auto insertGroup = m_db->prepare("INSERT INTO concept_groups(dataset_id, name, position) VALUES (?, ?, ?)");
    const auto& groups = summary.hierarchy.groups();
    std::vector<std::int64_t> groupIds;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        insertGroup.reset();
        insertGroup.bind(1, datasetId).bind(2, groups[g].primary).bind(3, std::int64_t(g)).run();
        groupIds.push_back(m_db->queryInt("SELECT last_insert_rowid()"));
    }
    const auto groupOfClass = summary.hierarchy.groupIndexPerClass(summary.classNames);
    auto insertConcept = m_db->prepare("INSERT INTO concepts(dataset_id, class_index, name, group_id, "
                                       "train_count, test_count) VALUES (?, ?, ?, ?, ?, ?)");
    for (std::size_t c = 0; c < summary.classNames.size(); ++c) {
        insertConcept.reset();
        insertConcept.bind(1, datasetId).bind(2, std::int64_t(c)).bind(3, summary.classNames[c]);
        if (groupOfClass[c] >= 0)
            insertConcept.bind(4, groupIds[std::size_t(groupOfClass[c])]);
        else
            insertConcept.bindNull(4);
        insertConcept.bind(5, std::int64_t(c < train.size() ? train[c] : 0))
            .bind(6, std::int64_t(c < test.size() ? test[c] : 0))
            .run();
    }
    transaction.commit();
    return datasetId;
}

std::vector<DatasetRecord> ProjectStore::datasets() const
{
    std::vector<DatasetRecord> result;
    auto query = m_db->prepare("SELECT id, name, kind, path, channels, height, width, train_count, "
                               "test_count FROM datasets ORDER BY id");
    while (query.step()) {
        DatasetRecord r;
        r.id = query.columnInt(0);
        r.name = query.columnText(1);
        r.kind = query.columnText(2);
        r.path = query.columnText(3);
        r.channels = int(query.columnInt(4));
        r.height = int(query.columnInt(5));
        r.width = int(query.columnInt(6));
        r.trainCount = query.columnInt(7);
        r.testCount = query.columnInt(8);
        result.push_back(std::move(r));
    }
    return result;
}

std::vector<ConceptRecord> ProjectStore::concepts(std::int64_t datasetId) const
{
    std::vector<ConceptRecord> result;
    auto query = m_db->prepare(
        "SELECT c.id, c.dataset_id, c.class_index, c.name, ifnull(g.name, ''), c.train_count, "
        "c.test_count, ifnull(g.position, -1) FROM concepts c LEFT JOIN concept_groups g ON g.id = c.group_id "
        "WHERE c.dataset_id = ? ORDER BY c.class_index");
    query.bind(1, datasetId);
    while (query.step()) {
        ConceptRecord r;
        r.id = query.columnInt(0);
        r.datasetId = query.columnInt(1);
        r.classIndex = int(query.columnInt(2));
        r.name = query.columnText(3);
        r.primary = query.columnText(4);
        r.trainCount = query.columnInt(5);
        r.testCount = query.columnInt(6);
        r.primaryPosition = int(query.columnInt(7));
        result.push_back(std::move(r));
    }
    return result;
}

ConceptHierarchy ProjectStore::hierarchy(std::int64_t datasetId) const
{
    std::vector<ConceptGroup> groups;
    auto query = m_db->prepare("SELECT g.name, c.name FROM concept_groups g JOIN concepts c ON "
                               "c.group_id = g.id WHERE g.dataset_id = ? ORDER BY g.position, "
                               "c.class_index");
    query.bind(1, datasetId);
    while (query.step()) {
        const std::string primary = query.columnText(0);
        if (groups.empty() || groups.back().primary != primary)
            groups.push_back({primary, {}});
        groups.back().members.push_back(query.columnText(1));
    }
    std::vector<std::string> classNames;
    for (const auto& concept : concepts(datasetId))
        classNames.push_back(concept.name);
    return ConceptHierarchy(std::move(groups), classNames, "project '" + m_path + "'");
}

ProjectInfo ProjectStore::info() const
{
    ProjectInfo info;
    info.path = m_path;
    info.schemaVersion = schemaVersion();
    auto meta = m_db->prepare("SELECT value FROM project_meta WHERE key = ?");
    meta.bind(1, "created_with");
    info.createdWith = meta.step() ? meta.columnText(0) : "unknown";
    meta.reset();
    meta.bind(1, "created_at");
    info.createdAt = meta.step() ? meta.columnText(0) : "unknown";
    info.datasets = datasets();
    info.conceptCount = m_db->queryInt("SELECT count(*) FROM concepts");
    info.modelCount = m_db->queryInt("SELECT count(*) FROM models");
    info.runCount = m_db->queryInt("SELECT count(*) FROM runs");
    info.pathCount = m_db->queryInt("SELECT count(DISTINCT run_id || '/' || concept_id || '/' || "
                                    "init_index) FROM paths WHERE final = 1");
    info.exportCount = m_db->queryInt("SELECT count(*) FROM exports");
    return info;
}

void ProjectStore::logExport(const std::string& figure, const std::string& path, const std::string& format,
                             double widthMm, double heightMm, int dpi)
{
    requireWritable();
    SqliteTransaction transaction(*m_db);
    m_db->prepare("INSERT INTO exports(figure, path, format, width_mm, height_mm, dpi) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(1, figure)
        .bind(2, path)
        .bind(3, format)
        .bind(4, widthMm)
        .bind(5, heightMm)
        .bind(6, std::int64_t(dpi))
        .run();
    transaction.commit();
}

}  // namespace nad
