#pragma once

#include "data/ConceptHierarchy.h"
#include "data/ImageSet.h"

#include <string>
#include <vector>

namespace nad {

enum class Split { Train, Test };

// The built-in default data set: Fashion-MNIST as Debian's dataset-fashion-mnist package
// installs it (four gzip IDX files), or the same files in any folder.
class FashionMnist
{
public:
    static constexpr const char* kDefaultDirectory = "/usr/share/datasets/fashion-mnist";

    static const std::vector<std::string>& classNames();
    // Tops {T-shirt/top, Pullover, Coat, Shirt, Dress}, footwear {Sandal, Sneaker, Ankle boot},
    // others {Trouser, Bag}: the grouping of DESIGN.md §1, by what a garment covers.
    static ConceptHierarchy builtinHierarchy();

    static std::string imagesFile(const std::string& directory, Split split);
    static std::string labelsFile(const std::string& directory, Split split);
    // True when `directory` holds the four files (what `nad dataset inspect` uses to recognise it).
    static bool looksLikeIdxDirectory(const std::string& directory);

    static ImageSet load(const std::string& directory, Split split);
};

}  // namespace nad
