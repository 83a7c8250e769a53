#include "SweepCommand.h"

#include "CancelSignal.h"
#include "ProgressBar.h"
#include "TextTable.h"
#include "ZooOption.h"
#include "data/FashionMnist.h"
#include "nad/LambdaSweep.h"
#include "nn/ComputeDevice.h"
#include "zoo/ModelZoo.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>

namespace nad::cli {
namespace {

struct Options
{
    std::string model;
    std::string concepts;
    std::vector<double> lambdas = {0.005, 0.01, 0.02, 0.05, 0.1};
    std::string preset = "paper";
    LearnerOptions learner;
    int imagesPerConcept = 500;
    std::string data = FashionMnist::kDefaultDirectory;
    std::string zoo;
    bool json = false;
};

std::string fixed(double v, int digits = 3)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", digits, v);
    return text;
}

}  // namespace

void addSweepCommand(CLI::App& parent)
{
    auto o = std::make_shared<Options>();
    auto* sweep = parent.add_subcommand(
        "sweep", "Learn paths for a few concepts over a range of λ; report usage against precision and specificity");
    sweep->add_option("--model", o->model, "Zoo model name")->required();
    sweep->add_option("--concepts", o->concepts, "Class names separated by commas")->required();
    sweep->add_option("--lambdas", o->lambdas, "λ values (or β with --preset official)")
        ->delimiter(',')
        ->capture_default_str();
    sweep->add_option("--preset", o->preset, "paper or official")
        ->check(CLI::IsMember({"paper", "official"}))
        ->capture_default_str();
    sweep->add_flag("--scale-free", o->learner.scaleFreeDistance, "Scale-free distance (paper preset)");
    sweep->add_option("--alpha", o->learner.alpha, "Step size")->capture_default_str();
    sweep->add_option("--steps", o->learner.steps, "Steps per λ")->capture_default_str();
    sweep->add_option("--batch", o->learner.batchSize, "Images per concept per step")->capture_default_str();
    sweep->add_option("--seed", o->learner.seed, "Seed")->capture_default_str();
    sweep->add_option("--images-per-concept", o->imagesPerConcept, "Training images per concept (0: all)")
        ->capture_default_str();
    sweep->add_option("--data", o->data, "Fashion-MNIST folder")->capture_default_str();
    addZooOption(*sweep, o->zoo);
    sweep->add_flag("--json", o->json, "Print JSON");
    sweep->callback([o] {
        o->learner.preset = LearnerOptions::presetFromName(o->preset);
        o->learner.validate();
        const ModelZoo zoo(o->zoo);
        const auto entry = zoo.find(o->model);
        if (!entry)
            throw InvalidArgument("model '" + o->model + "' is not in the zoo at '" + zoo.directory() + "'");
        std::vector<int> classes;
        std::stringstream list(o->concepts);
        std::string name;
        while (std::getline(list, name, ',')) {
            const auto it = std::find(entry->classNames.begin(), entry->classNames.end(), name);
            if (it == entry->classNames.end())
                throw InvalidArgument("unknown concept '" + name + "' for model '" + entry->name + "'");
            classes.push_back(int(it - entry->classNames.begin()));
        }
        ComputeDevice::configureThreads();
        auto network = zoo.load(*entry);
        network->to(ComputeDevice::choose());
        const ImageSet train = FashionMnist::load(o->data, Split::Train);
        const ImageSet test = FashionMnist::load(o->data, Split::Test);
        ProgressBar bar(std::cerr, ::isatty(STDERR_FILENO) != 0);
        CancelSignal cancel;
        const std::size_t count = o->lambdas.size();
        const auto points = LambdaSweep::run(
            *network, train, test, entry->normalization, classes, o->lambdas, o->learner, o->imagesPerConcept,
            [&](std::size_t p, int step, int steps) {
                const double done = (double(p) + double(step) / steps) / double(count);
                bar.update(done, 0, "lambda " + fixed(o->lambdas[p], 4) + " step " + std::to_string(step));
            },
            &cancel.flag());
        bar.finish();
        if (points.size() < count)
            throw CancelledError("sweep cancelled after " + std::to_string(points.size()) + " of " +
                                 std::to_string(count) + " values");
        const int best = LambdaSweep::recommended(points);
        if (o->json) {
            nlohmann::ordered_json j = nlohmann::ordered_json::array();
            for (const auto& p : points)
                j.push_back({{"lambda", p.lambda},
                             {"usage", p.usage},
                             {"path_precision", p.pathPrecision},
                             {"original_precision", p.originalPrecision},
                             {"path_specificity", p.pathSpecificity},
                             {"original_specificity", p.originalSpecificity},
                             {"degenerate", p.degenerate},
                             {"faithful", p.faithful},
                             {"specific", p.specific},
                             {"seconds", p.seconds}});
            std::cout << j.dump(2) << '\n';
            return;
        }
        std::cout << "Sweep on " << entry->name << " (" << o->preset
                  << (o->learner.scaleFreeDistance ? ", scale-free" : "") << ", " << o->learner.steps
                  << " steps), concepts " << o->concepts << ":\n";
        TextTable table(
            {"lambda", "usage", "precision", "original", "specificity", "original", "degenerate", "verdict"});
        for (std::size_t i = 0; i < points.size(); ++i) {
            const auto& p = points[i];
            std::string verdict = p.faithful && p.specific ? "faithful, specific"
                                  : p.faithful             ? "not specific"
                                                           : "not faithful";
            if (int(i) == best)
                verdict += "  <- sparsest good";
            table.addRow({fixed(p.lambda, 4), fixed(p.usage), fixed(p.pathPrecision), fixed(p.originalPrecision),
                          fixed(p.pathSpecificity), fixed(p.originalSpecificity), std::to_string(p.degenerate),
                          verdict});
        }
        table.print(std::cout);
    });
}

}  // namespace nad::cli
