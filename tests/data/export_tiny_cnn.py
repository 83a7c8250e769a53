"""Exports tiny CNNs (random weights) to TorchScript for the imported-project tests.

usage: export_tiny_cnn.py OUT_DIR
Writes OUT_DIR/tiny3.pt and OUT_DIR/tiny5.pt (3 and 5 classes; input 3x16x16). Submodules:
features.0 conv 3->4, features.1 ReLU, features.2 conv 4->8, features.3 ReLU, features.4 max
pool, pool (adaptive average), fc.
"""
import sys

import torch


class Tiny(torch.nn.Module):
    def __init__(self, classes):
        super().__init__()
        self.features = torch.nn.Sequential(
            torch.nn.Conv2d(3, 4, 3, padding=1), torch.nn.ReLU(),
            torch.nn.Conv2d(4, 8, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2))
        self.pool = torch.nn.AdaptiveAvgPool2d(1)
        self.fc = torch.nn.Linear(8, classes)

    def forward(self, x):
        return self.fc(torch.flatten(self.pool(self.features(x)), 1))


def main():
    out = sys.argv[1]
    torch.manual_seed(0)
    for classes in (3, 5):
        torch.jit.script(Tiny(classes).eval()).save(f"{out}/tiny{classes}.pt")


if __name__ == "__main__":
    main()
