#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace nad {

// Which loss Algorithm 1 minimises.
//  Paper (default): L = mean_b Σ_{i=0..n} ||o_i − m_i||₂ + λ Σ_{i<n} ||σ(s_i)||₁  (Eq. 4, 6, 7).
//  Official: the authors' public code (findpath.py): [CE(m_n, y) over every sample of the batch +
//  Σ_i MSE(m_i, o_i) over the samples the frozen network classifies correctly], divided by the
//  number of masks, plus β · mean_i mean(σ(s_i)²); a batch with no correct sample is skipped
//  (no update), and the budget is a number of epochs over the concept's training images.
enum class LearnerPreset { Paper, Official };

// How the paper preset measures the distance between the original and the masked outputs of a
// block (and the logits), per sample, summed over blocks:
//  Norm (Eq. 4): ||o_i − m_i||₂.  ScaleFree: ||o_i − m_i||₂ / ||o_i||₂.
//  RelativeSquared: ||o_i − m_i||₂² / ||o_i||₂², the share of the block's energy the path removes
//  (as the authors' MSE, but scale-free). The unsquared norm makes removing a share f of a
//  block's energy cost √f — concave, so per block "keep all" or "drop all" is always cheapest
//  per unit and paths jump from dense to dead as λ grows; the squared share costs f.
//  Distillation: KL(softmax o_n ‖ softmax m_n) of the logits only, as CDRP's distillation loss
//  (Wang et al., CVPR 2018): the path must answer as the network does, whatever its inner maps.
enum class PathDistance { Norm, ScaleFree, RelativeSquared, Distillation };

// How the paper preset measures a path's size: Sum (Eq. 6): Σ_i Σ_t σ(s_i[t]), so a block's
// price per unit is λ whatever its width; BlockMean: Σ_i mean_t σ(s_i[t]), so dropping a whole
// block's units is worth λ in every block (per-block balance, as Fig. 4's per-block usage).
enum class PathSparsity { Sum, BlockMean };

// Terms on other concepts' images ("negatives"), each with its weight (0: off). Computed on the
// path's logits z for negatives drawn from a pool of training images of other classes (z° the
// frozen network's logits, c the path's concept):
//  margin:    mean ReLU(z_c − max_{k≠c} z_k + 1)       — the path must not answer c;
//  hinge:     mean ReLU(z_c − z°_c)                    — nor raise c's logit above the original's;
//  kl:        mean KL(softmax z° ‖ softmax z)          — nor change what the network says there;
//  oneVsRest: mean −log p_c on the concept's images + mean −log(1 − p_c) on negatives (p = softmax z).
// The paper's objective looks only at the concept's own images, so nothing in it asks a path to
// stay silent on other concepts: as λ grows, paths that answer c for everything score best.
struct NegativeTerms
{
    double margin = 0;
    double hinge = 0;
    double kl = 0;
    double oneVsRest = 0;
    bool any() const { return margin > 0 || hinge > 0 || kl > 0 || oneVsRest > 0; }
};

struct LearnerOptions
{
    LearnerPreset preset = LearnerPreset::Paper;
    // Step size of the normalized update (Eq. 8). Each step moves a block's mask logits by
    // exactly α (L2). The paper's preset takes α = 1 and runs to convergence; the authors' code
    // takes lr = 0.1 for 21 epochs (officialDefaults).
    double alpha = 1.0;
    // A decaying step size: with τ = alphaDecaySteps > 0, step t (from 0) moves the logits by
    // α·τ / (τ + t), so α halves after τ steps. The step sizes sum to infinity (a mask can still
    // travel anywhere) but their squares do not (Robbins–Monro), so a unit whose gradient's sign
    // flips from batch to batch settles on one side of the threshold instead of oscillating
    // around it for ever, as it does under a constant α with the terms on negatives. 0: the
    // paper's constant α.
    int alphaDecaySteps = 0;
    double lambda = 0.05;                        // λ (paper) or β (official)
    PathDistance distance = PathDistance::Norm;  // paper preset only
    PathSparsity sparsity = PathSparsity::Sum;   // paper preset only
    NegativeTerms negatives;                     // either preset; all off by default (the paper's)
    // Training images of other classes the negatives are drawn from, spread evenly over the
    // classes (a run's job draws them; unused while every negative term is off).
    int negativePool = 1000;
    int batchSize = 16;  // images per concept per step
    // The budget. With `epochs` > 0 each concept takes epochs × ⌈N_c / batch⌉ steps (N_c its
    // training images), as the authors' code does; otherwise it runs until its binary path has
    // converged (below), at most `steps` steps.
    int steps = 400;
    int epochs = 0;
    // Convergence: every `convergenceWindow` steps, after at least `minSteps`, a concept stops
    // when its binary path differs from the one a window earlier in at most
    // `convergenceTolerance` of its units (0.001: one unit in a thousand). Window 0: off.
    int convergenceWindow = 10;
    double convergenceTolerance = 0.001;
    int minSteps = 50;
    // Read the path off the mean of the mask logits over the last convergence window instead of
    // the last step's (Polyak–Ruppert averaging, WindowAveragedPaths), and compare those means
    // for convergence. Needs a window. Off: the paper's last iterate.
    bool averagedPaths = false;
    int initializations = 3;  // independent runs per concept, seeds seed, seed+1, ...
    // Memory for the frozen network's outputs on the concepts' images, computed once instead of
    // once per step (a step then costs a masked forward and its backward only). 0 disables.
    std::int64_t originalsCacheMiB = 2048;
    std::uint64_t seed = 1;

