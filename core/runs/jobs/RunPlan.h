#pragma once

#include "nad/ShardSpec.h"
#include "store/ProjectStore.h"

#include <string>
#include <vector>

namespace nad {

// Which concepts a run learns and how they are grouped into passes (concepts learned together
// in one batched pass of the learner). Pure: no project, no network.
struct RunPlan
{
    std::vector<int> classes;               // learning order
    std::vector<std::string> conceptNames;  // the same concepts, by name
    int conceptsPerPass = 10;
    int initializations = 1;

    // `requested` names concepts of `concepts` (empty: all, in the data set's order). With an
    // active shard only its share (ShardSpec::select) is planned. Throws InvalidArgument for an
    // unknown name (listing the known ones) and for a shard left with no concept.
    static RunPlan make(const std::vector<ConceptRecord>& concepts, const std::vector<std::string>& requested,
                        const ShardSpec& shard, int conceptsPerPass, int initializations);

    int passes() const;
    // The classes of pass `pass` (0-based), in learning order.
    std::vector<int> passClasses(int pass) const;
};

}  // namespace nad
