#include "ModelCommand.h"

#include "Errors.h"
#include "TextTable.h"
#include "nn/ImportSpecFile.h"
#include "nn/TorchScriptNetwork.h"
#include "store/Sha256.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace nad::cli {

void addModelCommand(CLI::App& parent)
{
    auto* model = parent.add_subcommand("model", "Inspect imported TorchScript models");
    model->require_subcommand(1);

    struct Options
    {
        std::string file;
        std::string preset;
        std::string spec;
        std::int64_t inputSize = 0;
    };
    auto options = std::make_shared<Options>();
    auto* inspect = model->add_subcommand(
        "inspect", "Load a torch.jit.save'd model through a block spec and list its blocks with channel counts");
    inspect->add_option("FILE", options->file, "TorchScript model file")->required();
    auto* preset = inspect->add_option("--preset", options->preset, "Built-in spec for a torchvision architecture")
                       ->check(CLI::IsMember(ImportSpecFile::presetNames()));
    auto* spec = inspect->add_option("--spec", options->spec, "Block spec JSON file");
    preset->excludes(spec);
    inspect->add_option("--input-size", options->inputSize, "Input size in pixels (default: the spec's)");
    inspect->callback([options] {
        if (options->preset.empty() && options->spec.empty())
            throw CLI::RequiredError("--preset or --spec");
        ImportSpec importSpec = options->spec.empty() ? ImportSpecFile::preset(options->preset)
                                                      : ImportSpecFile::fromJsonFile(options->spec);
        if (options->inputSize > 0)
            importSpec.inputSize = options->inputSize;
        TorchScriptNetwork network(options->file, importSpec);
        std::cout << "Model:   " << options->file << '\n'
                  << "SHA-256: " << Sha256::ofFile(options->file) << '\n'
                  << "Spec:    " << (options->spec.empty() ? "preset " + options->preset : options->spec) << ", input "
                  << importSpec.inputChannels << "x" << importSpec.inputSize << "x" << importSpec.inputSize << '\n'
                  << "Classes: " << network.spec().classNames.size() << ", parameters: " << network.parameterCount()
                  << "\n\n"
                  << network.blockCount() << " blocks:\n";
        TextTable table({"#", "block", "channels", "steps"});
        for (std::size_t i = 0; i < network.blockCount(); ++i) {
            std::string steps;
            for (const auto& step : importSpec.blocks[i].steps)
                steps += (steps.empty() ? "" : " ") + step.text;
            table.addRow(
                {std::to_string(i), network.blocks()[i].name, std::to_string(network.blocks()[i].channels), steps});
        }
        table.print(std::cout);
    });
}

}  // namespace nad::cli
