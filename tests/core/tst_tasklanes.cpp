// TaskLanes, the demo's scheduler: dependencies, how many tasks run at once, the order free
// lanes take ready tasks in, and what happens after a task throws.
#include "Errors.h"
#include "tasks/TaskLanes.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace nad;

namespace {

// The order tasks started and finished in, from any lane.
class Log
{
public:
    void add(const std::string& event)
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_events.push_back(event);
    }
    std::vector<std::string> events()
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        return m_events;
    }

private:
    std::mutex m_mutex;
    std::vector<std::string> m_events;
};

std::size_t positionOf(const std::vector<std::string>& events, const std::string& event)
{
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (events[i] == event)
            return i;
    }
    ADD_FAILURE() << event << " never happened";
    return events.size();
}

}  // namespace

TEST(TaskLanes, OneLaneRunsTheReadyTasksInTheOrderTheyWereAdded)
{
    TaskLanes tasks;
    std::vector<std::size_t> order;
    std::vector<int> lanes;
    const auto record = [&](std::size_t id) {
        return [&, id](int lane) {
            order.push_back(id);
            lanes.push_back(lane);
        };
    };
    const std::size_t model = tasks.add(record(0));
    tasks.add(record(1), {model});
    tasks.add(record(2));
    tasks.run(1);
    EXPECT_EQ(order, (std::vector<std::size_t>{0, 1, 2}));
    EXPECT_EQ(lanes, (std::vector<int>{0, 0, 0}));
}

TEST(TaskLanes, TwoLanesRunIndependentTasksAtOnceAndWaitForDependencies)
{
    TaskLanes tasks;
    Log log;
    std::atomic<int> running{0};
    std::atomic<int> mostAtOnce{0};
    std::atomic<bool> secondStarted{false};
    const auto task = [&](const std::string& name, const std::function<void()>& body = {}) {
        return [&, name, body](int) {
            mostAtOnce = std::max(mostAtOnce.load(), ++running);
            log.add(name + " start");
            if (body)
                body();
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            log.add(name + " end");
            --running;
        };
    };
    // "zoo d" waits (up to 5 s) until "zoo v" has started: it passes only if both run at once.
    const std::size_t zooD = tasks.add(task("zoo d", [&] {
        for (int i = 0; i < 500 && !secondStarted; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        EXPECT_TRUE(secondStarted.load()) << "the second lane never started a task";
    }));
    tasks.add(task("paths d"), {zooD});
    const std::size_t zooV = tasks.add(task("zoo v", [&] { secondStarted = true; }));
    tasks.add(task("paths v"), {zooV});
    const std::size_t zooR = tasks.add(task("zoo r"));
    tasks.add(task("paths r"), {zooR, zooV});
    tasks.run(2);

    const auto events = log.events();
    EXPECT_EQ(events.size(), 12u);
    EXPECT_EQ(mostAtOnce.load(), 2);
    EXPECT_LT(positionOf(events, "zoo d end"), positionOf(events, "paths d start"));
    EXPECT_LT(positionOf(events, "zoo v end"), positionOf(events, "paths v start"));
    EXPECT_LT(positionOf(events, "zoo r end"), positionOf(events, "paths r start"));
    EXPECT_LT(positionOf(events, "zoo v end"), positionOf(events, "paths r start"));
}

TEST(TaskLanes, AfterATaskThrowsNothingNewStartsAndTheFirstErrorIsRethrown)
{
    TaskLanes tasks;
    Log log;
    std::atomic<bool> failed{false};
    // Lane 0 takes "fails"; lane 1 takes "runs on", which is still running when the failure
    // comes and is allowed to finish; "never" and "after failure" must not start.
    tasks.add([&](int) {
        log.add("fails");
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        failed = true;
        throw DataError("image 7 cannot be read");
    });
    tasks.add([&](int) {
        for (int i = 0; i < 500 && !failed; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        std::this_thread::sleep_for(std::chrono::milliseconds(30));
        log.add("runs on");
        throw std::runtime_error("second error");
    });
    tasks.add([&](int) { log.add("never"); });
    tasks.add([&](int) { log.add("after failure"); }, {0});
    try {
        tasks.run(2);
        FAIL() << "the error was swallowed";
    } catch (const DataError& e) {
        EXPECT_STREQ(e.what(), "image 7 cannot be read");
    }
    EXPECT_EQ(log.events(), (std::vector<std::string>{"fails", "runs on"}));
}

TEST(TaskLanes, ATaskCanOnlyComeAfterOneAddedBeforeIt)
{
    TaskLanes tasks;
    tasks.add([](int) {});
    EXPECT_THROW(tasks.add([](int) {}, {1}), InvalidArgument);
    EXPECT_THROW(tasks.add([](int) {}, {5}), InvalidArgument);
    EXPECT_EQ(tasks.size(), 1u);
    tasks.run(0);  // fewer than one lane: one
}
