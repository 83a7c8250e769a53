#pragma once

#include "analysis/KnockoutTest.h"
#include "analysis/PathEvaluator.h"
#include "analysis/PathMetrics.h"
#include "nn/BlockNetwork.h"

#include <string>
#include <vector>

namespace nad {

class ProjectStore;

// The metrics of a finished run, as `nad evaluate` prints them and the figures use them.
struct RunSummary
{
    std::int64_t runId = 0;
    std::string modelName;
    std::vector<std::string> classNames;          // of the evaluated concepts, in order
    std::vector<ConceptEvaluation> concepts;      // averaged over initializations
    std::vector<double> usagePerBlock;            // Fig. 4, averaged over initializations
    std::vector<double> minUsagePerBlock;         // per block, the least any concept's path keeps (mean over inits)
    std::vector<UnitSharing> sharingPerBlock;     // units used by every / some / one concept (mean over inits)
    std::vector<std::vector<double>> similarity;  // M, averaged over initializations
    double similarityVariance = 0;                // Var(M) over concept pairs: accuracy-free beside I
    double interpretabilityMean = 0;              // Eq. 12 per initialization, mean and std
    double interpretabilityStd = 0;
    std::vector<double> stability;         // per concept; meaningful with 2 or more initializations only
    std::vector<double> steps;             // per concept: steps its paths took, mean over initializations
    std::vector<KnockoutResult> knockout;  // per concept (mean over initializations), empty when not run
    double adjustedRandIndex = 0;          // clustering vs the hierarchy (0 without one)
    std::vector<std::size_t> leafOrder;    // dendrogram order of `classNames`
    int initializations = 0;

    // What a reader must know before trusting the numbers: blocks where every path keeps ≥ 99 %
    // of the units (the path there is the original network), most blocks so, dendrogram ties.
    // `brief`: shorter wording (and the "most blocks" case folded into the first), for the
    // notes under figures.
    std::vector<std::string> warnings(bool brief = false) const;
    // Blocks (0-based) where every concept's path keeps ≥ 99 % of the units.
    std::vector<std::size_t> wholeNetworkBlocks() const;
    bool hasStability() const { return initializations >= 2; }
};

// Evaluates a run's final paths on the data set's held-out split and stores the metrics in the
// project (metrics table). Needs the run's model (from the zoo, or the TorchScript file imported
// into the project; SHA-256 checked either way).
class RunEvaluation
{
public:
    // `loaded` may be the run's network already in memory (the disentangle job has it), so it is
    // not rebuilt and re-hashed; null loads it (RunContext::loadNetwork).
    // `heldOutPerClass` > 0 evaluates on the first that many held-out images of each class
    // (stored as the metric "held_out_images"); 0 takes them all. `negativesPerConcept` > 0
    // measures each path's specificity and AUROC on a seeded sample of that many other concepts'
    // images (PathEvaluator; stored as "negatives_per_concept"); 0 on all of them;
    // kAutomaticNegatives chooses (automaticNegatives).
    static RunSummary evaluate(ProjectStore& project, std::int64_t runId, const std::string& zooDirectory,
                               BlockNetwork* loaded = nullptr, std::size_t heldOutPerClass = 0,
                               std::size_t negativesPerConcept = kAutomaticNegatives);
    static constexpr std::size_t kAutomaticNegatives = std::size_t(-1);
    // Every path on every held-out image while that is at most kPathImages forward passes (the
    // demo's 10 concepts on all 10,000 Fashion-MNIST test images); beyond, a sample of
    // max(100, kPathImages / paths) other images per concept, so 1,000 ImageNet concepts cost
    // 100,000 forward passes rather than 50 million. 0 means all.
    static std::size_t automaticNegatives(std::size_t paths, std::size_t heldOutImages);
    // A request's count (−1: automatic, 0: all, N) as evaluate() takes it.
    static std::size_t negativesOption(int requested)
    {
        return requested < 0 ? kAutomaticNegatives : std::size_t(requested);
    }
    static constexpr std::size_t kPathImages = 100000;
    // The summary of an evaluated run from the metrics stored in the project (no network, no
    // images): what the figures draw. `runId` 0 takes the latest finished run. Throws
    // InvalidArgument when the run has not been evaluated.
    static RunSummary load(const ProjectStore& project, std::int64_t runId);
};

}  // namespace nad
