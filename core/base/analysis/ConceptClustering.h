#pragma once

#include <cstddef>
#include <vector>

namespace nad {

// One merge of an agglomerative clustering, in SciPy's linkage-matrix convention: clusters
// 0..n-1 are the leaves, merge r creates cluster n + r.
struct Merge
{
    std::size_t first = 0;  // the smaller cluster id
    std::size_t second = 0;
    double distance = 0;
    std::size_t size = 0;  // leaves under the new cluster
};

// Fig. 7: average-linkage clustering of concepts on the distance 1 − M (path similarity),
// the dendrogram's leaf order, and agreement with a human hierarchy.
class ConceptClustering
{
public:
    // Average linkage (UPGMA) by the nearest-neighbour chain, O(n²) time, merges sorted by
    // distance as scipy.cluster.hierarchy.linkage(method="average") returns them.
    static std::vector<Merge> averageLinkage(const std::vector<std::vector<double>>& distance);
    static std::vector<Merge> averageLinkageOfSimilarity(const std::vector<std::vector<double>>& similarity);

    // The leaves left to right as scipy's dendrogram() draws them (first child, then second).
    static std::vector<std::size_t> leafOrder(const std::vector<Merge>& merges);

    // Cluster label per leaf when the tree is cut into at most `clusters` groups exactly as
    // SciPy's fcluster(criterion="maxclust") cuts it (ties merge together, so fewer groups can
    // come back; see the .cpp): labels 0.. in order of first appearance.
    static std::vector<int> cut(const std::vector<Merge>& merges, std::size_t clusters);

    // Adjusted Rand index of two labellings of the same items (1 = identical partitions,
    // about 0 = chance).
    static double adjustedRandIndex(const std::vector<int>& a, const std::vector<int>& b);
};

}  // namespace nad
