#pragma once

#include <cstdint>
#include <string>

namespace nad {

// Which loss Algorithm 1 minimises.
//  Paper (default): L = mean_b Σ_{i=0..n} ||o_i − m_i||₂ + λ Σ_{i<n} ||σ(s_i)||₁  (Eq. 4, 6, 7).
//  Official: the authors' public code — [CE(m_n, y) + Σ_i MSE(m_i, o_i)] over the samples the
//  frozen network classifies correctly, divided by the number of masks, plus
//  β · mean_i mean(σ(s_i)²).
enum class LearnerPreset { Paper, Official };

struct LearnerOptions
{
    LearnerPreset preset = LearnerPreset::Paper;
    // Step size of the normalized update (Eq. 8) and the step budget. Each step moves a block's
    // mask logits by exactly α (L2), so the travel α × steps decides where the binary path lands:
    // on the four zoo models α = 1 for 100 steps gives the paths of α = 0.1 for 1,000 steps
    // (README, "Defaults per family") in a tenth of the time. The paper used α = 0.1 on VGG16.
    double alpha = 1.0;
    double lambda = 0.05;            // λ (paper) or β (official)
    bool scaleFreeDistance = false;  // paper preset only: each block's distance / ||o_i||
    int batchSize = 16;              // images per concept per step
    int steps = 100;                 // step budget per concept
    int earlyStopWindow = 0;         // stop when the binary path is unchanged for this many steps (0: off)
    int initializations = 1;         // independent runs per concept, seeds seed, seed+1, ...
    // Memory for the frozen network's outputs on the concepts' images, computed once instead of
    // once per step (a step then costs a masked forward and its backward only). 0 disables.
    std::int64_t originalsCacheMiB = 2048;
    std::uint64_t seed = 1;

    // Throws InvalidArgument naming the field when a value is out of range.
    void validate() const;
    // λ (β) each built-in family uses when the user gives none: the sparsest setting whose paths
    // stayed faithful and specific in `nad sweep` on the zoo model (README, "Defaults").
    static double defaultLambda(const std::string& family, LearnerPreset preset);
    static std::string presetName(LearnerPreset preset);
    static LearnerPreset presetFromName(const std::string& name);
};

}  // namespace nad
