#pragma once

#include "jobs/DisentangleRequest.h"

#include <QString>

#include <optional>

namespace nad {

class ProjectStore;

// An interrupted run (cancelled, killed or failed while learning) and the request that
// continues it: DisentangleJob resumes a run when model and settings match, so the request is
// rebuilt from the settings the run stored.
struct ResumableRun
{
    qint64 runId = 0;
    DisentangleRequest request;  // project and zoo paths are the caller's
    QString description;         // for the Resume button's tooltip

    // The latest interrupted run whose stored settings can be read, if any.
    static std::optional<ResumableRun> latest(const ProjectStore& project);
};

}  // namespace nad
