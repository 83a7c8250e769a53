#pragma once

#include <cstddef>
#include <functional>
#include <vector>

namespace nad {

// Runs a small graph of tasks on a few threads ("lanes"): a task starts once every task it
// comes after has finished, and a free lane takes the first ready task in the order the tasks
// were added (so the order is the priority). After a task throws, no further task starts; run()
// waits for the tasks still running and rethrows the first error. With one lane, the tasks run
// on the calling thread in an order that respects their dependencies.
class TaskLanes
{
public:
    using Task = std::function<void(int lane)>;

    // Adds a task to run after the tasks `after` (ids returned by earlier calls); returns its id.
    std::size_t add(Task task, std::vector<std::size_t> after = {});
    std::size_t size() const { return m_tasks.size(); }

    // Runs every task on `lanes` threads (at least one); returns when all have finished.
    void run(int lanes);

private:
    struct Entry
    {
        Task task;
        std::vector<std::size_t> after;
    };
    std::vector<Entry> m_tasks;
};

}  // namespace nad
