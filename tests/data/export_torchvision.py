"""Exports torchvision models (random weights) to TorchScript for the import tests, with
reference outputs computed by Python's own submodule-by-submodule forward.

usage: export_torchvision.py OUT_DIR INPUT_SIZE [MODEL ...]
Writes OUT_DIR/<model>.pt (the scripted model) and OUT_DIR/<model>-reference.pt (a scripted
module whose buffers hold the input, the model's logits and every block's output).
"""
import sys

import torch
import torchvision


def blocks_of(name):
    """The block decomposition of each architecture, written independently of the C++ presets."""
    if name == "vgg16":
        # The authors' vgg16.py masks a stage's last conv after its max pool.
        convs = [0, 2, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28]
        pools = {4, 9, 16, 23, 30}
        blocks, start = [], 0
        for c in convs:
            end = c + 3 if c + 2 in pools else c + 2
            blocks.append([f"features.{i}" for i in range(start, end)])
            start = end
        return blocks, ["avgpool", "@flatten", "classifier"]
    if name == "resnet50":
        blocks = [["conv1", "bn1", "relu", "maxpool"]]
        for stage, n in enumerate([3, 4, 6, 3], start=1):
            blocks += [[f"layer{stage}.{k}"] for k in range(n)]
        return blocks, ["avgpool", "@flatten", "fc"]
    if name == "densenet121":
        blocks = [["features.conv0", "features.norm0", "features.relu0", "features.pool0"]]
        for d in range(1, 5):
            blocks.append([f"features.denseblock{d}"])
            if d < 4:
                blocks.append([f"features.transition{d}"])
        # The authors' densenet121.py masks after norm5 and its ReLU.
        blocks[-1] += ["features.norm5", "@relu"]
        return blocks, ["@adaptive_avg_pool", "@flatten", "classifier"]
    raise ValueError(name)


def run(model, step, x):
    if step == "@relu":
        return torch.relu(x)
    if step == "@flatten":
        return torch.flatten(x, 1)
    if step == "@adaptive_avg_pool":
        return torch.nn.functional.adaptive_avg_pool2d(x, (1, 1))
    return model.get_submodule(step)(x)


class Reference(torch.nn.Module):
    def __init__(self, tensors):
        super().__init__()
        for key, value in tensors.items():
            self.register_buffer(key, value)

    def forward(self, x):
        return x


def main():
    out, size = sys.argv[1], int(sys.argv[2])
    names = sys.argv[3:] or ["vgg16", "resnet50", "densenet121"]
    torch.manual_seed(0)
    for name in names:
        model = getattr(torchvision.models, name)(weights=None, num_classes=10).eval()
        # Trained networks have non-trivial batch-norm statistics; so shall these.
        for m in model.modules():
            if isinstance(m, torch.nn.BatchNorm2d):
                m.running_mean.uniform_(-0.2, 0.2)
                m.running_var.uniform_(0.5, 1.5)
        x = torch.randn(2, 3, size, size)
        blocks, classifier = blocks_of(name)
        tensors = {"input": x}
        with torch.no_grad():
            h = x
            for i, steps in enumerate(blocks):
                for step in steps:
                    h = run(model, step, h)
                tensors[f"block{i}"] = h.clone()
            for step in classifier:
                h = run(model, step, h)
            tensors["logits"] = model(x)
            assert torch.allclose(h, tensors["logits"], atol=1e-5), f"{name}: decomposition differs"
        torch.jit.script(model).save(f"{out}/{name}.pt")
        torch.jit.script(Reference(tensors)).save(f"{out}/{name}-reference.pt")
        print(f"{name}: {len(blocks)} blocks", flush=True)


if __name__ == "__main__":
    main()
