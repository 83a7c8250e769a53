#pragma once

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

    // The run whose units to explore (null project clears).
    void setRun(const ProjectStore* project, qint64 runId, const QString& zooDirectory);
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
    // Per concept (class index), its final binary paths of every initialization.
    std::map<std::int64_t, std::vector<std::vector<std::vector<std::uint8_t>>>> m_paths;
    std::map<std::int64_t, QString> m_conceptNames;
    UnitRequest m_running;  // the request the job computes (or last computed)
    std::optional<UnitRequest> m_pending;
};

}  // namespace nad
