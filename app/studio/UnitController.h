#pragma once

#include "BackgroundJob.h"
#include "analysis/UnitProfile.h"

#include <QMetaType>

#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace nad {

struct UnitRequest
{
    std::string projectPath;
    qint64 runId = 0;
    std::string zooDirectory;
    std::size_t block = 0;
    std::size_t unit = 0;
    std::size_t top = 12;
};

// Computes a unit's profile for the unit explorer on a worker thread: the first request of a
// block measures it over the held-out split (progress per chunk, cancellable) and caches it in
// the project; later ones read the cache. The run's network, paths and held-out images stay
// loaded between requests of the same run.
class UnitController : public BackgroundJob
{
    Q_OBJECT
public:
    explicit UnitController(QObject* parent = nullptr);
    ~UnitController() override;
    bool start(const UnitRequest& request);

Q_SIGNALS:
    void resultAvailable(const nad::UnitProfile& profile);

protected:
    void workEnded(bool cancelled) override;

private:
    UnitProfile compute(const UnitRequest& request, const std::atomic<bool>& cancel);

    struct Loaded;
    std::unique_ptr<Loaded> m_loaded;  // touched by the worker thread only
    std::mutex m_mutex;
    std::optional<UnitProfile> m_result;
};

}  // namespace nad

Q_DECLARE_METATYPE(nad::UnitProfile)
