#pragma once

#include "zoo/ModelZoo.h"

#include <optional>
#include <string>

namespace nad {

// The zoo models shipped with NAD Studio (data/zoo in the source tree; share/nad-studio/zoo once
// installed): the demo's four models exactly as `nad zoo train` made them on Debian 12 (LibTorch
// 1.13, 2 threads). They are what the README's results were measured on. Training again gives
// other weights on a machine with another thread count (batch norm's statistics sum in another
// order), so a user who starts from these reproduces the README's numbers to the digit, and the
// demo's first run does not spend its first minutes training.
class ReferenceZoo
{
public:
    // $NAD_REFERENCE_ZOO when set, else the installed folder (PREFIX/share/nad-studio/zoo for a
    // program in PREFIX/bin), else the source tree's; "" when none of them exists.
    static std::string directory();

    // Copies the reference model of `family` trained for `epochs` epochs from `referenceDirectory`
    // into `zoo` (weights first, each under a temporary name and renamed, as ModelZoo stores a
    // trained one) and returns its entry there; nullopt when no such model is shipped or one of
    // that name is already in `zoo`. Throws Error when the shipped weights do not match their
    // recorded SHA-256 (a damaged install), naming the file.
    static std::optional<ZooEntry> installInto(const ModelZoo& zoo, const std::string& family, int epochs,
                                               const std::string& referenceDirectory = directory());
};

}  // namespace nad
