#pragma once

namespace CLI {
class App;
}

namespace nad::cli {

// `nad model inspect FILE (--preset vgg16|resnet50|densenet121 | --spec FILE) [--input-size N]`
void addModelCommand(CLI::App& parent);

}  // namespace nad::cli
