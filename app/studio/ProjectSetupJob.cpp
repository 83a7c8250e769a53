#include "ProjectSetupJob.h"

#include "store/DemoProject.h"
#include "zoo/ModelZoo.h"
#include "zoo/ReferenceZoo.h"

namespace nad {

bool ProjectSetupJob::start(const ProjectSetupRequest& request)
{
    {
        std::lock_guard<std::mutex> lock(m_logMutex);
        m_log.clear();
    }
    return launch([this, request](const std::atomic<bool>& cancel) {
        if (request.kind == ProjectSetupRequest::Kind::Imported) {
            reportProgress(-1, tr("Checking the model and the data set…"), true);
            const ImportedProjectPlan plan = ImportedProject::create(request.imported);
            addLog(tr("Created %1 with model %2 (%3 blocks) and data set %4 (%5 classes).")
                       .arg(QString::fromStdString(plan.projectPath), QString::fromStdString(plan.modelName))
                       .arg(plan.model.blocks.size())
                       .arg(QString::fromStdString(plan.datasetName))
                       .arg(plan.dataset.classNames.size()));
            reportProgress(1, tr("Done"), true);
            return false;
        }
        runDemo(request, cancel);
        return cancel.load();
    });
}

void ProjectSetupJob::runDemo(const ProjectSetupRequest& request, const std::atomic<bool>& cancel)
{
    const bool created = DemoProject::ensure(request.projectPath, request.datasetDirectory);
    addLog(created ? tr("Created the demo project %1.").arg(QString::fromStdString(request.projectPath))
                   : tr("The demo project %1 exists; it is kept.").arg(QString::fromStdString(request.projectPath)));
    const ModelZoo zoo(request.zooDirectory);
    const double share = 1.0 / double(std::max<std::size_t>(1, request.families.size()));
    for (std::size_t k = 0; k < request.families.size() && !cancel.load(); ++k) {
        const std::string& family = request.families[k];
        const QString name = QString::fromStdString(family);
        if (const auto best = zoo.best(family)) {
            addLog(tr("%1: reusing %2 from the zoo (%3 % test accuracy).")
                       .arg(name, QString::fromStdString(best->name))
                       .arg(100.0 * best->testAccuracy, 0, 'f', 2));
            continue;
        }
        if (const auto shipped = ReferenceZoo::installInto(zoo, family, request.epochs)) {
            addLog(tr("%1: installed %2, shipped with NAD Studio (%3 % test accuracy).")
                       .arg(name, QString::fromStdString(shipped->name))
                       .arg(100.0 * shipped->testAccuracy, 0, 'f', 2));
            continue;
        }
        ZooTrainRequest train;
        train.family = family;
        train.training.epochs = request.epochs;
        train.datasetDirectory = request.datasetDirectory;
        const auto entry = zoo.train(
            train,
            [&](const TrainingProgress& p) {
                const double within = p.steps > 0 ? double(p.step) / double(p.steps) : 0.0;
                reportProgress(share * (double(k) + within),
                               tr("Training %1: epoch %2/%3, loss %4, about %5 s left")
                                   .arg(name)
                                   .arg(p.epoch)
                                   .arg(p.epochs)
                                   .arg(p.loss, 0, 'f', 4)
                                   .arg(p.etaSeconds, 0, 'f', 0),
                               p.step == p.steps);
            },
            &cancel);
        if (!entry) {
            addLog(tr("%1: training cancelled; nothing of it was kept.").arg(name));
            return;
        }
        addLog(tr("%1: trained %2 in %3 s (%4 % test accuracy).")
                   .arg(name, QString::fromStdString(entry->name))
                   .arg(entry->trainingSeconds, 0, 'f', 0)
                   .arg(100.0 * entry->testAccuracy, 0, 'f', 2));
    }
    reportProgress(1, tr("Done"), true);
}

void ProjectSetupJob::addLog(const QString& line)
{
    {
        std::lock_guard<std::mutex> lock(m_logMutex);
        m_log << line;
    }
    Q_EMIT logLine(line);
}

QStringList ProjectSetupJob::log() const
{
    std::lock_guard<std::mutex> lock(m_logMutex);
    return m_log;
}

}  // namespace nad
