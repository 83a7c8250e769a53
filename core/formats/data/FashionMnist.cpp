#include "data/FashionMnist.h"

#include "data/IdxReader.h"

#include <filesystem>

namespace nad {
namespace fs = std::filesystem;

const std::vector<std::string>& FashionMnist::classNames()
{
    static const std::vector<std::string> names = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                                   "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
    return names;
}

ConceptHierarchy FashionMnist::builtinHierarchy()
{
    return ConceptHierarchy({{"tops", {"T-shirt/top", "Pullover", "Coat", "Shirt", "Dress"}},
                             {"footwear", {"Sandal", "Sneaker", "Ankle boot"}},
                             {"others", {"Trouser", "Bag"}}},
                            classNames(), "built-in Fashion-MNIST hierarchy");
}

std::string FashionMnist::imagesFile(const std::string& directory, Split split)
{
    return (fs::path(directory) / (split == Split::Train ? "train-images-idx3-ubyte.gz" : "t10k-images-idx3-ubyte.gz"))
        .string();
}

std::string FashionMnist::labelsFile(const std::string& directory, Split split)
{
    return (fs::path(directory) / (split == Split::Train ? "train-labels-idx1-ubyte.gz" : "t10k-labels-idx1-ubyte.gz"))
        .string();
}

bool FashionMnist::looksLikeIdxDirectory(const std::string& directory)
{
    std::error_code ec;
    for (Split split : {Split::Train, Split::Test}) {
        if (!fs::is_regular_file(imagesFile(directory, split), ec) ||
            !fs::is_regular_file(labelsFile(directory, split), ec))
            return false;
    }
    return true;
}

ImageSet FashionMnist::load(const std::string& directory, Split split)
{
    return IdxReader::readImagesAndLabels(imagesFile(directory, split), labelsFile(directory, split), classNames());
}

}  // namespace nad
