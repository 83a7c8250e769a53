#pragma once

#include "BackgroundJob.h"
#include "store/ImportedProject.h"

#include <QStringList>

#include <mutex>
#include <string>
#include <vector>

namespace nad {

// What the New Project wizard creates: the Fashion-MNIST demo (training the zoo models it
// lacks) or a project around the user's own model and data set.
struct ProjectSetupRequest
{
    enum class Kind { Demo, Imported } kind = Kind::Demo;
    std::string projectPath;
    // Demo
    std::string datasetDirectory;  // Fashion-MNIST IDX folder
    std::string zooDirectory;
    std::vector<std::string> families;  // zoo families to make available ("vgg", ...)
    int epochs = 0;                     // for a model that has to be trained; 0: the family's default
    // Imported
    ImportedProjectRequest imported;
};

// Runs a ProjectSetupRequest on a worker thread, with progress per trained model.
class ProjectSetupJob : public BackgroundJob
{
    Q_OBJECT
public:
    using BackgroundJob::BackgroundJob;
    bool start(const ProjectSetupRequest& request);
    // What was done, one line per step (models reused or trained, the project created).
    QStringList log() const;

Q_SIGNALS:
    void logLine(const QString& line);

private:
    void runDemo(const ProjectSetupRequest& request, const std::atomic<bool>& cancel);
    void addLog(const QString& line);

    mutable std::mutex m_logMutex;
    QStringList m_log;
};

}  // namespace nad
