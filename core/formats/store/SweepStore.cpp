#include "store/SweepStore.h"

#include "Errors.h"
#include "store/ProjectStore.h"
#include "store/SqliteDatabase.h"
#include "store/SqliteStatement.h"

#include <nlohmann/json.hpp>

namespace nad {

std::string SweepStore::toJson(const SweepPoint& p)
{
    nlohmann::ordered_json j;
    j["lambda"] = p.lambda;
    j["usage"] = p.usage;
    j["usage_per_block"] = p.usagePerBlock;
    j["path_precision"] = p.pathPrecision;
    j["original_precision"] = p.originalPrecision;
    j["path_specificity"] = p.pathSpecificity;
    j["original_specificity"] = p.originalSpecificity;
    j["path_auroc"] = p.pathAuroc;
    j["original_auroc"] = p.originalAuroc;
    j["steps"] = p.steps;
    j["degenerate"] = p.degenerate;
    j["faithful"] = p.faithful;
    j["specific"] = p.specific;
    j["knockout_own_drop"] = p.knockoutOwnDrop;
    j["knockout_others_drop"] = p.knockoutOthersDrop;
    j["knockout_random_drop"] = p.knockoutRandomDrop;
    j["knockout_causal"] = p.knockoutCausal;
    j["concepts"] = p.concepts;
    j["seconds"] = p.seconds;
    return j.dump();
}

SweepPoint SweepStore::fromJson(const std::string& text)
{
    SweepPoint p;
    try {
        const nlohmann::json j = nlohmann::json::parse(text);
        p.lambda = j.at("lambda").get<double>();
        p.usage = j.at("usage").get<double>();
        p.usagePerBlock = j.at("usage_per_block").get<std::vector<double>>();
        p.pathPrecision = j.at("path_precision").get<double>();
        p.originalPrecision = j.at("original_precision").get<double>();
        p.pathSpecificity = j.at("path_specificity").get<double>();
        p.originalSpecificity = j.at("original_specificity").get<double>();
        p.pathAuroc = j.at("path_auroc").get<double>();
        p.originalAuroc = j.at("original_auroc").get<double>();
        p.steps = j.at("steps").get<double>();
        p.degenerate = j.at("degenerate").get<int>();
        p.faithful = j.at("faithful").get<bool>();
        p.specific = j.at("specific").get<bool>();
        p.knockoutOwnDrop = j.at("knockout_own_drop").get<double>();
        p.knockoutOthersDrop = j.at("knockout_others_drop").get<double>();
        p.knockoutRandomDrop = j.at("knockout_random_drop").get<double>();
        p.knockoutCausal = j.at("knockout_causal").get<int>();
        p.concepts = j.at("concepts").get<int>();
        p.seconds = j.at("seconds").get<double>();
    } catch (const nlohmann::json::exception& e) {
        throw InvalidArgument(std::string("a stored sweep point cannot be read: ") + e.what());
    }
    return p;
}

std::int64_t SweepStore::save(const SweepRecord& sweep)
{
    if (sweep.modelName.empty() || sweep.points.empty())
        throw InvalidArgument("a sweep needs a model and at least one point to be stored");
    SqliteDatabase& db = m_project.database();
    SqliteTransaction transaction(db);
    auto insert = db.prepare("INSERT INTO sweeps(model_name, objective, label, settings, concepts, initializations, "
                             "validation_images, default_lambda) VALUES (?,?,?,?,?,?,?,?)");
    insert.bind(1, sweep.modelName)
        .bind(2, sweep.objective)
        .bind(3, sweep.label)
        .bind(4, sweep.settings)
        .bind(5, nlohmann::json(sweep.concepts).dump())
        .bind(6, sweep.initializations)
        .bind(7, std::int64_t(sweep.validationImages));
    if (sweep.defaultLambda)
        insert.bind(8, *sweep.defaultLambda);
    else
        insert.bindNull(8);
    insert.run();
    const std::int64_t id = db.queryInt("SELECT last_insert_rowid()");
    for (std::size_t i = 0; i < sweep.points.size(); ++i) {
        auto point = db.prepare("INSERT INTO sweep_points(sweep_id, position, data) VALUES (?,?,?)");
        point.bind(1, id).bind(2, std::int64_t(i)).bind(3, toJson(sweep.points[i])).run();
    }
    transaction.commit();
    return id;
}

std::vector<SweepRecord> SweepStore::list(const std::string& modelName) const
{
    SqliteDatabase& db = m_project.database();
    auto query = db.prepare("SELECT id, model_name, objective, label, settings, concepts, initializations, "
                            "validation_images, default_lambda, created_at FROM sweeps "
                            "WHERE ? = '' OR model_name = ? ORDER BY id");
    query.bind(1, modelName).bind(2, modelName);
    std::vector<SweepRecord> sweeps;
    while (query.step()) {
        SweepRecord s;
        s.id = query.columnInt(0);
        s.modelName = query.columnText(1);
        s.objective = query.columnText(2);
        s.label = query.columnText(3);
        s.settings = query.columnText(4);
        try {
            s.concepts = nlohmann::json::parse(query.columnText(5)).get<std::vector<std::string>>();
        } catch (const nlohmann::json::exception& e) {
            throw InvalidArgument("sweep " + std::to_string(s.id) + ": its concepts cannot be read: " + e.what());
        }
        s.initializations = int(query.columnInt(6));
        s.validationImages = std::size_t(query.columnInt(7));
        if (!query.isNull(8))
            s.defaultLambda = query.columnDouble(8);
        s.createdAt = query.columnText(9);
        sweeps.push_back(std::move(s));
    }
    for (SweepRecord& s : sweeps) {
        auto points = db.prepare("SELECT data FROM sweep_points WHERE sweep_id = ? ORDER BY position");
        points.bind(1, s.id);
        while (points.step())
            s.points.push_back(fromJson(points.columnText(0)));
    }
    return sweeps;
}

std::vector<std::string> SweepStore::models() const
{
    auto query = m_project.database().prepare("SELECT model_name FROM sweeps GROUP BY model_name ORDER BY min(id)");
    std::vector<std::string> names;
    while (query.step())
        names.push_back(query.columnText(0));
    return names;
}

void SweepStore::remove(std::int64_t sweepId)
{
    auto erase = m_project.database().prepare("DELETE FROM sweeps WHERE id = ?");
    erase.bind(1, sweepId).run();
}

}  // namespace nad
