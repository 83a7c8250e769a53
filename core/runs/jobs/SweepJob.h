#pragma once

#include "analysis/SweepPoint.h"
#include "nad/LambdaSweep.h"
#include "nad/LearnerOptions.h"

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace nad {

// A λ sweep as a user asks for it, from the CLI (`nad sweep`) or the studio (Paths › Frontier).
struct SweepRequest
{
    // With a project: a model imported into it (or a zoo model) on the project's own training
    // images, and the sweep is stored there. Without: a zoo model on Fashion-MNIST in `dataPath`.
    std::string projectPath;
    std::string dataPath;
    std::string zooDirectory;
    std::string model;
    std::vector<std::string> concepts;  // class names
    std::vector<double> lambdas;
    LearnerOptions learner;  // λ is each point's; `initializations` are averaged per point
    SweepImages images;
    std::string label;  // the stored sweep's name in legends; empty: from the objective (labelOf)
};

struct SweepOutcome
{
    std::string modelName;
    std::vector<SweepPoint> points;    // fewer than the λ asked for when cancelled
    std::size_t trainingImages = 0;    // the images the split was carved from
    std::size_t validationImages = 0;  // the images every point is measured on
    std::int64_t sweepId = 0;          // the stored sweep (0: not stored)
};

// Runs a sweep end to end: resolves the model and its training images, learns and measures
// every λ (LambdaSweep), and stores the finished sweep in the project when there is one (a
// cancelled sweep is not stored: a frontier with missing points would mislead).
class SweepJob
{
public:
    using Progress = LambdaSweep::ProgressCallback;
    // Throws InvalidArgument for an unknown model or concept, or an empty list of λ.
    static SweepOutcome run(const SweepRequest& request, const Progress& progress = {},
                            const std::atomic<bool>* cancel = nullptr);

    // What a sweep's legend calls it: "paper", "specific", "official", or the objective's
    // summary without "paper: " for any other mix.
    static std::string labelOf(const LearnerOptions& learner);
    // Everything a sweep ran with, as stored with it (JSON), so it can be repeated.
    static std::string settingsJson(const SweepRequest& request);
};

}  // namespace nad
