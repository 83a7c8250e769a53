#include "jobs/DisentangleRequest.h"

#include "Errors.h"

namespace nad {

void DisentangleRequest::validate() const
{
    options.validate();
    if (conceptsPerPass < 1 || checkpointEvery < 0 || imagesPerConcept < 0)
        throw InvalidArgument(
            "concepts per pass must be at least 1; checkpoint interval and images per concept must not be negative");
}

}  // namespace nad