    // The authors' setting for the official preset: lr 0.1, 21 epochs, no convergence stop.
    static LearnerOptions officialDefaults();
    // The steps concept c takes with `imageCount` training images: the epoch budget, or the
    // maximum `steps` (convergence may stop it earlier).
    int budgetFor(std::int64_t imageCount) const;
    // The step size of step `step` (0-based): α, or α·τ / (τ + step) with a decay.
    double alphaAt(int step) const;

    // Throws InvalidArgument naming the field when a value is out of range.
    void validate() const;
    // λ (β) each built-in family uses when the user gives none. Paper preset: the sparsest
    // setting whose paths stayed faithful and specific in `nad sweep` on the zoo model, measured
    // on a validation split of the training images (README, "Defaults per family"). Official preset: the authors'
    // ImageNet β per family (findpath.py's table: VGG 4.5, ResNet 0.02, DenseNet 0.02, DARTS 0.45; 0.05, their default,
    // for any other).
    static double defaultLambda(const std::string& family, LearnerPreset preset);
    // The same for the objective `options` describe: the official table, the specific
    // objective's own λ per family (measured with `nad sweep`, README "Sparse and specific
    // paths"), or the paper's.
    static double defaultLambda(const std::string& family, const LearnerOptions& options);

    // The "specific" objective (issue 15's sparse and specific paths): the paper preset with the
    // relative-squared distance, block-mean sparsity, a margin and a one-vs-rest loss on other
    // concepts' images (weights in LearnerOptions.cpp, from `nad sweep`), and its convergence
    // rule: averaged paths compared over windows of 25 steps, converged when at most 1.5 % of the
    // units changed, from step 100 on (the objective's noise floor; README, "Convergence of the
    // specific objective"). Sets only those fields.
    void useSpecificObjective();
    bool usesSpecificObjective() const;
    // Back to the paper's Eq. 4-9: the fields useSpecificObjective sets, at their defaults.
    void usePaperObjective();
    // The λ grid `nad sweep` and the studio's sweep offer for this objective, the one the README's
    // frontiers were measured on: the paper's objective thins out between λ 0.005 and 0.1, the
    // specific one between 0.2 and 1.2.
    std::vector<double> sweepLambdas() const;

    // Whether `family` is one of the built-in families with a λ of its own. Any other model
    // (an imported spec) gets a general fallback, to be replaced by one `nad sweep` chooses on
    // a validation split.
    static bool hasTunedLambda(const std::string& family);
    static std::string presetName(LearnerPreset preset);
    static LearnerPreset presetFromName(const std::string& name);
    static std::string distanceName(PathDistance distance);  // norm, scale-free, relative-squared
    static PathDistance distanceFromName(const std::string& name);
    static std::string sparsityName(PathSparsity sparsity);  // sum, block-mean
    static PathSparsity sparsityFromName(const std::string& name);
    // The paper preset's objective in a few words: "paper (Eq. 4-9)" when it is the paper's,
    // else the distance, sparsity and negative terms that differ ("relative-squared, block-mean,
    // margin 1").
    std::string objectiveSummary() const;
};

}  // namespace nad
