#pragma once

#include "nad/LearnerOptions.h"
#include "nad/ShardSpec.h"

#include <string>
#include <vector>

namespace nad {

// What `nad disentangle` and the studio's training panel ask DisentangleJob to do.
struct DisentangleRequest
{
    std::string projectPath;
    std::string modelName;              // a zoo entry (e.g. "vgg-w16-s1") or a model imported into the project
    std::string zooDirectory;           // where zoo entries live
    std::vector<std::string> concepts;  // class names; empty = all
    LearnerOptions options;
    bool lambdaGiven = true;             // false: use the model family's default λ (LearnerOptions::defaultLambda)
    int imagesPerConcept = 0;            // training images per concept (seeded sample); 0 = all
    int conceptsPerPass = 10;            // concepts learned together in one batched pass
    int checkpointEvery = 50;            // steps between checkpoints written to the project
    int evaluationImagesPerConcept = 0;  // held-out images per class for the final evaluation; 0 = all
    // Other concepts' held-out images each path's specificity is measured on (a seeded sample);
    // 0 = all of them, -1 = RunEvaluation::automaticNegatives.
    int evaluationNegativesPerConcept = -1;
    int historyEvery = 10;  // steps between recorded loss/usage points (training curves)
    // Budget for an ImageFolder's decoded training images (TrainingImages); 0 = a quarter of the
    // machine's memory. Does not change the result, so the run does not store it.
    std::size_t memoryBytes = 0;
    // With a shard i/N: learns only that share of the concepts (ShardSpec) and records it in the
    // run's hyperparameters; the run is not evaluated (similarity and interpretability need
    // every concept), `nad merge` evaluates the merged run.
    ShardSpec shard;

    // Throws InvalidArgument naming the first value out of range.
    void validate() const;
};

}  // namespace nad
