// libFuzzer target: opening a project file (`.nad`, SQLite) and reading everything the studio
// shows of it: data sets, concepts, hierarchy, models, runs, paths, history and metrics. Then
// the same file opened for writing (which migrates older schemas). A refused file must be
// refused with nad::Error and left byte-for-byte as it was.
#include "Errors.h"
#include "FuzzScratch.h"
#include "store/ProjectStore.h"
#include "store/RunStore.h"

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <vector>

namespace {

std::vector<char> readAll(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void readEverything(const nad::ProjectStore& project)
{
    (void)project.info();
    (void)project.schemaVersion();
    const nad::RunStore runs(project);
    for (const auto& dataset : project.datasets()) {
        (void)project.concepts(dataset.id);
        (void)project.hierarchy(dataset.id);
        for (const auto& run : runs.runs()) {
            (void)runs.paths(run.id, dataset.id, false);
            (void)runs.history(run.id, dataset.id);
            (void)runs.metrics(run.id, dataset.id);
        }
    }
    (void)runs.models();
    (void)runs.latestEvaluatedRuns();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto& files = nadfuzz::scratch();
    files.clear();
    const std::string path = files.write("project.nad", data, size);
    const std::vector<char> original(data, data + size);
    bool refused = false;
    try {
        const auto project = nad::ProjectStore::open(path, nad::ProjectStore::Mode::ReadOnly);
        readEverything(project);
    } catch (const nad::Error&) {
        refused = true;
    }
    if (readAll(path) != original)
        std::abort();  // a read-only open changed the file
    if (refused)
        return 0;
    try {
        auto project = nad::ProjectStore::open(path, nad::ProjectStore::Mode::ReadWrite);
        readEverything(project);
    } catch (const nad::Error&) {
    }
    return 0;
}
