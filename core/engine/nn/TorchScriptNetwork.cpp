#include "nn/TorchScriptNetwork.h"

#include "Errors.h"

#include <sstream>

namespace nad {
namespace {

std::vector<std::string> splitPath(const std::string& path)
{
    std::vector<std::string> parts;
    std::stringstream stream(path);
    std::string part;
    while (std::getline(stream, part, '.'))
        parts.push_back(part);
    return parts;
}

// TorchScript interpreter errors carry a Python-style traceback; the last line says what failed.
std::string lastLine(const std::string& text)
{
    std::size_t end = text.find_last_not_of(" \n");
    if (end == std::string::npos)
        return text;
    const std::size_t start = text.rfind('\n', end);
    return text.substr(start == std::string::npos ? 0 : start + 1,
                       end + 1 - (start == std::string::npos ? 0 : start + 1));
}

std::string reason(const std::exception& e)
{
    if (const auto* c10 = dynamic_cast<const c10::Error*>(&e))
        return lastLine(c10->what_without_backtrace());
    return lastLine(e.what());
}

std::string describeShape(const torch::Tensor& t)
{
    std::ostringstream s;
    s << t.sizes();
    return s.str();
}

}  // namespace

TorchScriptNetwork::TorchScriptNetwork(const std::string& path, const ImportSpec& spec) : m_path(path), m_spec(spec)
{
    m_spec.validate();
    try {
        m_model = torch::jit::load(path, torch::kCPU);
    } catch (const std::exception& e) {
        throw Error("'" + path + "' is not a TorchScript model (torch.jit.save file): " + reason(e));
    }
    for (const auto& block : m_spec.blocks)
        m_blockSteps.push_back(resolve(block.steps, "block '" + block.name + "'"));
    m_classifierSteps = resolve(m_spec.classifier, "the classifier");
    setTrainable(false);

    // One dummy image through every block: learns the channel counts and proves the blocks chain.
    torch::NoGradGuard noGrad;
    torch::Tensor x = torch::zeros({1, m_spec.inputChannels, m_spec.inputSize, m_spec.inputSize});
    for (std::size_t i = 0; i < m_blockSteps.size(); ++i) {
        try {
            x = runSteps(m_blockSteps[i], x);
        } catch (const std::exception& e) {
            throw Error("model '" + path + "': block '" + m_spec.blocks[i].name + "' does not accept the output of " +
                        (i == 0 ? std::string("the input") : "block '" + m_spec.blocks[i - 1].name + "'") + " (shape " +
                        describeShape(x) + "): " + reason(e));
        }
        if (x.dim() != 4)
            throw Error("model '" + path + "': block '" + m_spec.blocks[i].name + "' outputs shape " +
                        describeShape(x) + "; a block must output feature maps [N, C, H, W]");
        m_blocks.push_back({m_spec.blocks[i].name, x.size(1)});
    }
    torch::Tensor logits;
    try {
        logits = runSteps(m_classifierSteps, x);
    } catch (const std::exception& e) {
        throw Error("model '" + path + "': the classifier does not accept the output of block '" +
                    m_spec.blocks.back().name + "' (shape " + describeShape(x) + "): " + reason(e));
    }
    if (logits.dim() != 2)
        throw Error("model '" + path + "': the classifier outputs shape " + describeShape(logits) +
                    "; expected logits [N, classes]");
    if (m_spec.classNames.empty()) {
        for (std::int64_t c = 0; c < logits.size(1); ++c)
            m_spec.classNames.push_back("class " + std::to_string(c));
    } else if (std::int64_t(m_spec.classNames.size()) != logits.size(1)) {
        throw Error("model '" + path + "' outputs " + std::to_string(logits.size(1)) + " classes but the spec names " +
                    std::to_string(m_spec.classNames.size()));
    }
}

std::vector<TorchScriptNetwork::Step> TorchScriptNetwork::resolve(const std::vector<ImportStep>& steps,
                                                                  const std::string& where)
{
    std::vector<Step> resolved;
    for (const auto& step : steps) {
        Step s;
        s.text = step.text;
        s.isOperation = step.isOperation();
        if (!s.isOperation) {
            torch::jit::Module current = m_model;
            std::string walked;
            for (const auto& part : splitPath(step.text)) {
                walked += (walked.empty() ? "" : ".") + part;
                if (!current.hasattr(part) || !current.attr(part).isModule())
                    throw Error("model '" + m_path + "' has no submodule '" + walked + "' (needed by " + where +
                                ", step '" + step.text + "')");
                current = current.attr(part).toModule();
            }
            if (!current.find_method("forward"))
                throw Error("model '" + m_path + "': submodule '" + step.text + "' (in " + where +
                            ") has no compiled forward(); script or trace the whole model");
            s.module = current;
        }
        resolved.push_back(std::move(s));
    }
    return resolved;
}

torch::Tensor TorchScriptNetwork::runSteps(std::vector<Step>& steps, torch::Tensor x)
{
    for (auto& step : steps) {
        if (!step.isOperation)
            x = step.module.forward({x}).toTensor();
        else if (step.text == "@relu")
            x = torch::relu(x);
        else if (step.text == "@flatten")
            x = x.flatten(1);
        else if (step.text == "@adaptive_avg_pool")
            x = torch::adaptive_avg_pool2d(x, {1, 1});
    }
    return x;
}

torch::Tensor TorchScriptNetwork::runBlock(std::size_t index, const torch::Tensor& input,
                                           const std::vector<torch::Tensor>& history)
{
    return runSteps(m_blockSteps[index], index == 0 ? input : history.back());
}

torch::Tensor TorchScriptNetwork::runClassifier(const torch::Tensor& lastBlockOutput)
{
    return runSteps(m_classifierSteps, lastBlockOutput);
}

torch::nn::Module& TorchScriptNetwork::module()
{
    throw Error("model '" + m_path + "' is an imported TorchScript model; it cannot be trained or saved by the zoo");
}

void TorchScriptNetwork::setTrainable(bool trainable)
{
    m_model.train(trainable);
    for (auto parameter : m_model.parameters())
        parameter.set_requires_grad(trainable);
}

bool TorchScriptNetwork::isTraining()
{
    return m_model.is_training();
}

void TorchScriptNetwork::to(const torch::Device& device)
{
    m_model.to(device);
}

std::vector<torch::Tensor> TorchScriptNetwork::parameters()
{
    std::vector<torch::Tensor> all;
    for (const auto& parameter : m_model.parameters())
        all.push_back(parameter);
    return all;
}

}  // namespace nad
