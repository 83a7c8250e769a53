#pragma once

#include "nad/DisentangleJob.h"

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
    // The request stored as a run's hyperparameters JSON; throws InvalidArgument when unreadable.
    static DisentangleRequest requestFromHyperparameters(const std::string& json);
};

} // namespace nad
