#pragma once

#include "StoredRunPaths.h"
#include "UnitController.h"

#include <QObject>
#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace nad {

class ProjectStore;
class UnitExplorerView;

// Connects the unit explorer view to a run: lists a block's units from the run's stored paths
// (on the GUI thread: no network needed) and has the worker compute the profile asked for. One
// profile computes at a time; a newer request cancels the running one and waits its turn.
class UnitExplorerPresenter : public QObject
{
    Q_OBJECT
public:
    UnitExplorerPresenter(UnitExplorerView* view, QObject* parent = nullptr);

    // The run whose units to explore, with its stored paths as ExplorationTabs read them (null
    // project clears).
    void setRun(const ProjectStore* project, qint64 runId, const QString& zooDirectory, const StoredRunPaths& paths);
    // Opens `block` in the explorer, and `unit` (−1: the most shared one).
    void openBlock(int block, int unit = -1);
    UnitController* job() const { return m_job; }

Q_SIGNALS:
    void errorOccurred(const QString& title, const QString& message);

private:
    void listUnits(int block);
    void requestProfile(int block, int unit, int top);

    UnitExplorerView* m_view = nullptr;
    UnitController* m_job = nullptr;
    const ProjectStore* m_project = nullptr;
    qint64 m_runId = 0;
    QString m_zooDirectory;
    StoredRunPaths m_paths;
    UnitRequest m_running;  // the request the job computes (or last computed)
    std::optional<UnitRequest> m_pending;
};

}  // namespace nad
