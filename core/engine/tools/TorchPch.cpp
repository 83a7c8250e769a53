// Carries the precompiled <torch/torch.h> that executables reuse (core/CMakeLists.txt).
