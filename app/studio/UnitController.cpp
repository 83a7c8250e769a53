#include "UnitController.h"

#include "Errors.h"
#include "analysis/UnitExplorer.h"
#include "jobs/RunContext.h"

namespace nad {

struct UnitController::Loaded
{
    std::string projectPath;
    qint64 runId = 0;
    std::unique_ptr<ProjectStore> project;
    RunContext context;
    std::shared_ptr<BlockNetwork> network;
    std::map<int, std::vector<LearnedPath>> paths;
    std::unique_ptr<ImageSource> heldOut;  // read a chunk at a time
};

UnitController::UnitController(QObject* parent) : BackgroundJob(parent)
{
    qRegisterMetaType<UnitProfile>();
}

UnitController::~UnitController()
{
    // The worker must be gone before the network it uses is freed.
    cancel();
    wait(-1);
}

bool UnitController::start(const UnitRequest& request)
{
    return launch([this, request](const std::atomic<bool>& cancel) {
        try {
            UnitProfile profile = compute(request, cancel);
            std::lock_guard<std::mutex> lock(m_mutex);
            m_result = std::move(profile);
            return false;
        } catch (const Error&) {
            if (cancel.load())
                return true;
            throw;
        }
    });
}

UnitProfile UnitController::compute(const UnitRequest& request, const std::atomic<bool>& cancel)
{
    if (!m_loaded || m_loaded->projectPath != request.projectPath || m_loaded->runId != request.runId) {
        m_loaded.reset();
        auto loaded = std::make_unique<Loaded>();
        // Its own connection; read-write so measured blocks are cached (WAL lets the GUI's
        // connection read meanwhile). A file that cannot be written still gets its profiles.
        try {
            loaded->project =
                std::make_unique<ProjectStore>(ProjectStore::open(request.projectPath, ProjectStore::Mode::ReadWrite));
        } catch (const ProjectError&) {
            loaded->project =
                std::make_unique<ProjectStore>(ProjectStore::open(request.projectPath, ProjectStore::Mode::ReadOnly));
        }
        loaded->projectPath = request.projectPath;
        loaded->runId = request.runId;
        loaded->context = RunContext::open(*loaded->project, request.runId, request.zooDirectory);
        loaded->network = loaded->context.loadNetwork();
        loaded->paths = loaded->context.finalPaths(*loaded->project);
        loaded->heldOut = loaded->context.heldOutSource();
        m_loaded = std::move(loaded);
    }
    Loaded& loaded = *m_loaded;
    const QString block = request.block < loaded.network->blockCount()
                              ? QString::fromStdString(loaded.network->blocks()[request.block].name)
                              : QString::number(request.block);
    return UnitExplorer::profile(
        *loaded.project, loaded.context, *loaded.network, *loaded.heldOut, loaded.paths, request.block, request.unit,
        request.top,
        [this, &block](std::size_t done, std::size_t total) {
            reportProgress(double(done) / double(total),
                           tr("Measuring the units of %1 over %2 held-out images…").arg(block).arg(total),
                           done == total);
        },
        &cancel);
}

void UnitController::workEnded(bool)
{
    std::optional<UnitProfile> result;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        result.swap(m_result);
    }
    if (result)
        Q_EMIT resultAvailable(*result);
}

}  // namespace nad
