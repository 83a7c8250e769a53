#include "store/RunStatus.h"

#include <array>
#include <utility>

namespace nad {
namespace {

constexpr std::array<std::pair<RunStatus, const char*>, 6> kNames{{{RunStatus::Pending, "pending"},
                                                                   {RunStatus::Running, "running"},
                                                                   {RunStatus::Interrupted, "interrupted"},
                                                                   {RunStatus::Finished, "finished"},
                                                                   {RunStatus::Failed, "failed"},
                                                                   {RunStatus::Cancelled, "cancelled"}}};

}  // namespace

std::string runStatusName(RunStatus status)
{
    for (const auto& [value, name] : kNames)
        if (value == status)
            return name;
    return "pending";
}

std::optional<RunStatus> runStatusFromName(const std::string& name)
{
    for (const auto& [value, text] : kNames)
        if (name == text)
            return value;
    return std::nullopt;
}

}  // namespace nad
