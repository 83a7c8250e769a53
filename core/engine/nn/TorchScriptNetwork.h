#pragma once

#include "nn/BlockNetwork.h"
#include "nn/ImportSpec.h"

#include <torch/script.h>

namespace nad {

// A user's model exported with torch.jit.script/trace, cut into blocks by an ImportSpec.
// Loading runs one dummy batch through the blocks to learn their channel counts and to
// prove they chain; every failure names the file, block and submodule at fault.
class TorchScriptNetwork : public BlockNetwork
{
public:
    TorchScriptNetwork(const std::string& path, const ImportSpec& spec);
    std::string family() const override { return m_spec.preset.empty() ? "torchscript" : m_spec.preset; }
    torch::nn::Module& module() override;  // throws: an imported model is a script module
    const ImportSpec& spec() const { return m_spec; }
    torch::jit::Module& scriptModule() { return m_model; }

    void setTrainable(bool trainable) override;
    bool isTraining() override;
    void to(const torch::Device& device) override;
    std::vector<torch::Tensor> parameters() override;

protected:
    torch::Tensor runBlock(std::size_t index, const torch::Tensor& input,
                           const std::vector<torch::Tensor>& history) override;
    torch::Tensor runClassifier(const torch::Tensor& lastBlockOutput) override;

private:
    struct Step
    {
        std::string text;
        torch::jit::Module module;  // valid when !isOperation
        bool isOperation = false;
    };
    torch::Tensor runSteps(std::vector<Step>& steps, torch::Tensor x);
    std::vector<Step> resolve(const std::vector<ImportStep>& steps, const std::string& where);

    std::string m_path;
    ImportSpec m_spec;
    torch::jit::Module m_model;
    std::vector<std::vector<Step>> m_blockSteps;
    std::vector<Step> m_classifierSteps;
};

}  // namespace nad
