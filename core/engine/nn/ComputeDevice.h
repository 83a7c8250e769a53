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
    // Before engine work: LibTorch's intra-op threads to the core count (or NAD_THREADS when
    // that is fewer), and glibc's allocator to keep activation-sized blocks for reuse.
    static void configureProcess();
    // "CPU, 2 threads" or "CUDA (NVIDIA H100)".
    static std::string describe(const torch::Device& device);
    static std::string libtorchVersion();
};

}  // namespace nad
