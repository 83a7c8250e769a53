#pragma once

#include "nad/PathLearner.h"
#include "store/RunStore.h"

#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace nad {

// What a run has already stored, read once when it starts or resumes: finished paths are
// skipped, and a pass whose concepts all have a checkpoint of the same step resumes from it.
class RunCheckpoints
{
public:
    explicit RunCheckpoints(std::vector<StoredPath> stored);

    // The classes among `classes` whose path of `initialization` is not final yet, in order.
    std::vector<int> pending(const std::vector<int>& classes, int initialization) const;
    // Where learning `classes` (one pass) resumes: only when every one of them has a
    // checkpoint, all of the same step > 0 (else the pass starts over, which gives the same
    // paths since learning is deterministic).
    std::optional<LearnerResume> resumePoint(const std::vector<int>& classes, int initialization) const;

private:
    std::map<std::pair<int, int>, StoredPath> m_stored;  // by (class, initialization)
};

}  // namespace nad
