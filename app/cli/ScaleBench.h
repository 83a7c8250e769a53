#pragma once

#include <string>

namespace nad::cli {

// `nad bench --imported MODEL.pt --preset P --images DIR`: the engine at a real model's size
// (issue 16), on this machine's device. Reports, separately:
// - decoding: an ImageFolder's JPEGs read, resized and cropped to the model's input, on one
//   thread and on every core (images/s, and per core);
// - learning: image-steps/s of a batched step (one image-step = the original forward, the masked
//   forward and the backward to the masks), against three plain no-grad forwards of the same
//   batch timed in the same run (the step's floor without a cache);
// - evaluation: images/s of a masked forward (what path evaluation runs).
struct ScaleBenchOptions
{
    std::string modelFile;
    std::string preset;  // vgg16, resnet50, densenet121, or empty with `spec`
    std::string spec;
    std::string images;  // an ImageFolder (classes as sub-folders)
    int inputSize = 0;   // 0: the spec's
    int concepts = 2;
    int batch = 8;
    int steps = 3;
    int decodeImages = 256;
    int threads = 0;  // decoding threads; 0 = one per core
};

class ScaleBench
{
public:
    static void run(const ScaleBenchOptions& options);
};

}  // namespace nad::cli
