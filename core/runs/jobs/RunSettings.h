#pragma once

#include "jobs/DisentangleRequest.h"

#include <string>
#include <vector>

namespace nad {

// A run's settings as the JSON stored with it (RunRecord::hyperparameters), both ways. A run is
// resumed when its stored JSON equals the one a new request writes, so the two directions
// must round-trip exactly; this is the only place that knows the keys.
class RunSettings
{
public:
    // Every learner option and the data choices. A shard adds its record
    // (ShardSpec::kHyperparameterKey) with the names of its concepts.
    static std::string toJson(const DisentangleRequest& request, const std::vector<std::string>& shardConcepts = {});
    // The request a stored run was made with (project, model and zoo are the caller's). Throws
    // InvalidArgument when the JSON is unreadable, incomplete, out of range, or was written by
    // another version (it would not round-trip, so the run could not be resumed).
    static DisentangleRequest fromJson(const std::string& json);
};

}  // namespace nad
