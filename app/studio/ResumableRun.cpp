#include "ResumableRun.h"

#include "jobs/RunSettings.h"
#include "store/ProjectStore.h"
#include "store/RunStore.h"

#include <QCoreApplication>

namespace nad {

std::optional<ResumableRun> ResumableRun::latest(const ProjectStore& project)
{
    RunStore runs(project);
    const auto all = runs.runs();
    for (auto it = all.rbegin(); it != all.rend(); ++it) {
        if (!isResumable(it->status))
            continue;
        const auto model = runs.model(it->modelId);
        if (!model)
            continue;
        try {
            ResumableRun resumable;
            resumable.runId = it->id;
            resumable.request = RunSettings::fromJson(it->hyperparameters);
            resumable.request.modelName = model->name;
            resumable.description =
                QCoreApplication::translate("nad::ResumableRun", "Continue run %1 (%2, %n concept(s))", nullptr,
                                            int(resumable.request.concepts.size()))
                    .arg(it->id)
                    .arg(QString::fromStdString(model->name));
            if (!it->message.empty())
                resumable.description += QStringLiteral(": ") + QString::fromStdString(it->message);
            return resumable;
        } catch (const std::exception&) {
            continue;  // written by another version: not offered
        }
    }
    return std::nullopt;
}

}  // namespace nad
