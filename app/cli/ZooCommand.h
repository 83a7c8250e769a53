#pragma once

namespace CLI {
class App;
}

namespace nad::cli {

// `nad zoo train --arch vgg|resnet|densenet|darts [--epochs --width --seed ...]`, `nad zoo list`
void addZooCommand(CLI::App& parent);

}  // namespace nad::cli
