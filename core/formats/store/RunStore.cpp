#include "store/RunStore.h"

#include "Errors.h"
#include "store/ProjectStore.h"
#include "store/SqliteDatabase.h"

#include <nlohmann/json.hpp>

#include <cstring>
#include <map>

namespace nad {

std::optional<std::vector<std::string>> RunRecord::requestedConcepts() const
{
    const nlohmann::json json = nlohmann::json::parse(hyperparameters, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded() || !json.is_object())
        return std::nullopt;
    const auto it = json.find(kConceptsKey);
    if (it == json.end() || it->is_null())
        return std::vector<std::string>{};
    if (!it->is_array())
        return std::nullopt;
    std::vector<std::string> names;
    for (const auto& name : *it)
        names.push_back(name.is_string() ? name.get<std::string>() : name.dump());
    return names;
}

RunStore::RunStore(const ProjectStore& project) : m_project(project) {}

std::vector<std::uint8_t> RunStore::packBits(const std::vector<std::uint8_t>& bits)
{
    std::vector<std::uint8_t> packed((bits.size() + 7) / 8, 0);
    for (std::size_t t = 0; t < bits.size(); ++t) {
        if (bits[t])
            packed[t / 8] |= std::uint8_t(1u << (t % 8));  // LSB first
    }
    return packed;
}

std::vector<std::uint8_t> RunStore::unpackBits(const std::vector<std::uint8_t>& packed, std::size_t count)
{
    if (packed.size() * 8 < count)
        throw ProjectError("a stored binary path is shorter than its block");
    std::vector<std::uint8_t> bits(count);
    for (std::size_t t = 0; t < count; ++t)
        bits[t] = (packed[t / 8] >> (t % 8)) & 1u;
    return bits;
}

std::int64_t RunStore::ensureModel(const ModelRecord& model)
{
    if (auto existing = this->model(model.name)) {
        if (existing->sha256 != model.sha256)
            throw ProjectError("project '" + m_project.path() + "' already has a model named '" + model.name +
                               "' with other weights (SHA-256 " + existing->sha256.substr(0, 12) + "…, now " +
                               model.sha256.substr(0, 12) + "…)");
        return existing->id;
    }
    SqliteDatabase& db = m_project.database();
    SqliteTransaction transaction(db);
    auto insert = db.prepare(
        "INSERT INTO models(name, family, path, sha256, dataset_id, input_channels, input_height, "
        "input_width, normalization, class_names, test_accuracy, import_spec) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
    insert.bind(1, model.name).bind(2, model.family).bind(3, model.path).bind(4, model.sha256);
    if (model.datasetId > 0)
        insert.bind(5, model.datasetId);
    else
        insert.bindNull(5);
    insert.bind(6, model.inputChannels)
        .bind(7, model.inputHeight)
        .bind(8, model.inputWidth)
        .bind(9, model.normalization)
        .bind(10, model.classNames)
        .bind(11, model.testAccuracy)
        .bind(12, model.importSpec)
        .run();
    const std::int64_t id = db.queryInt("SELECT last_insert_rowid()");
    auto block = db.prepare("INSERT INTO model_blocks(model_id, block_index, name, channels) VALUES (?,?,?,?)");
    for (std::size_t i = 0; i < model.blocks.size(); ++i) {
        block.reset();
        block.bind(1, id).bind(2, std::int64_t(i)).bind(3, model.blocks[i].first).bind(4, model.blocks[i].second).run();
    }
    transaction.commit();
    return id;
}

std::vector<ModelRecord> RunStore::models() const
{
    SqliteDatabase& db = m_project.database();
    std::vector<ModelRecord> result;
    auto query =
        db.prepare("SELECT id, name, family, path, sha256, ifnull(dataset_id, 0), input_channels, "
                   "input_height, input_width, normalization, class_names, ifnull(test_accuracy, 0), import_spec "
                   "FROM models ORDER BY id");
    while (query.step()) {
        ModelRecord m;
        m.id = query.columnInt(0);
        m.name = query.columnText(1);
        m.family = query.columnText(2);
        m.path = query.columnText(3);
        m.sha256 = query.columnText(4);
        m.datasetId = query.columnInt(5);
        m.inputChannels = query.columnInt(6);
        m.inputHeight = query.columnInt(7);
        m.inputWidth = query.columnInt(8);
        m.normalization = query.columnText(9);
        m.classNames = query.columnText(10);
        m.testAccuracy = query.columnDouble(11);
        m.importSpec = query.columnText(12);
        result.push_back(std::move(m));
    }
    auto blocks = db.prepare("SELECT name, channels FROM model_blocks WHERE model_id = ? ORDER BY block_index");
    for (auto& m : result) {
        blocks.reset();
        blocks.bind(1, m.id);
        while (blocks.step())
            m.blocks.emplace_back(blocks.columnText(0), blocks.columnInt(1));
    }
    return result;
}

std::optional<ModelRecord> RunStore::model(const std::string& name) const
{
    for (auto& m : models()) {
        if (m.name == name)
            return m;
    }
    return std::nullopt;
}

std::optional<ModelRecord> RunStore::model(std::int64_t id) const
{
    for (auto& m : models()) {
        if (m.id == id)
            return m;
    }
    return std::nullopt;
}

std::int64_t RunStore::createRun(const RunRecord& run)
{
    SqliteDatabase& db = m_project.database();
    SqliteTransaction transaction(db);
    auto insert = db.prepare("INSERT INTO runs(model_id, dataset_id, preset, hyperparameters, seed, initializations, "
                             "status) VALUES (?,?,?,?,?,?,?)");
    insert.bind(1, run.modelId)
        .bind(2, run.datasetId)
        .bind(3, run.preset)
        .bind(4, run.hyperparameters)
        .bind(5, std::int64_t(run.seed))
        .bind(6, run.initializations)
        .bind(7, runStatusName(run.status))
        .run();
    const std::int64_t id = db.queryInt("SELECT last_insert_rowid()");
    transaction.commit();
    return id;
}

void RunStore::setStatus(std::int64_t runId, RunStatus runStatus, const std::string& message, double addSeconds)
{
    const std::string status = runStatusName(runStatus);
    SqliteDatabase& db = m_project.database();
    SqliteTransaction transaction(db);
    auto update = db.prepare("UPDATE runs SET status = ?, message = ?, elapsed_seconds = elapsed_seconds + ?, "
                             "started_at = CASE WHEN ? = 'running' AND started_at IS NULL THEN "
                             "strftime('%Y-%m-%dT%H:%M:%SZ','now') ELSE started_at END, "
                             "finished_at = CASE WHEN ? IN ('finished','failed','cancelled') THEN "
                             "strftime('%Y-%m-%dT%H:%M:%SZ','now') ELSE finished_at END "
                             "WHERE id = ?");
    update.bind(1, status).bind(2, message).bind(3, addSeconds).bind(4, status).bind(5, status).bind(6, runId).run();
    transaction.commit();
}

void RunStore::removeRun(std::int64_t runId)
{
    SqliteDatabase& db = m_project.database();
    SqliteTransaction transaction(db);
    auto remove = db.prepare("DELETE FROM runs WHERE id = ?");
    remove.bind(1, runId).run();
    transaction.commit();
}

std::vector<RunRecord> RunStore::runs() const
{
    std::vector<RunRecord> result;
    auto query = m_project.database().prepare(
        "SELECT id, model_id, dataset_id, preset, hyperparameters, seed, initializations, status, ifnull(message, ''), "
        "created_at, elapsed_seconds FROM runs ORDER BY id");
    while (query.step()) {
        RunRecord r;
        r.id = query.columnInt(0);
        r.modelId = query.columnInt(1);
        r.datasetId = query.columnInt(2);
        r.preset = query.columnText(3);
        r.hyperparameters = query.columnText(4);
        r.seed = std::uint64_t(query.columnInt(5));
        r.initializations = int(query.columnInt(6));
        // The schema's CHECK allows only known names; a file that bypassed it is not ours to guess.
        const auto status = runStatusFromName(query.columnText(7));
        if (!status)
            throw ProjectError("run " + std::to_string(r.id) + " has an unknown status '" + query.columnText(7) + "'");
        r.status = *status;
        r.message = query.columnText(8);
        r.createdAt = query.columnText(9);
        r.elapsedSeconds = query.columnDouble(10);
        result.push_back(std::move(r));
    }
    return result;
}

std::optional<RunRecord> RunStore::run(std::int64_t runId) const
{
    for (auto& r : runs()) {
        if (r.id == runId)
            return r;
    }
    return std::nullopt;
}

std::int64_t RunStore::conceptId(std::int64_t datasetId, int classIndex) const
{
    auto query = m_project.database().prepare("SELECT id FROM concepts WHERE dataset_id = ? AND class_index = ?");
    query.bind(1, datasetId).bind(2, classIndex);
    if (!query.step())
        throw ProjectError("project '" + m_project.path() + "' has no concept with class index " +
                           std::to_string(classIndex) + " in data set " + std::to_string(datasetId));
    return query.columnInt(0);
}

void RunStore::savePaths(std::int64_t runId, std::int64_t datasetId, const std::vector<StoredPath>& paths)
{
    SqliteDatabase& db = m_project.database();
    SqliteTransaction transaction(db);
    auto insert = db.prepare("INSERT OR REPLACE INTO paths(run_id, concept_id, init_index, block_index, channels, "
                             "soft_mask, binary_mask, step, final) VALUES (?,?,?,?,?,?,?,?,?)");
    for (const auto& path : paths) {
        const std::int64_t concept = conceptId(datasetId, path.classIndex);
        for (std::size_t i = 0; i < path.logits.size(); ++i) {
            const auto& soft = path.logits[i];
            const auto bits = packBits(path.binary[i]);
            insert.reset();
            insert.bind(1, runId)
                .bind(2, concept)
                .bind(3, path.initialization)
                .bind(4, std::int64_t(i))
                .bind(5, std::int64_t(soft.size()))
                .bindBlob(6, soft.data(), soft.size() * sizeof(float))  // float32, host order (little-endian)
                .bindBlob(7, bits.data(), bits.size())
                .bind(8, path.step)
                .bind(9, path.final ? 1 : 0)
                .run();
        }
    }
    transaction.commit();
}

std::vector<StoredPath> RunStore::paths(std::int64_t runId, std::int64_t datasetId, bool finalOnly) const
{
    auto query = m_project.database().prepare(
        "SELECT c.class_index, p.init_index, p.block_index, p.channels, p.soft_mask, p.binary_mask, p.step, p.final "
        "FROM paths p JOIN concepts c ON c.id = p.concept_id WHERE p.run_id = ? AND c.dataset_id = ? " +
        std::string(finalOnly ? "AND p.final = 1 " : "") + "ORDER BY c.class_index, p.init_index, p.block_index");
    query.bind(1, runId).bind(2, datasetId);
    std::map<std::pair<int, int>, StoredPath> byKey;
    std::vector<std::pair<int, int>> order;
    while (query.step()) {
        const std::pair<int, int> key{int(query.columnInt(0)), int(query.columnInt(1))};
        auto it = byKey.find(key);
        if (it == byKey.end()) {
            order.push_back(key);
            it = byKey.emplace(key, StoredPath{key.first, key.second, 0, false, {}, {}}).first;
        }
        StoredPath& path = it->second;
        const auto channels = std::size_t(query.columnInt(3));
        const auto softBytes = query.columnBlob(4);
        if (softBytes.size() != channels * sizeof(float))
            throw ProjectError("project '" + m_project.path() + "': a stored soft mask has the wrong size");
        std::vector<float> soft(channels);
        std::memcpy(soft.data(), softBytes.data(), softBytes.size());
        path.logits.push_back(std::move(soft));
        path.binary.push_back(unpackBits(query.columnBlob(5), channels));
        path.step = int(query.columnInt(6));
        path.final = query.columnInt(7) != 0;
    }
    std::vector<StoredPath> result;
    for (const auto& key : order)
        result.push_back(std::move(byKey[key]));
    return result;
}

void RunStore::saveMetrics(std::int64_t runId, std::int64_t datasetId, const std::vector<MetricRecord>& metrics)
{
    SqliteDatabase& db = m_project.database();
    SqliteTransaction transaction(db);
    auto insert = db.prepare("INSERT OR REPLACE INTO metrics(run_id, concept_id, init_index, block_index, name, value) "
                             "VALUES (?,?,?,?,?,?)");
    for (const auto& m : metrics) {
        insert.reset();
        insert.bind(1, runId);
        if (m.classIndex >= 0)
            insert.bind(2, conceptId(datasetId, m.classIndex));
        else
            insert.bindNull(2);
        if (m.initialization >= 0)
            insert.bind(3, m.initialization);
        else
            insert.bindNull(3);
        if (m.block >= 0)
            insert.bind(4, m.block);
        else
            insert.bindNull(4);
        insert.bind(5, m.name).bind(6, m.value).run();
    }
    transaction.commit();
}

std::vector<MetricRecord> RunStore::metrics(std::int64_t runId, std::int64_t datasetId) const
{
    auto query = m_project.database().prepare(
        "SELECT m.name, m.value, ifnull(c.class_index, -1), ifnull(m.init_index, -1), ifnull(m.block_index, -1) "
        "FROM metrics m LEFT JOIN concepts c ON c.id = m.concept_id AND c.dataset_id = ? WHERE m.run_id = ? "
        "ORDER BY m.name, 3, 4, 5");
    query.bind(1, datasetId).bind(2, runId);
    std::vector<MetricRecord> result;
    while (query.step())
        result.push_back({query.columnText(0), query.columnDouble(1), int(query.columnInt(2)), int(query.columnInt(3)),
                          int(query.columnInt(4))});
    return result;
}

void RunStore::saveHistory(std::int64_t runId, std::int64_t datasetId, const std::vector<HistoryPoint>& points)
{
    if (points.empty())
        return;
    SqliteDatabase& db = m_project.database();
    SqliteTransaction transaction(db);
    auto insert = db.prepare("INSERT OR REPLACE INTO run_history(run_id, concept_id, init_index, step, distance_loss, "
                             "sparsity_loss, usage) VALUES (?,?,?,?,?,?,?)");
    std::map<int, std::int64_t> concepts;
    for (const auto& p : points) {
        auto it = concepts.find(p.classIndex);
        if (it == concepts.end())
            it = concepts.emplace(p.classIndex, conceptId(datasetId, p.classIndex)).first;
        insert.reset();
        insert.bind(1, runId)
            .bind(2, it->second)
            .bind(3, p.initialization)
            .bind(4, p.step)
            .bind(5, p.distanceLoss)
            .bind(6, p.sparsityLoss)
            .bind(7, p.usage)
            .run();
    }
    transaction.commit();
}

std::vector<HistoryPoint> RunStore::history(std::int64_t runId, std::int64_t datasetId) const
{
    auto query = m_project.database().prepare(
        "SELECT c.class_index, h.init_index, h.step, h.distance_loss, h.sparsity_loss, h.usage FROM run_history h "
        "JOIN concepts c ON c.id = h.concept_id WHERE h.run_id = ? AND c.dataset_id = ? "
        "ORDER BY c.class_index, h.init_index, h.step");
    query.bind(1, runId).bind(2, datasetId);
    std::vector<HistoryPoint> points;
    while (query.step())
        points.push_back({int(query.columnInt(0)), int(query.columnInt(1)), int(query.columnInt(2)),
                          query.columnDouble(3), query.columnDouble(4), query.columnDouble(5)});
    return points;
}

std::int64_t RunStore::latestFinishedRun() const
{
    return m_project.database().queryInt("SELECT ifnull(max(id), 0) FROM runs WHERE status = 'finished'");
}

std::map<std::int64_t, std::int64_t> RunStore::latestEvaluatedRuns() const
{
    auto query =
        m_project.database().prepare("SELECT model_id, max(id) FROM runs WHERE status = 'finished' "
                                     "AND EXISTS (SELECT 1 FROM metrics m WHERE m.run_id = runs.id) GROUP BY model_id");
    std::map<std::int64_t, std::int64_t> latest;
    while (query.step())
        latest[query.columnInt(0)] = query.columnInt(1);
    return latest;
}

}  // namespace nad
