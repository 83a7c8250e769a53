#include "JobLanes.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <sstream>
#include <stdexcept>
#include <thread>

using nad::cli::JobLanes;
using namespace std::chrono_literals;

namespace {

// Waits (at most 10 s) for `condition`; true when it came.
template <typename Condition> bool waitFor(Condition condition)
{
    const auto until = std::chrono::steady_clock::now() + 10s;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > until)
            return false;
        std::this_thread::sleep_for(2ms);
    }
    return true;
}

}  // namespace

class JobLanesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsEveryJobOnceAtMostLanesAtOnceWithWholeReports()
    {
        std::ostringstream report, progress;
        JobLanes lanes(2, 2, report, progress, false);
        std::atomic<int> running{0}, mostRunning{0}, runs{0};
        for (int job = 0; job < 5; ++job)
            lanes.add("job" + std::to_string(job), [&, job](JobLanes::Lane& lane) {
                const int now = ++running;
                for (int seen = mostRunning.load(); now > seen && !mostRunning.compare_exchange_weak(seen, now);) {
                }
                ++runs;
                for (int line = 0; line < 3; ++line) {
                    lane.out() << "job" << job << " line" << line << '\n';
                    lane.progress((line + 1) / 3.0, "job" + std::to_string(job));
                    std::this_thread::sleep_for(5ms);
                }
                --running;
            });
        const std::atomic<bool> cancel{false};
        QVERIFY(lanes.run(cancel));
        QCOMPARE(runs.load(), 5);
        QCOMPARE(mostRunning.load(), 2);
        // Each job's lines come together, in order, although two jobs wrote at the same time.
        const std::string text = report.str();
        for (int job = 0; job < 5; ++job) {
            const std::string name = "job" + std::to_string(job);
            const std::string block = name + " line0\n" + name + " line1\n" + name + " line2\n";
            QVERIFY2(text.find(block) != std::string::npos, text.c_str());
        }
        // The progress line ends at 100 % once every job ended.
        QVERIFY2(progress.str().find("100%") != std::string::npos, progress.str().c_str());
    }

    void lastJobRunningGetsEveryCore()
    {
        std::ostringstream report, progress;
        JobLanes lanes(2, 2, report, progress, false);
        std::atomic<int> started{0};
        std::atomic<bool> shortEnded{false};
        std::atomic<int> sharedThreads{0}, aloneThreads{0};
        // Assertions stay on the test's thread: the jobs only record what they saw.
        lanes.add("long", [&](JobLanes::Lane& lane) {
            ++started;
            if (waitFor([&] { return started.load() == 2; }))
                sharedThreads = lane.threads();
            if (waitFor([&] { return shortEnded.load() && lane.threads() == 2; }))
                aloneThreads = lane.threads();
        });
        lanes.add("short", [&](JobLanes::Lane&) {
            ++started;
            waitFor([&] { return started.load() == 2; });
            std::this_thread::sleep_for(20ms);
            shortEnded = true;
        });
        const std::atomic<bool> cancel{false};
        QVERIFY(lanes.run(cancel));
        QCOMPARE(sharedThreads.load(), 1);
        QCOMPARE(aloneThreads.load(), 2);
    }

    void firstFailureStopsTheOthersAndIsRethrown()
    {
        std::ostringstream report, progress;
        JobLanes lanes(2, 2, report, progress, false);
        std::atomic<bool> sawCancel{false}, queuedRan{false};
        lanes.add("waits", [&](JobLanes::Lane& lane) {
            lane.out() << "waiting job reported\n";
            sawCancel = waitFor([&] { return lane.cancel().load(); });
        });
        lanes.add("fails", [](JobLanes::Lane& lane) {
            lane.out() << "failing job reported\n";
            std::this_thread::sleep_for(20ms);
            throw std::runtime_error("disk full");
        });
        lanes.add("queued", [&](JobLanes::Lane&) { queuedRan = true; });
        const std::atomic<bool> cancel{false};
        try {
            lanes.run(cancel);
            QFAIL("the failure was not rethrown");
        } catch (const std::runtime_error& e) {
            QCOMPARE(std::string(e.what()), std::string("disk full"));
        }
        QVERIFY(sawCancel.load());
        QVERIFY(!queuedRan.load());
        // What the jobs had written is kept, the failed one's included.
        QVERIFY(report.str().find("failing job reported") != std::string::npos);
        QVERIFY(report.str().find("waiting job reported") != std::string::npos);
    }

    void userCancelStopsRunningJobsAndSkipsQueuedOnes()
    {
        std::ostringstream report, progress;
        JobLanes lanes(1, 2, report, progress, false);
        std::atomic<bool> cancel{false}, sawCancel{false}, queuedRan{false};
        lanes.add("running", [&](JobLanes::Lane& lane) {
            cancel = true;  // as Ctrl-C would, from outside the job
            sawCancel = waitFor([&] { return lane.cancel().load(); });
        });
        lanes.add("queued", [&](JobLanes::Lane&) { queuedRan = true; });
        QVERIFY(!lanes.run(cancel));
        QVERIFY(sawCancel.load());
        QVERIFY(!queuedRan.load());
    }
};

QTEST_GUILESS_MAIN(JobLanesTest)
#include "tst_joblanes.moc"
