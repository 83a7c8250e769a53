#include "ActivationController.h"

#include "Errors.h"
#include "analysis/CompositeImage.h"
#include "jobs/RunContext.h"

namespace nad {

struct ActivationController::Loaded
{
    std::string projectPath;
    qint64 runId = 0;
    RunContext context;
    std::shared_ptr<BlockNetwork> network;
    std::vector<LearnedPath> paths;        // the first initialization's
    std::unique_ptr<ImageSource> heldOut;  // composites read only their tiles
};

ActivationController::ActivationController(QObject* parent) : BackgroundJob(parent)
{
    qRegisterMetaType<ActivationGridData>();
}

ActivationController::~ActivationController()
{
    // The worker must be gone before the network it uses is freed.
    cancel();
    wait(-1);
}

bool ActivationController::start(const ActivationRequest& request)
{
    return launch([this, request](const std::atomic<bool>&) {
        ActivationGridData data = compute(request);
        std::lock_guard<std::mutex> lock(m_mutex);
        m_result = std::move(data);
        return false;
    });
}

ActivationGridData ActivationController::compute(const ActivationRequest& request)
{
    if (!m_loaded || m_loaded->projectPath != request.projectPath || m_loaded->runId != request.runId) {
        m_loaded.reset();
        auto loaded = std::make_unique<Loaded>();
        ProjectStore project = ProjectStore::open(request.projectPath, ProjectStore::Mode::ReadOnly);
        loaded->projectPath = request.projectPath;
        loaded->runId = request.runId;
        loaded->context = RunContext::open(project, request.runId, request.zooDirectory);
        loaded->network = loaded->context.loadNetwork();
        loaded->paths = loaded->context.finalPaths(project).begin()->second;
        loaded->heldOut = loaded->context.heldOutSource();
        m_loaded = std::move(loaded);
    }
    const RunContext& context = m_loaded->context;
    if (request.tileConcepts.size() != std::size_t(request.rows * request.cols))
        throw InvalidArgument("a " + std::to_string(request.rows) + "x" + std::to_string(request.cols) +
                              " composite needs " + std::to_string(request.rows * request.cols) + " concepts");
    std::vector<std::int64_t> concepts;
    for (const auto& name : request.tileConcepts)
        concepts.push_back(context.classIndex(name));
    CompositeImage composite;
    if (request.files.empty()) {
        composite =
            CompositeBuilder::fromHeldOut(*m_loaded->heldOut, concepts, request.rows, request.cols, request.seed);
    } else {
        // Dropped files fill the first tiles (each labelled with its tile's concept); the
        // remaining tiles take a held-out image of their concept.
        const RunModel& entry = context.model;
        ImageSet tiles;
        std::vector<std::string> sources;
        for (std::size_t t = 0; t < concepts.size(); ++t) {
            const CompositeImage one =
                t < request.files.size()
                    ? CompositeBuilder::fromFiles({request.files[t]}, {concepts[t]}, 1, 1, int(entry.inputChannels),
                                                  int(entry.inputSize), int(entry.inputSize))
                    : CompositeBuilder::fromHeldOut(*m_loaded->heldOut, {concepts[t]}, 1, 1, request.seed + t);
            tiles.channels = one.image.channels;
            tiles.height = one.image.height;
            tiles.width = one.image.width;
            tiles.pixels.insert(tiles.pixels.end(), one.image.pixels.begin(), one.image.pixels.end());
            tiles.labels.push_back(concepts[t]);
            sources.push_back(one.tileSources.empty() ? std::string() : one.tileSources.front());
        }
        composite = CompositeBuilder::fromTiles(tiles, request.rows, request.cols, sources);
    }
    return ProjectFigures::activationGrid(context, *m_loaded->network, m_loaded->paths, composite);
}

void ActivationController::workEnded(bool)
{
    std::optional<ActivationGridData> result;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        result.swap(m_result);
    }
    if (result)
        Q_EMIT resultAvailable(*result);
}

}  // namespace nad
