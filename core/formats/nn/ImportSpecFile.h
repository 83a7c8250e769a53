#pragma once

#include "nn/ImportSpec.h"

#include <string>
#include <vector>

namespace nad {

// Block specs for imported models: built-in presets for torchvision architectures, placing
// the masks where the authors' code does, and JSON files for everything else:
//
//   {"input": {"channels": 3, "size": 224},
//    "normalization": {"mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225]},
//    "classes": ["tench", "goldfish", ...],
//    "blocks": [{"name": "stem", "steps": ["conv1", "bn1", "relu", "maxpool"]},
//               {"name": "layer1.0", "steps": ["layer1.0"]}, ...],
//    "classifier": ["avgpool", "@flatten", "fc"]}
//
// An optional "preset" ("vgg16", ...) marks a spec derived from a preset (toJsonText writes it).
class ImportSpecFile
{
public:
    static const std::vector<std::string>& presetNames();
    // torchvision vgg16 (13 blocks: conv+ReLU, pools open the next block), resnet50 (17: the
    // stem up to the max pool, then every bottleneck), densenet121 (8: stem, dense blocks,
    // transitions).
    static ImportSpec preset(const std::string& name);
    static ImportSpec fromJsonFile(const std::string& path);
    static ImportSpec fromJsonText(const std::string& text, const std::string& source);
    static std::string toJsonText(const ImportSpec& spec);
};

}  // namespace nad
