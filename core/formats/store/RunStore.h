#pragma once

#include "store/RunStatus.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace nad {

class ProjectStore;

// A model recorded in a project: enough to find, verify and rebuild it.
struct ModelRecord
{
    std::int64_t id = 0;
    std::string name;
    std::string family;
    std::string path;  // zoo metadata file or TorchScript file
    std::string sha256;
    std::int64_t datasetId = 0;
    std::int64_t inputChannels = 1;
    std::int64_t inputHeight = 28;
    std::int64_t inputWidth = 28;
    std::string normalization = "{}";  // JSON
    std::string classNames = "[]";     // JSON
    double testAccuracy = 0;
    std::vector<std::pair<std::string, std::int64_t>> blocks;  // name, channels
    std::string importSpec;  // imported TorchScript models: their block spec (ImportSpecFile JSON); "" for zoo models
};

struct RunRecord
{
    std::int64_t id = 0;
    std::int64_t modelId = 0;
    std::int64_t datasetId = 0;
    std::string preset = "paper";
    std::string hyperparameters = "{}";  // JSON: every learner option
    std::uint64_t seed = 0;
    int initializations = 1;
    RunStatus status = RunStatus::Pending;
    std::string message;
    std::string createdAt;
    double elapsedSeconds = 0;

    // Where RunSettings stores the concept names a run was asked to learn.
    static constexpr const char* kConceptsKey = "concepts";
    // Those names, read from `hyperparameters` without LibTorch (for the explorer): empty for
    // every concept of the data set, nullopt when the stored JSON cannot be read.
    std::optional<std::vector<std::string>> requestedConcepts() const;
};

// One concept's path of one initialization as stored: soft mask logits as float32 and the
// binary path as bits, per block; `step` is how far learning got, `final` whether it ended.
struct StoredPath
{
    int classIndex = 0;
    int initialization = 0;
    int step = 0;
    bool final = false;
    std::vector<std::vector<float>> logits;
    std::vector<std::vector<std::uint8_t>> binary;
};

// The learner's state at one recorded step, for the training curves.
struct HistoryPoint
{
    int classIndex = 0;
    int initialization = 0;
    int step = 0;
    double distanceLoss = 0;  // L_dif (paper) or the masked-vs-original term (official)
    double sparsityLoss = 0;  // L_reg before λ (paper) or the penalty before β (official)
    double usage = 0;         // share of channels on
};

struct MetricRecord
{
    std::string name;
    double value = 0;
    int classIndex = -1;      // -1: not per concept
    int initialization = -1;  // -1: averaged over initializations
    int block = -1;           // -1: not per block
};

// Models, runs, learned paths (checkpoints and final) and metrics in a project file. Every
// write is one transaction, so a killed process leaves the last committed checkpoint.
class RunStore
{
public:
    // Writes go through the project's database handle; the ProjectStore object itself is not
    // changed, so a const project is enough (read-only files refuse writes in SQLite).
    explicit RunStore(const ProjectStore& project);

    // Returns the id of the model with this name, recording it first when new. A model of the
    // same name with another SHA-256 is refused: results must stay traceable to their weights.
    std::int64_t ensureModel(const ModelRecord& model);
    std::optional<ModelRecord> model(const std::string& name) const;
    std::optional<ModelRecord> model(std::int64_t id) const;
    std::vector<ModelRecord> models() const;

    std::int64_t createRun(const RunRecord& run);
    void setStatus(std::int64_t runId, RunStatus status, const std::string& message = {}, double addSeconds = 0);
    // Deletes a run with its paths, history and metrics (the schema cascades).
    void removeRun(std::int64_t runId);
    std::optional<RunRecord> run(std::int64_t runId) const;
    std::vector<RunRecord> runs() const;
    // The latest finished run, or 0.
    std::int64_t latestFinishedRun() const;
    // Per model id, the latest finished run that has stored metrics (figures and the demo use it).
    std::map<std::int64_t, std::int64_t> latestEvaluatedRuns() const;

    // Inserts or replaces paths (by run, concept, initialization and block).
    void savePaths(std::int64_t runId, std::int64_t datasetId, const std::vector<StoredPath>& paths);
    std::vector<StoredPath> paths(std::int64_t runId, std::int64_t datasetId, bool finalOnly) const;

    // Inserts or replaces history points (by run, concept, initialization and step).
    void saveHistory(std::int64_t runId, std::int64_t datasetId, const std::vector<HistoryPoint>& points);
    // Ordered by concept, initialization and step.
    std::vector<HistoryPoint> history(std::int64_t runId, std::int64_t datasetId) const;
    void saveMetrics(std::int64_t runId, std::int64_t datasetId, const std::vector<MetricRecord>& metrics);
    std::vector<MetricRecord> metrics(std::int64_t runId, std::int64_t datasetId) const;

    static std::vector<std::uint8_t> packBits(const std::vector<std::uint8_t>& bits);
    static std::vector<std::uint8_t> unpackBits(const std::vector<std::uint8_t>& packed, std::size_t count);

private:
    std::int64_t conceptId(std::int64_t datasetId, int classIndex) const;

    const ProjectStore& m_project;
};

}  // namespace nad
