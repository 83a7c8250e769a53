#pragma once

#include "nad/LearnerOptions.h"
#include "nad/PathObjective.h"
#include "nad/StepBatches.h"
#include "nn/BlockNetwork.h"

#include <atomic>
#include <functional>
#include <vector>

namespace nad {

// A learned concept feature path: the soft mask logits s_i per block and, from them, the
// binary path p_i[t] = 1 iff σ(s_i[t]) > 0.5 (Eq. 9).
struct LearnedPath
{
    std::int64_t classIndex = 0;
    int initialization = 0;
    int steps = 0;                                  // steps taken (fewer with early stop)
    std::vector<torch::Tensor> logits;              // s_i, CPU float [C_i]
    std::vector<std::vector<std::uint8_t>> binary;  // p_i, one 0/1 per channel

    double usage() const;                       // share of all channels that are on
    double meanBlockUsage() const;              // mean over blocks of each block's share on (the paper's Fig. 4)
    std::vector<double> usagePerBlock() const;  // each block's share of channels on
};

struct LearnerProgress
{
    int step = 0;
    int steps = 0;
    std::vector<std::int64_t> classIndices;
    std::vector<double> distanceLoss;  // per concept: L_dif (paper) or the masked-vs-original term (official)
    std::vector<double> sparsityLoss;  // per concept: L_reg (paper) or the penalty (official), before λ/β
    std::vector<double> negativeLoss;  // per concept: the weighted negative-aware terms (0 when off)
    std::vector<double> usage;         // per concept: share of channels with σ(s) > 0.5
};

// Where an interrupted learning pass resumes: the step reached and the soft mask logits of
// every concept (same order as the concepts given to learn), per block.
struct LearnerResume
{
    int step = 0;
    std::vector<std::vector<torch::Tensor>> logits;
};

// Algorithm 1: learns one concept feature path per concept by gradient steps on the soft masks
// of a frozen network. Several concepts are learned in one batched pass — each sample is
// multiplied by its own concept's masks and every concept's loss depends only on its own
// masks — which gives the same paths as learning them one by one. The loss is PathObjective's,
// the batches StepBatches', the stopping rule ConvergenceTracker's.
class PathLearner
{
public:
    using ProgressCallback = std::function<void(const LearnerProgress&)>;
    // Receives the current paths (steps = the step reached) every `checkpointEvery` steps.
    using CheckpointCallback = std::function<void(const std::vector<LearnedPath>&)>;

    PathLearner(BlockNetwork& network, LearnerOptions options);

    // One path per concept for initialization `initialization` (its seed is derived from the
    // options' seed, the concept's class index and the initialization). Returns the paths
    // learned so far when cancelled (check `steps`). With `resume`, continues from a checkpoint
    // exactly as if never interrupted (the image order is replayed up to the step reached).
    std::vector<LearnedPath> learn(const std::vector<ConceptImages>& concepts, int initialization,
                                   const ProgressCallback& progress = {}, const std::atomic<bool>* cancel = nullptr,
                                   const LearnerResume* resume = nullptr, const CheckpointCallback& checkpoint = {},
                                   int checkpointEvery = 0);

    // The initial soft mask logits s_i ~ N(0, 1) of one concept and initialization.
    std::vector<torch::Tensor> initialLogits(std::int64_t classIndex, int initialization) const;

    // Other classes' training images for the negative-aware terms (LearnerOptions::negatives);
    // learn() throws when a term is on and no pool was given.
    void setNegatives(NegativeImages negatives) { m_negatives = std::move(negatives); }

    // The loss of one step (PathObjective with this learner's options).
    LossTerms loss(const std::vector<torch::Tensor>& maskLogits, const LossBatch& batch) const
    {
        return PathObjective(m_network, m_options).evaluate(maskLogits, batch);
    }

    // Bytes of the frozen network's block outputs and logits for one image of `sampleShape`.
    std::int64_t originalBytesPerImage(const torch::Tensor& sampleImage);

    // Eq. 8: s_i ← s_i − α g_i / ||g_i||₂, per block and per concept row.
    static void normalizedStep(std::vector<torch::Tensor>& maskLogits, double alpha, const std::vector<bool>& active);

    static std::vector<std::vector<std::uint8_t>> binarize(const std::vector<torch::Tensor>& logits);

private:
    BlockNetwork& m_network;
    LearnerOptions m_options;
    NegativeImages m_negatives;
    FrozenOutputsCache m_frozenOutputs;  // reused by the next initialization of the same concepts
};

}  // namespace nad
