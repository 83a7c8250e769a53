#include "Errors.h"
#include "TestFiles.h"
#include "analysis/ConceptClustering.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>

using namespace nad;

TEST(ConceptClustering, KnownDendrogram)
{
    // Two tight pairs far apart.
    const std::vector<std::vector<double>> d = {
        {0, 0.1, 0.9, 0.9}, {0.1, 0, 0.9, 0.9}, {0.9, 0.9, 0, 0.2}, {0.9, 0.9, 0.2, 0}};
    const auto merges = ConceptClustering::averageLinkage(d);
    ASSERT_EQ(merges.size(), 3u);
    EXPECT_EQ(merges[0].first, 0u);
    EXPECT_EQ(merges[0].second, 1u);
    EXPECT_DOUBLE_EQ(merges[0].distance, 0.1);
    EXPECT_EQ(merges[1].first, 2u);
    EXPECT_EQ(merges[1].second, 3u);
    EXPECT_EQ(merges[2].first, 4u);
    EXPECT_EQ(merges[2].second, 5u);
    EXPECT_EQ(merges[2].size, 4u);
    EXPECT_EQ(ConceptClustering::leafOrder(merges), (std::vector<std::size_t>{0, 1, 2, 3}));
    EXPECT_EQ(ConceptClustering::cut(merges, 2), (std::vector<int>{0, 0, 1, 1}));
    // As SciPy's fcluster(maxclust): its search never tries the lowest height, so 4 (or 3)
    // clusters of 4 items come back as the two pairs.
    EXPECT_EQ(ConceptClustering::cut(merges, 4), (std::vector<int>{0, 0, 1, 1}));
}

TEST(ConceptClustering, AverageLinkageAveragesMemberDistances)
{
    const auto merges = ConceptClustering::averageLinkage({{0, 1, 4}, {1, 0, 6}, {4, 6, 0}});
    ASSERT_EQ(merges.size(), 2u);
    EXPECT_DOUBLE_EQ(merges[0].distance, 1.0);
    EXPECT_DOUBLE_EQ(merges[1].distance, 5.0);  // (4 + 6) / 2
    EXPECT_EQ(merges[1].first, 2u);
    EXPECT_EQ(merges[1].second, 3u);
    // Similarities become distances 1 − M.
    const auto fromSimilarity = ConceptClustering::averageLinkageOfSimilarity({{1, 0.8}, {0.8, 1}});
    EXPECT_NEAR(fromSimilarity[0].distance, 0.2, 1e-12);
}

TEST(ConceptClustering, AdjustedRandIndex)
{
    EXPECT_DOUBLE_EQ(ConceptClustering::adjustedRandIndex({0, 0, 1, 1}, {5, 5, 7, 7}), 1.0);
    EXPECT_DOUBLE_EQ(ConceptClustering::adjustedRandIndex({0, 0, 1, 1}, {0, 1, 0, 1}), -0.5);
    EXPECT_THROW(ConceptClustering::adjustedRandIndex({0}, {0, 1}), InvalidArgument);
}

TEST(ConceptClustering, MatchesScipyOnRandomMatrices)
{
    const std::string python = NAD_SYSTEM_PYTHON;
    if (python.empty() || std::system((python + " -c 'import scipy' 2>/dev/null").c_str()) != 0)
        GTEST_SKIP() << "Debian's python3-scipy is not installed (packaging/install-deps.sh installs it)";
    nadtest::TemporaryDirectory dir;
    std::mt19937_64 random(42);
    std::uniform_real_distribution<double> uniform(0.05, 1.0);
    std::uniform_int_distribution<int> coarse(1, 3);
    for (int trial = 0; trial < 8; ++trial) {
        // Trials 5–7 take distances from {1, 2, 3}: many ties, as paths that are the whole
        // network give (M = 1 for every pair).
        const bool ties = trial >= 5;
        const std::size_t n = ties ? 5 + std::size_t(trial) : 6 + std::size_t(trial) * 3;
        std::vector<std::vector<double>> d(n, std::vector<double>(n, 0.0));
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t j = i + 1; j < n; ++j)
                d[i][j] = d[j][i] = ties ? double(coarse(random)) : uniform(random);
        const std::string file = dir.file("d" + std::to_string(trial) + ".txt");
        {
            std::ofstream out(file);
            out.precision(17);
            for (const auto& row : d) {
                for (double v : row)
                    out << v << ' ';
                out << '\n';
            }
        }
        FILE* pipe = ::popen((python + " " NAD_TEST_DATA_DIR "/scipy_linkage.py " + file).c_str(), "r");
        ASSERT_NE(pipe, nullptr);
        std::string text;
        char buffer[4096];
        while (std::fgets(buffer, sizeof buffer, pipe))
            text += buffer;
        ASSERT_EQ(::pclose(pipe), 0) << text;
        std::istringstream lines(text);
        const auto merges = ConceptClustering::averageLinkage(d);
        for (const auto& m : merges) {
            std::size_t a = 0, b = 0, size = 0;
            double distance = 0;
            lines >> a >> b >> distance >> size;
            EXPECT_EQ(m.first, a) << "trial " << trial;
            EXPECT_EQ(m.second, b) << "trial " << trial;
            EXPECT_NEAR(m.distance, distance, 1e-12) << "trial " << trial;
            EXPECT_EQ(m.size, size) << "trial " << trial;
        }
        std::vector<std::size_t> leaves(n);
        for (auto& leaf : leaves)
            lines >> leaf;
        if (!ties) {  // among tied merges SciPy's order is its own; the cut below does not depend on it
            EXPECT_EQ(ConceptClustering::leafOrder(merges), leaves) << "trial " << trial;
        }
        for (std::size_t k = 1; k <= n; ++k) {
            std::vector<int> scipy(n);
            for (auto& label : scipy)
                lines >> label;
            const auto ours = ConceptClustering::cut(merges, k);
            // The same partition (SciPy numbers its clusters differently).
            for (std::size_t i = 0; i < n; ++i)
                for (std::size_t j = i + 1; j < n; ++j)
                    EXPECT_EQ(ours[i] == ours[j], scipy[i] == scipy[j])
                        << "trial " << trial << ", " << k << " clusters, items " << i << " and " << j;
        }
    }
}
