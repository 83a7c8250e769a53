#pragma once

#include "BackgroundJob.h"
#include "ProjectFigures.h"

#include <QMetaType>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace nad {

class BlockNetwork;
struct RunContext;
struct LearnedPath;
class ImageSet;

struct ActivationRequest
{
    std::string projectPath;
    qint64 runId = 0;
    std::string zooDirectory;
    std::vector<std::string> tileConcepts;  // concept name per tile, row-major
    int rows = 2;
    int cols = 2;
    std::vector<std::string> files;  // image files for the first tiles (else held-out images)
    std::uint64_t seed = 1;
};

// Computes the activation maps of a composite for the activation browser on a worker thread.
// The run's network, paths and held-out images stay loaded between requests of the same run.
class ActivationController : public BackgroundJob
{
    Q_OBJECT
public:
    explicit ActivationController(QObject* parent = nullptr);
    ~ActivationController() override;
    bool start(const ActivationRequest& request);

Q_SIGNALS:
    void resultAvailable(const nad::ActivationGridData& data);

protected:
    void workEnded(bool cancelled) override;

private:
    ActivationGridData compute(const ActivationRequest& request);

    struct Loaded;
    std::unique_ptr<Loaded> m_loaded;  // touched by the worker thread only
    std::mutex m_mutex;
    std::optional<ActivationGridData> m_result;
};

}  // namespace nad

Q_DECLARE_METATYPE(nad::ActivationGridData)
