#include "analysis/ConceptClustering.h"

#include "Errors.h"

#include <algorithm>
#include <limits>
#include <map>
#include <numeric>

namespace nad {

std::vector<Merge> ConceptClustering::averageLinkageOfSimilarity(const std::vector<std::vector<double>>& similarity)
{
    std::vector<std::vector<double>> distance = similarity;
    for (std::size_t i = 0; i < distance.size(); ++i) {
        for (std::size_t j = 0; j < distance[i].size(); ++j)
            distance[i][j] = i == j ? 0.0 : 1.0 - similarity[i][j];
    }
    return averageLinkage(distance);
}

std::vector<Merge> ConceptClustering::averageLinkage(const std::vector<std::vector<double>>& input)
{
    const std::size_t n = input.size();
    for (const auto& row : input) {
        if (row.size() != n)
            throw InvalidArgument("the distance matrix is not square");
    }
    if (n < 2)
        return {};
    // Working copy of the distances between current clusters (indexed by a representative
    // leaf); size[i] = 0 once cluster i is merged away.
    std::vector<std::vector<double>> d = input;
    std::vector<std::size_t> size(n, 1);
    struct RawMerge
    {
        std::size_t a, b;
        double distance;
    };
    std::vector<RawMerge> raw;
    std::vector<std::size_t> chain;
    chain.reserve(n);
    std::size_t remaining = n;
    while (remaining > 1) {
        if (chain.empty()) {
            for (std::size_t i = 0; i < n; ++i) {
                if (size[i]) {
                    chain.push_back(i);
                    break;
                }
            }
        }
        // Grow the chain of nearest neighbours until two clusters are each other's nearest.
        for (;;) {
            const std::size_t x = chain.back();
            std::size_t y = n;
            double best = std::numeric_limits<double>::infinity();
            if (chain.size() >= 2) {  // prefer the previous element on ties: keeps the chain finite
                y = chain[chain.size() - 2];
                best = d[x][y];
            }
            for (std::size_t i = 0; i < n; ++i) {
                if (!size[i] || i == x)
                    continue;
                if (d[x][i] < best) {
                    best = d[x][i];
                    y = i;
                }
            }
            if (chain.size() >= 2 && y == chain[chain.size() - 2])
                break;
            chain.push_back(y);
        }
        const std::size_t b = chain.back();
        chain.pop_back();
        const std::size_t a = chain.back();
        chain.pop_back();
        raw.push_back({std::min(a, b), std::max(a, b), d[a][b]});
        // Lance-Williams update for average linkage; the merged cluster lives on in slot `keep`.
        const std::size_t keep = std::max(a, b), gone = std::min(a, b);
        for (std::size_t i = 0; i < n; ++i) {
            if (!size[i] || i == a || i == b)
                continue;
            const double merged = (double(size[a]) * d[a][i] + double(size[b]) * d[b][i]) / double(size[a] + size[b]);
            d[keep][i] = d[i][keep] = merged;
        }
        size[keep] = size[a] + size[b];
        size[gone] = 0;
        --remaining;
    }

    // Sort by distance (stable, as scipy does) and relabel with a union-find so that merge r
    // creates cluster n + r and each row lists the smaller cluster id first.
    std::stable_sort(raw.begin(), raw.end(),
                     [](const RawMerge& l, const RawMerge& r) { return l.distance < r.distance; });
    std::vector<std::size_t> parent(2 * n - 1);
    std::iota(parent.begin(), parent.end(), 0);
    std::vector<std::size_t> clusterSize(2 * n - 1, 1);
    auto find = [&parent](std::size_t x) {
        while (parent[x] != x)
            x = parent[x] = parent[parent[x]];
        return x;
    };
    std::vector<Merge> merges;
    for (std::size_t r = 0; r < raw.size(); ++r) {
        const std::size_t ca = find(raw[r].a), cb = find(raw[r].b);
        const std::size_t created = n + r;
        parent[ca] = parent[cb] = created;
        clusterSize[created] = clusterSize[ca] + clusterSize[cb];
        merges.push_back({std::min(ca, cb), std::max(ca, cb), raw[r].distance, clusterSize[created]});
    }
    return merges;
}

std::vector<std::size_t> ConceptClustering::leafOrder(const std::vector<Merge>& merges)
{
    const std::size_t n = merges.size() + 1;
    std::vector<std::size_t> order;
    std::vector<std::size_t> stack{2 * n - 2};
    if (merges.empty())
        return {0};
    while (!stack.empty()) {
        const std::size_t node = stack.back();
        stack.pop_back();
        if (node < n) {
            order.push_back(node);
            continue;
        }
        const Merge& m = merges[node - n];
        stack.push_back(m.second);  // visited after the first child
        stack.push_back(m.first);
    }
    return order;
}

namespace {

// Labels 0.. in order of first appearance when every merge at height ≤ `threshold` is applied
// (heights never decrease along average linkage's merges).
std::vector<int> clustersAtHeight(const std::vector<Merge>& merges, double threshold)
{
    const std::size_t n = merges.size() + 1;
    std::vector<std::size_t> parent(2 * n - 1);
    std::iota(parent.begin(), parent.end(), 0);
    auto find = [&parent](std::size_t x) {
        while (parent[x] != x)
            x = parent[x] = parent[parent[x]];
        return x;
    };
    for (std::size_t r = 0; r < merges.size() && merges[r].distance <= threshold; ++r)
        parent[merges[r].first] = parent[merges[r].second] = n + r;
    std::map<std::size_t, int> label;
    std::vector<int> labels(n);
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t root = find(i);
        auto it = label.find(root);
        if (it == label.end())
            it = label.emplace(root, int(label.size())).first;
        labels[i] = it->second;
    }
    return labels;
}

std::size_t clusterCount(const std::vector<int>& labels)
{
    return labels.empty() ? 0 : std::size_t(*std::max_element(labels.begin(), labels.end()) + 1);
}

}  // namespace

