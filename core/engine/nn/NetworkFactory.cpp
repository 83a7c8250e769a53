#include "nn/NetworkFactory.h"

#include "Errors.h"
#include "nn/DartsNetwork.h"
#include "nn/DenseNetNetwork.h"
#include "nn/ResNetNetwork.h"
#include "nn/VggNetwork.h"

namespace nad {

const std::vector<std::string>& NetworkFactory::families()
{
    static const std::vector<std::string> names = {"vgg", "resnet", "densenet", "darts"};
    return names;
}

std::shared_ptr<BlockNetwork> NetworkFactory::create(const std::string& family, const NetworkConfig& config)
{
    if (config.width < 2 || config.width > 1024)
        throw InvalidArgument("width must be between 2 and 1024, got " + std::to_string(config.width));
    if (config.inputChannels < 1 || config.inputSize < 8 || config.classes < 2)
        throw InvalidArgument("a network needs at least 1 input channel, 8 px inputs and 2 classes");
    if (family == "vgg")
        return std::make_shared<VggNetwork>(config);
    if (family == "resnet")
        return std::make_shared<ResNetNetwork>(config);
    if (family == "densenet")
        return std::make_shared<DenseNetNetwork>(config);
    if (family == "darts") {
        if (config.width % 2 != 0)
            throw InvalidArgument("a DARTS network needs an even width, got " + std::to_string(config.width));
        return std::make_shared<DartsNetwork>(config);
    }
    throw InvalidArgument("unknown architecture family '" + family + "' (choose vgg, resnet, densenet or darts)");
}

std::int64_t NetworkFactory::defaultWidth(const std::string& family)
{
    if (family == "vgg")
        return 16;
    if (family == "resnet")
        return 8;
    if (family == "densenet")
        return 8;
    if (family == "darts")
        return 8;
    throw InvalidArgument("unknown architecture family '" + family + "'");
}

}  // namespace nad
