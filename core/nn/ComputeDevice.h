#pragma once

#include <torch/torch.h>

#include <string>

namespace nad {

// Where the engine runs: CUDA when this LibTorch build has it and a GPU is present, else the
// CPU with one thread per core.
class ComputeDevice
{
public:
    static torch::Device choose();
    // Sets LibTorch's intra-op threads to the core count (once per process).
    static void configureThreads();
    // "CPU, 2 threads" or "CUDA (NVIDIA H100)".
    static std::string describe(const torch::Device& device);
    static std::string libtorchVersion();
};

}  // namespace nad
