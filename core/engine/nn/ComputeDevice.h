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
    // Caps the LibTorch threads of the calling thread at `threads` (0: no cap), now and for
    // every later configureProcess() on it, for jobs that share the cores from threads of one
    // process (`nad demo --jobs`). LibTorch's OpenMP thread count belongs to the calling thread.
    static void capThreadsOfThisThread(int threads);
    // "CPU, 2 threads" or "CUDA (NVIDIA H100)".
    static std::string describe(const torch::Device& device);
    static std::string libtorchVersion();
};

}  // namespace nad
