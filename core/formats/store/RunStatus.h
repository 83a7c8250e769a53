#pragma once

#include <optional>
#include <string>

namespace nad {

// Where a run stands, as the project file stores it (runs.status; the schema's CHECK lists the
// same six names). Failed and Cancelled are only read: older files may hold them.
enum class RunStatus { Pending, Running, Interrupted, Finished, Failed, Cancelled };

// The stored name ("pending", "running", ...).
std::string runStatusName(RunStatus status);
// nullopt for a name the schema does not allow.
std::optional<RunStatus> runStatusFromName(const std::string& name);
// A run DisentangleJob (and the studio's Resume) continues: it was learning when it stopped.
inline bool isResumable(RunStatus status)
{
    return status == RunStatus::Running || status == RunStatus::Interrupted;
}

}  // namespace nad
