#include "nn/ComputeDevice.h"

#include <torch/version.h>

#include <algorithm>
#include <thread>

namespace nad {

torch::Device ComputeDevice::choose()
{
    return torch::cuda::is_available() ? torch::Device(torch::kCUDA, 0) : torch::Device(torch::kCPU);
}

void ComputeDevice::configureThreads()
{
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    if (torch::get_num_threads() != int(cores))
        torch::set_num_threads(int(cores));
}

std::string ComputeDevice::describe(const torch::Device& device)
{
    if (device.is_cuda())
        return "CUDA device " + std::to_string(device.index());
    return "CPU, " + std::to_string(torch::get_num_threads()) + " thread(s)";
}

std::string ComputeDevice::libtorchVersion()
{
    return std::to_string(TORCH_VERSION_MAJOR) + "." + std::to_string(TORCH_VERSION_MINOR) + "." +
           std::to_string(TORCH_VERSION_PATCH);
}

}  // namespace nad
