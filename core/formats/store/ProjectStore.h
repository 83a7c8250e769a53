#pragma once

#include "data/ConceptHierarchy.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace nad {

class SqliteDatabase;
struct DatasetSummary;

struct DatasetRecord
{
    std::int64_t id = 0;
    std::string name;
    std::string kind;
    std::string path;
    int channels = 0;
    int height = 0;
    int width = 0;
    std::int64_t trainCount = 0;
    std::int64_t testCount = 0;
};

struct ConceptRecord
{
    std::int64_t id = 0;
    std::int64_t datasetId = 0;
    int classIndex = 0;
    std::string name;
    std::string primary;       // "" when the concept is in no group
    int primaryPosition = -1;  // the group's place in the hierarchy file, -1 when ungrouped
    std::int64_t trainCount = 0;
    std::int64_t testCount = 0;
};

struct ProjectInfo
{
    std::string path;
    int schemaVersion = 0;
    std::string createdWith;  // application version that created the file
    std::string createdAt;
    std::vector<DatasetRecord> datasets;
    std::int64_t conceptCount = 0;
    std::int64_t modelCount = 0;
    std::int64_t runCount = 0;
    std::int64_t pathCount = 0;
    std::int64_t exportCount = 0;
};

// A project file (one SQLite file, `.nad`). Opening checks, read-only and before anything is
// written, that the file is SQLite, is ours (application_id), is not newer than this build
// and passes quick_check; any refusal leaves the file byte-for-byte as it was.
class ProjectStore
{
public:
    enum class Mode { ReadOnly, ReadWrite };

    // Creates a new project; refuses an existing path. The file appears complete or not at all
    // (built under a temporary name, then renamed). `fill`, when given, writes the first records
    // (data set, models) into the temporary file before the rename; if it throws, nothing is left.
    static ProjectStore create(const std::string& path, const std::function<void(ProjectStore&)>& fill = {});
    // Creates a new project as a consistent snapshot of `source` (SQLite's VACUUM INTO; the
    // source may be open read-only and stays untouched), then lets `fill` change it, with the
    // same guarantee: `path` appears complete after `fill` returns, or not at all.
    static ProjectStore createCopy(const std::string& path, const ProjectStore& source,
                                   const std::function<void(ProjectStore&)>& fill = {});
    // Opens an existing project; ReadWrite also migrates an older schema to the current one.
    static ProjectStore open(const std::string& path, Mode mode = Mode::ReadWrite);

    ProjectStore(ProjectStore&&) noexcept;
    ProjectStore& operator=(ProjectStore&&) noexcept;
    ~ProjectStore();

    const std::string& path() const { return m_path; }
    bool isReadOnly() const { return m_mode == Mode::ReadOnly; }
    int schemaVersion() const;

    // Records a data set with one concept per class and the hierarchy, in one transaction.
    // Refuses a second data set of the same name.
    std::int64_t addDataset(const DatasetSummary& summary, const std::string& name);
    std::vector<DatasetRecord> datasets() const;
    std::vector<ConceptRecord> concepts(std::int64_t datasetId) const;
    ConceptHierarchy hierarchy(std::int64_t datasetId) const;
    ProjectInfo info() const;

    // The connection, for the engine's stores that add their own tables' access (runs, paths).
    SqliteDatabase& database() const { return *m_db; }
    // Records an exported figure (exports table): which figure, where, format and size.
    void logExport(const std::string& figure, const std::string& path, const std::string& format, double widthMm,
                   double heightMm, int dpi);

private:
    ProjectStore(std::unique_ptr<SqliteDatabase> db, std::string path, Mode mode);
    // create and createCopy: `build` writes the file at the temporary name, `fill` adds to it,
    // and only then is it renamed to `path`.
    static ProjectStore createStaged(const std::string& path, const std::function<void(const std::string&)>& build,
                                     const std::function<void(ProjectStore&)>& fill);
    void requireWritable() const;

    std::unique_ptr<SqliteDatabase> m_db;
    std::string m_path;
    Mode m_mode = Mode::ReadWrite;
};

}  // namespace nad
