#include "tasks/TaskLanes.h"

#include "Errors.h"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <string>
#include <thread>

namespace nad {

std::size_t TaskLanes::add(Task task, std::vector<std::size_t> after)
{
    for (const std::size_t id : after) {
        if (id >= m_tasks.size())
            throw InvalidArgument("a task can only come after a task added before it (got id " + std::to_string(id) +
                                  " of " + std::to_string(m_tasks.size()) + ")");
    }
    m_tasks.push_back({std::move(task), std::move(after)});
    return m_tasks.size() - 1;
}

void TaskLanes::run(int lanes)
{
    enum class State { Waiting, Running, Done };
    std::vector<State> state(m_tasks.size(), State::Waiting);
    std::mutex mutex;
    std::condition_variable changed;
    std::exception_ptr firstError;
    std::size_t running = 0;

    // The first waiting task whose predecessors are done, or size() when none is ready yet.
    auto nextReady = [&]() {
        for (std::size_t id = 0; id < m_tasks.size(); ++id) {
            if (state[id] != State::Waiting)
                continue;
            bool ready = true;
            for (const std::size_t before : m_tasks[id].after)
                ready = ready && state[before] == State::Done;
            if (ready)
                return id;
        }
        return m_tasks.size();
    };
    auto lane = [&](int index) {
        std::unique_lock<std::mutex> lock(mutex);
        for (;;) {
            std::size_t id = m_tasks.size();
            // Tasks that are added before those they wait for cannot exist (add() refuses them),
            // so while any task waits, either one is ready or one is running.
            changed.wait(lock, [&] {
                id = nextReady();
                return firstError || id < m_tasks.size() || running == 0;
            });
            if (firstError || id == m_tasks.size())
                break;
            state[id] = State::Running;
            ++running;
            lock.unlock();
            std::exception_ptr error;
            try {
                m_tasks[id].task(index);
            } catch (...) {
                error = std::current_exception();
            }
            lock.lock();
            state[id] = State::Done;
            --running;
            if (error && !firstError)
                firstError = error;
            changed.notify_all();
        }
    };

    const int count = std::max(1, lanes);
    std::vector<std::thread> threads;
    for (int i = 1; i < count; ++i)
        threads.emplace_back(lane, i);
    lane(0);
    for (auto& thread : threads)
        thread.join();
    if (firstError)
        std::rethrow_exception(firstError);
}

}  // namespace nad
