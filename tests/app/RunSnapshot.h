#pragma once
// What a project holds of its (only) run, read as a user opening it after a kill would: the
// integrity check, the run's status, every stored path (checkpoints and final), the training
// curve's points and the metrics. Shared by the kill-safety suites (CLI and studio).
#include "store/ProjectStore.h"
#include "store/RunStore.h"
#include "store/SqliteDatabase.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace nadtest {

using PathKey = std::pair<int, int>;  // class index, initialization

struct RunSnapshot
{
    QString integrity;
    int runCount = 0;
    nad::RunStatus status = nad::RunStatus::Pending;
    std::map<PathKey, nad::StoredPath> paths;  // every block of each path: checkpoints and final paths
    std::vector<nad::HistoryPoint> history;
    std::vector<nad::MetricRecord> metrics;

    int finalCount() const
    {
        int n = 0;
        for (const auto& [key, path] : paths)
            n += path.final;
        return n;
    }
};

inline RunSnapshot runSnapshot(const QString& file)
{
    RunSnapshot s;
    const nad::ProjectStore project = nad::ProjectStore::open(file.toStdString());
    s.integrity = QString::fromStdString(project.database().queryText("PRAGMA integrity_check"));
    const nad::RunStore runs(project);
    const auto all = runs.runs();
    s.runCount = int(all.size());
    if (all.empty())
        return s;
    const nad::RunRecord& run = all.front();
    s.status = run.status;
    for (auto& p : runs.paths(run.id, run.datasetId, false))
        s.paths[{p.classIndex, p.initialization}] = std::move(p);
    s.history = runs.history(run.id, run.datasetId);
    s.metrics = runs.metrics(run.id, run.datasetId);
    return s;
}

inline bool samePath(const nad::StoredPath& a, const nad::StoredPath& b)
{
    return a.step == b.step && a.final == b.final && a.binary == b.binary && a.logits == b.logits;
}

// What a kill may never do, between the snapshot before an attempt and the one after it:
// break the file, start a second run, lose or change a final path, move a checkpoint back.
// Appends one line per problem to `problems` and counts lost paths and backward checkpoints.
inline void compareAfterKill(const RunSnapshot& before, const RunSnapshot& now, const QString& where,
                             QStringList& problems, int& lost, int& backwards, int& extraRuns)
{
    if (now.integrity != QLatin1String("ok"))
        problems << where + QStringLiteral(": integrity_check says ") + now.integrity;
    if (now.runCount > 1) {
        ++extraRuns;
        problems << where + QStringLiteral(": %1 runs; resuming must not start another").arg(now.runCount);
    }
    for (const auto& [key, old] : before.paths) {
        const auto it = now.paths.find(key);
        const QString path = where + QStringLiteral(", class %1 init %2").arg(key.first).arg(key.second);
        if (old.final && (it == now.paths.end() || !samePath(old, it->second))) {
            ++lost;
            problems << path + QStringLiteral(": a final path was lost or changed");
        } else if (!old.final && (it == now.paths.end() || it->second.step < old.step)) {
            ++backwards;
            problems << path + QStringLiteral(": the checkpoint went back from step %1").arg(old.step);
        }
    }
}

// What a running job has committed, polled through one read-only connection per watch (WAL: it
// sees every commit and never blocks the writer), opened by the first poll that can open it.
class CommitWatch
{
public:
    struct Reading
    {
        std::int64_t checkpointMark = 0;  // changes with every commit of paths (new rows, later steps)
        int finalPaths = 0;               // final paths committed
    };

    explicit CommitWatch(const QString& project) : m_path(project.toStdString()) {}

    std::optional<Reading> read()
    {
        try {
            if (!m_db)
                m_db = std::make_unique<nad::SqliteDatabase>(m_path, nad::SqliteDatabase::Access::ReadOnly);
            auto query = m_db->prepare("SELECT count(*) * 1000003 + coalesce(sum(step), 0), coalesce(sum(final), 0) "
                                       "FROM paths WHERE block_index = 0");
            if (!query.step())
                return std::nullopt;
            return Reading{query.columnInt(0), int(query.columnInt(1))};
        } catch (const std::exception&) {
            m_db.reset();  // e.g. busy while the file is created: open again next time
            return std::nullopt;
        }
    }

private:
    std::string m_path;
    std::unique_ptr<nad::SqliteDatabase> m_db;
};

}  // namespace nadtest