std::vector<int> ConceptClustering::cut(const std::vector<Merge>& merges, std::size_t clusters)
{
    const std::size_t n = merges.size() + 1;
    if (clusters < 1 || clusters > n)
        throw InvalidArgument("cannot cut " + std::to_string(n) + " items into " + std::to_string(clusters) +
                              " clusters");
    if (merges.empty())
        return {0};
    // SciPy's fcluster(criterion="maxclust"): a binary search over the merge heights for the
    // lowest one that leaves at most `clusters` clusters, then every merge at or below it. So
    // tied heights merge together (fewer clusters than asked can come back), and, as SciPy's
    // search never tries the lowest height, asking for n or n − 1 clusters of n items gives
    // what the second-lowest height leaves.
    std::size_t lower = 0, upper = n - 1;
    while (upper - lower > 1) {
        const std::size_t middle = (lower + upper) / 2;
        if (clusterCount(clustersAtHeight(merges, merges[middle].distance)) > clusters)
            lower = middle;
        else
            upper = middle;
    }
    return clustersAtHeight(merges, merges[std::min(upper, n - 2)].distance);
}

double ConceptClustering::adjustedRandIndex(const std::vector<int>& a, const std::vector<int>& b)
{
    if (a.size() != b.size())
        throw InvalidArgument("adjusted Rand index of labellings of different lengths");
    const double n = double(a.size());
    std::map<std::pair<int, int>, double> table;
    std::map<int, double> rows, columns;
    for (std::size_t i = 0; i < a.size(); ++i) {
        table[{a[i], b[i]}] += 1;
        rows[a[i]] += 1;
        columns[b[i]] += 1;
    }
    auto pairs = [](double x) { return x * (x - 1) / 2; };
    double index = 0, sumRows = 0, sumColumns = 0;
    for (const auto& [key, count] : table)
        index += pairs(count);
    for (const auto& [key, count] : rows)
        sumRows += pairs(count);
    for (const auto& [key, count] : columns)
        sumColumns += pairs(count);
    const double expected = sumRows * sumColumns / pairs(n);
    const double maximum = 0.5 * (sumRows + sumColumns);
    if (maximum == expected)
        return 1.0;  // both partitions trivial (all singletons or one cluster) and equal in kind
    return (index - expected) / (maximum - expected);
}

}  // namespace nad
