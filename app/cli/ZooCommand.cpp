#include "ZooCommand.h"

#include "CancelSignal.h"
#include "ProgressBar.h"
#include "TextTable.h"
#include "ZooOption.h"
#include "data/FashionMnist.h"
#include "nn/ComputeDevice.h"
#include "nn/NetworkFactory.h"
#include "zoo/ModelZoo.h"
#include "zoo/ReferenceZoo.h"

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>

namespace nad::cli {
namespace {

std::string percent(double fraction)
{
    char text[16];
    std::snprintf(text, sizeof text, "%.2f%%", 100.0 * fraction);
    return text;
}

}  // namespace

void addZooCommand(CLI::App& parent)
{
    auto* zoo = parent.add_subcommand("zoo", "Train and list the built-in models (Fashion-MNIST)");
    zoo->require_subcommand(1);

    struct TrainOptions
    {
        std::string family;
        int epochs = 0;
        std::int64_t width = 0;
        std::uint64_t seed = 1;
        int batch = 128;
        double learningRate = 0.1;
        bool force = false;
        std::string data = FashionMnist::kDefaultDirectory;
        std::string directory;
    };
    auto options = std::make_shared<TrainOptions>();
    auto* train = zoo->add_subcommand("train", "Train one family on Fashion-MNIST and store it in the zoo "
                                               "(reuses a stored model with the same family, width and seed)");
    train->add_option("--arch", options->family, "Architecture family")
        ->required()
        ->check(CLI::IsMember(NetworkFactory::families()));
    train->add_option("--epochs", options->epochs, "Epochs (default: the family's, measured to reach 92 %)");
    train->add_option("--width", options->width, "Width of the first stage (default: the family's)");
    train->add_option("--seed", options->seed, "Seed of the initialization and the data order")->capture_default_str();
    train->add_option("--batch", options->batch, "Batch size")->capture_default_str();
    train->add_option("--lr", options->learningRate, "Peak learning rate of the one-cycle schedule")
        ->capture_default_str();
    train->add_flag("--force", options->force, "Train again even when the zoo has this model");
    train->add_option("--data", options->data, "Fashion-MNIST folder")->capture_default_str();
    addZooOption(*train, options->directory);
    train->callback([options] {
        const ModelZoo zoo(options->directory);
        ZooTrainRequest request;
        request.family = options->family;
        request.width = options->width > 0 ? options->width : NetworkFactory::defaultWidth(options->family);
        request.training.epochs = options->epochs;
        request.training.seed = options->seed;
        request.training.batchSize = options->batch;
        request.training.maxLearningRate = options->learningRate;
        request.datasetDirectory = options->data;
        const std::string name = ModelZoo::entryName(request.family, request.width, request.training.seed);
        if (!options->force) {
            if (auto existing = zoo.find(name)) {
                std::cout << "Reusing " << existing->name << ": test accuracy " << percent(existing->testAccuracy)
                          << " (" << existing->weightsPath << "; --force trains again)\n";
                return;
            }
        }
        ComputeDevice::configureProcess();
        std::cerr << "Training " << name << " on " << ComputeDevice::describe(ComputeDevice::choose())
                  << " (Ctrl-C cancels; nothing is written until training ends)\n";
        ProgressBar bar(std::cerr, ::isatty(STDERR_FILENO) != 0);
        CancelSignal cancel;
        const auto entry = zoo.train(
            request,
            [&bar](const TrainingProgress& p) {
                char status[96];
                std::snprintf(status, sizeof status, "epoch %d/%d  loss %.4f  %s elapsed", p.epoch, p.epochs, p.loss,
                              ProgressBar::formatDuration(p.elapsedSeconds).c_str());
                bar.update(double(p.step) / double(p.steps), p.etaSeconds, status, p.step == p.steps);
            },
            &cancel.flag());
        bar.finish();
        if (!entry)
            throw CancelledError("training cancelled; the zoo is unchanged");
        std::cout << "Trained " << entry->name << ": test accuracy " << percent(entry->testAccuracy) << " after "
                  << entry->training.epochs << " epoch(s), " << ProgressBar::formatDuration(entry->trainingSeconds)
                  << " of training, " << entry->parameters << " parameters\n"
                  << "Stored " << entry->weightsPath << " (SHA-256 " << entry->sha256 << ")\n";
    });

    struct ListOptions
    {
        std::string directory;
    };
    auto list = std::make_shared<ListOptions>();
    auto* listCommand = zoo->add_subcommand("list", "List the models in the zoo");
    addZooOption(*listCommand, list->directory);
    listCommand->callback([list] {
        const ModelZoo zoo(list->directory);
        const auto entries = zoo.list();
        if (entries.empty()) {
            std::cout << "The zoo at " << zoo.directory()
                      << " is empty; train a model with `nad zoo train --arch vgg` (`nad demo` installs the shipped "
                         "ones).\n";
        } else {
            std::cout << "Zoo: " << zoo.directory() << "\n";
            TextTable table(
                {"name", "family", "blocks", "parameters", "epochs", "train time", "test accuracy", "sha256"});
            for (const auto& e : entries)
                table.addRow({e.name, e.family, std::to_string(e.blocks.size()), std::to_string(e.parameters),
                              std::to_string(e.training.epochs), ProgressBar::formatDuration(e.trainingSeconds),
                              percent(e.testAccuracy), e.sha256.substr(0, 12)});
            table.print(std::cout);
        }
        const std::string shipped = ReferenceZoo::directory();
        std::cout << "Shipped with NAD Studio: "
                  << (shipped.empty() ? std::string("none found (set NAD_REFERENCE_ZOO)")
                                      : shipped + " (" + std::to_string(ModelZoo(shipped).list().size()) + " models)")
                  << "\n";
    });
}

}  // namespace nad::cli
