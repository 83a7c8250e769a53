#include "CancelSignal.h"

#include <csignal>
#include <cstring>

namespace nad::cli {
namespace {

std::atomic<bool> g_cancelled{false};
// Globals start zeroed; `struct` because sigaction is also the function's name.
struct sigaction g_previousInt;
struct sigaction g_previousTerm;

void onSignal(int signal)
{
    if (g_cancelled.exchange(true)) {
        // Second request: restore the default action and re-raise, i.e. really stop now.
        std::signal(signal, SIG_DFL);
        std::raise(signal);
    }
}

}  // namespace

CancelSignal::CancelSignal()
{
    g_cancelled = false;
    struct sigaction action;
    std::memset(&action, 0, sizeof action);
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &g_previousInt);
    sigaction(SIGTERM, &action, &g_previousTerm);
}

CancelSignal::~CancelSignal()
{
    sigaction(SIGINT, &g_previousInt, nullptr);
    sigaction(SIGTERM, &g_previousTerm, nullptr);
}

const std::atomic<bool>& CancelSignal::flag() const
{
    return g_cancelled;
}

}  // namespace nad::cli
