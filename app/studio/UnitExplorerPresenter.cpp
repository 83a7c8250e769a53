#include "UnitExplorerPresenter.h"

#include "QtText.h"
#include "UnitExplorerView.h"
#include "analysis/UnitStatistics.h"
#include "store/ProjectStore.h"

namespace nad {

UnitExplorerPresenter::UnitExplorerPresenter(UnitExplorerView* view, QObject* parent)
    : QObject(parent), m_view(view), m_job(new UnitController(this))
{
    connect(m_view, &UnitExplorerView::blockSelected, this, &UnitExplorerPresenter::listUnits);
    connect(m_view, &UnitExplorerView::profileRequested, this, &UnitExplorerPresenter::requestProfile);
    connect(m_job, &UnitController::resultAvailable, m_view, &UnitExplorerView::setProfile);
    connect(m_job, &BackgroundJob::progressed, m_view,
            [this](double, const QString& text) { m_view->setStatus(text); });
    const auto next = [this] {
        m_view->setStatus(QString());
        if (!m_pending)
            return;
        m_running = *m_pending;
        m_pending.reset();
        m_job->start(m_running);
    };
    connect(m_job, &BackgroundJob::finished, this, next);
    connect(m_job, &BackgroundJob::failed, this, [this, next](const QString& message) {
        Q_EMIT errorOccurred(tr("Cannot profile the unit"), message);
        next();
    });
}

void UnitExplorerPresenter::setRun(const ProjectStore* project, qint64 runId, const QString& zooDirectory,
                                   const StoredRunPaths& paths)
{
    m_project = project;
    m_runId = runId;
    m_zooDirectory = zooDirectory;
    m_paths = project ? paths : StoredRunPaths();
    m_pending.reset();
    m_view->setBlocks(m_paths.blockNames, m_paths.blockUnits);
}

void UnitExplorerPresenter::openBlock(int block, int unit)
{
    m_view->showUnit(block, unit);
}

void UnitExplorerPresenter::listUnits(int block)
{
    if (m_paths.concepts.isEmpty() || block < 0 || block >= m_paths.blockUnits.size())
        return;
    std::vector<std::vector<std::vector<std::uint8_t>>> masks;  // [concept][init][unit]
    for (const QString& concept : m_paths.concepts) {
        masks.emplace_back();
        for (const auto& [init, path] : m_paths.byConcept.value(concept))
            if (std::size_t(block) < path.size())
                masks.back().push_back(path[std::size_t(block)]);
    }
    try {
        const UnitKeeping keeping = UnitKeeping::fromPaths(masks, std::size_t(m_paths.blockUnits[block]));
        QVector<UnitExplorerView::UnitRow> rows;
        for (std::size_t unit : keeping.unitsByConceptsKeeping()) {
            UnitExplorerView::UnitRow row{int(unit), keeping.conceptsKeeping(unit), {}};
            for (std::size_t c = 0; c < keeping.keptShare[unit].size(); ++c)
                if (keeping.keptShare[unit][c] >= 0.5)
                    row.keptBy << m_paths.concepts[int(c)];
            rows << row;
        }
        m_view->setUnits(block, rows);
    } catch (const std::exception& e) {
        Q_EMIT errorOccurred(tr("Cannot list the units"), qs(e.what()));
    }
}

void UnitExplorerPresenter::requestProfile(int block, int unit, int top)
{
    if (!m_project || block < 0 || unit < 0)
        return;
    UnitRequest request;
    request.projectPath = m_project->path();
    request.runId = m_runId;
    request.zooDirectory = m_zooDirectory.toStdString();
    request.block = std::size_t(block);
    request.unit = std::size_t(unit);
    request.top = std::size_t(top);
    if (m_job->isRunning()) {
        // The newest request wins. Another block's measurement is stopped (it returns within a
        // chunk); the same block's runs on, since the next request reads what it caches.
        m_pending = request;
        if (m_running.block != request.block || m_running.runId != request.runId)
            m_job->cancel();
        return;
    }
    m_view->setStatus(tr("Profiling unit %1…").arg(unit));
    m_running = request;
    m_job->start(request);
}

}  // namespace nad
