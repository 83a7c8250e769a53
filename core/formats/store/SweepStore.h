#pragma once

#include "analysis/SweepPoint.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace nad {

class ProjectStore;

// One `nad sweep` as stored in a project (schema v5): on which model and concepts, with which
// objective, what each λ gave, and the λ the tool defaults to for that model and objective.
struct SweepRecord
{
    std::int64_t id = 0;
    // By name, not by reference: a zoo model can be swept before any run records it.
    std::string modelName;
    std::string objective;        // LearnerOptions::objectiveSummary(), e.g. "paper (Eq. 4-9)"
    std::string label;            // a short name for legends: "paper", "specific", or the user's
    std::string settings = "{}";  // JSON: the learner options and images the sweep ran with
    std::vector<std::string> concepts;
    int initializations = 1;
    std::size_t validationImages = 0;     // images the points are measured on
    std::optional<double> defaultLambda;  // the tool's default λ for this model and objective
    std::string createdAt;
    std::vector<SweepPoint> points;  // in the order swept
};

// The project's sweeps: what `nad sweep --project` measured, for the frontier figure and view.
class SweepStore
{
public:
    explicit SweepStore(const ProjectStore& project) : m_project(project) {}

    // Stores `sweep` and its points in one transaction; returns its id.
    std::int64_t save(const SweepRecord& sweep);
    // Every sweep, oldest first; of one model when `modelName` is given.
    std::vector<SweepRecord> list(const std::string& modelName = {}) const;
    // Names of the models with at least one sweep, in the order first swept.
    std::vector<std::string> models() const;
    void remove(std::int64_t sweepId);

    static std::string toJson(const SweepPoint& point);
    // Throws InvalidArgument for JSON that is not a SweepPoint.
    static SweepPoint fromJson(const std::string& json);

private:
    const ProjectStore& m_project;
};

}  // namespace nad
