#include "MergeCommand.h"

#include "EvaluationOptions.h"
#include "ProgressBar.h"
#include "RunReport.h"
#include "ZooOption.h"
#include "nad/ShardMerge.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace nad::cli {

void addMergeCommand(CLI::App& parent)
{
    auto request = std::make_shared<ShardMergeRequest>();
    auto* merge = parent.add_subcommand(
        "merge", "Combine the shard projects of `nad disentangle --shard i/N` into one new project holding one "
                 "evaluated run (refuses shards that disagree; OUT appears only when all went well)");
    merge->add_option("OUT", request->outPath, "The merged project (must not exist)")->required();
    merge->add_option("IN", request->inputs, "The shard projects, all N of them, in any order")->required();
    addZooOption(*merge, request->zooDirectory);
    merge
        ->add_option("--eval-images-per-concept", request->evaluationImagesPerConcept,
                     "Held-out images per concept for the evaluation (0: all; default: what the shards were given)")
        ->check(CLI::NonNegativeNumber);
    addNegativesPerConceptOption(*merge, request->evaluationNegativesPerConcept);
    merge->callback([request] {
        const ShardMergeResult result = ShardMerge::merge(*request);
        std::cout << "Merged " << result.shards << " shard(s) into '" << request->outPath << "' (run " << result.runId
                  << "): " << result.paths << " path(s) of " << result.concepts.size() << " concept(s), evaluated, in "
                  << ProgressBar::formatDuration(result.seconds) << "\n";
        RunReport::print(std::cout, result.summary);
    });
}

}  // namespace nad::cli
