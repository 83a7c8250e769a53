#include "analysis/PathMetrics.h"

#include "Errors.h"
#include "analysis/ConceptClustering.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <mutex>
#include <thread>

namespace nad {

std::vector<double> PathMetrics::minimumUsagePerBlock(const std::vector<PackedPath>& paths)
{
    if (paths.empty())
        return {};
    std::vector<double> least(paths.front().blockCount(), 1.0);
    for (const auto& path : paths)
        for (std::size_t i = 0; i < least.size(); ++i)
            least[i] = std::min(least[i], double(path.activeChannels(i)) / double(path.channels(i)));
    return least;
}

std::vector<UnitSharing> PathMetrics::sharingPerBlock(const std::vector<PackedPath>& paths)
{
    if (paths.empty())
        return {};
    std::vector<UnitSharing> sharing(paths.front().blockCount());
    for (std::size_t i = 0; i < sharing.size(); ++i) {
        for (std::size_t u = 0; u < paths.front().channels(i); ++u) {
            std::size_t users = 0;
            for (const auto& path : paths)
                users += path.isActive(i, u) ? 1 : 0;
            if (users == paths.size())
                sharing[i].all += 1;
            else if (users > 1)
                sharing[i].some += 1;
            else if (users == 1)
                sharing[i].one += 1;
        }
    }
    return sharing;
}

std::pair<double, double> PathMetrics::meanAndStd(const std::vector<double>& values)
{
    if (values.empty())
        return {0.0, 0.0};
    double mean = 0, variance = 0;
    for (double v : values)
        mean += v / double(values.size());
    for (double v : values)
        variance += (v - mean) * (v - mean) / double(values.size());
    return {mean, std::sqrt(variance)};
}

double PathMetrics::similarityVariance(const std::vector<std::vector<double>>& similarity)
{
    std::vector<double> pairs;
    for (std::size_t i = 0; i < similarity.size(); ++i)
        for (std::size_t j = i + 1; j < similarity.size(); ++j)
            pairs.push_back(similarity[i][j]);
    const double spread = meanAndStd(pairs).second;
    return spread * spread;
}

bool PathMetrics::hasTiedMerges(const std::vector<std::vector<double>>& similarity)
{
    if (similarity.size() < 3)
        return false;
    std::vector<double> heights;
    for (const auto& merge : ConceptClustering::averageLinkageOfSimilarity(similarity))
        heights.push_back(merge.distance);
    std::sort(heights.begin(), heights.end());
    for (std::size_t k = 1; k < heights.size(); ++k)
        if (heights[k] - heights[k - 1] <= 1e-12)
            return true;
    return false;
}

std::vector<std::vector<double>> PathMetrics::similarityMatrix(const std::vector<PackedPath>& paths)
{
    const std::size_t k = paths.size();
    std::vector<std::vector<double>> m(k, std::vector<double>(k, 1.0));
    // Rows are independent: deal them out to the cores (row i costs k - i pairs, so interleave
    // rows rather than cut the matrix into blocks). Each (i, j > i) cell is written once.
    const std::size_t workers =
        std::max<std::size_t>(1, std::min<std::size_t>(std::thread::hardware_concurrency(), k / 64 + 1));
    std::vector<std::thread> threads;
    std::exception_ptr failure;
    std::mutex failureMutex;
    for (std::size_t w = 0; w < workers; ++w) {
        threads.emplace_back([&, w] {
            try {
                for (std::size_t i = w; i < k; i += workers)
                    for (std::size_t j = i + 1; j < k; ++j)
                        m[i][j] = PackedPath::similarity(paths[i], paths[j]);
            } catch (...) {
                std::lock_guard<std::mutex> lock(failureMutex);
                failure = std::current_exception();
            }
        });
    }
    for (auto& t : threads)
        t.join();
    if (failure)
        std::rethrow_exception(failure);
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = i + 1; j < k; ++j)
            m[j][i] = m[i][j];
    return m;
}

std::vector<double> PathMetrics::unitUsagePerBlock(const std::vector<PackedPath>& paths)
{
    if (paths.empty())
        return {};
    std::vector<double> usage(paths.front().blockCount(), 0.0);
    for (const auto& path : paths) {
        if (path.blockCount() != usage.size())
            throw InvalidArgument("paths of different networks in one usage computation");
        for (std::size_t i = 0; i < usage.size(); ++i)
            usage[i] += double(path.activeChannels(i)) / double(path.channels(i));
    }
    for (double& u : usage)
        u /= double(paths.size());
    return usage;
}

double PathMetrics::interpretability(const std::vector<double>& accuracies,
                                     const std::vector<std::vector<double>>& similarity)
{
    const std::size_t k = accuracies.size();
    if (k < 2)
        throw InvalidArgument("interpretability needs at least 2 concepts, got " + std::to_string(k));
    if (similarity.size() != k)
        throw InvalidArgument("similarity matrix and accuracies disagree on the number of concepts");
    std::vector<double> terms;
    for (std::size_t i = 0; i < k; ++i) {
        if (similarity[i].size() != k)
            throw InvalidArgument("the similarity matrix is not square");
        for (std::size_t j = i + 1; j < k; ++j)
            terms.push_back(accuracies[i] * accuracies[j] * similarity[i][j]);
    }
    double mean = 0;
    for (double t : terms)
        mean += t;
    mean /= double(terms.size());
    double sum = 0;
    for (double t : terms)
        sum += (t - mean) * (t - mean);
    return 2.0 / double(k * k - k) * sum;
}

double PathMetrics::stability(const std::vector<PackedPath>& pathsOfOneConcept)
{
    const std::size_t n = pathsOfOneConcept.size();
    if (n < 2)
        return 1.0;
    double sum = 0;
    std::size_t pairs = 0;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 1; j < n; ++j, ++pairs)
            sum += PackedPath::similarity(pathsOfOneConcept[i], pathsOfOneConcept[j]);
    }
    return sum / double(pairs);
}

std::vector<std::vector<double>>
PathMetrics::meanSimilarity(const std::vector<std::vector<PackedPath>>& pathsPerInitialization)
{
    if (pathsPerInitialization.empty())
        return {};
    const std::size_t k = pathsPerInitialization.front().size();
    std::vector<std::vector<double>> mean(k, std::vector<double>(k, 0.0));
    std::size_t used = 0;
    for (const auto& paths : pathsPerInitialization) {
        if (paths.size() != k)
            continue;
        const auto m = similarityMatrix(paths);
        for (std::size_t i = 0; i < k; ++i)
            for (std::size_t j = 0; j < k; ++j)
                mean[i][j] += m[i][j];
        ++used;
    }
    for (auto& row : mean)
        for (double& v : row)
            v /= double(used);
    return mean;
}

}  // namespace nad
