#pragma once

#include "Errors.h"

#include <atomic>

namespace nad::cli {

// Raised when the user cancelled a job with Ctrl-C; `nad` exits with 130 as shells expect.
class CancelledError : public Error
{
public:
    using Error::Error;
};

// Turns SIGINT/SIGTERM into a cancel flag for the engine while alive, so Ctrl-C ends a job at
// the next step instead of killing the process mid-write. A second Ctrl-C kills as usual.
class CancelSignal
{
public:
    CancelSignal();
    ~CancelSignal();
    CancelSignal(const CancelSignal&) = delete;
    CancelSignal& operator=(const CancelSignal&) = delete;

    const std::atomic<bool>& flag() const;
};

}  // namespace nad::cli
