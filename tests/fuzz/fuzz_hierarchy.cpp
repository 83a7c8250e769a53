// libFuzzer target: the concept hierarchy JSON parser against Fashion-MNIST's class names.
// An accepted hierarchy must name only known classes, each once, and survive a round trip.
#include "Errors.h"
#include "data/ConceptHierarchy.h"

#include <cstdint>
#include <cstdlib>
#include <set>
#include <string>
#include <vector>

namespace {
const std::vector<std::string> kClasses = {"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                           "Sandal",      "Shirt",   "Sneaker",  "Bag",   "Ankle boot"};
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const nad::ConceptHierarchy hierarchy = nad::ConceptHierarchy::fromJsonText(text, kClasses, "fuzz.json");
        std::set<std::string> seen;
        for (const auto& group : hierarchy.groups()) {
            if (group.primary.empty() || group.members.empty())
                std::abort();
            for (const auto& member : group.members) {
                if (!seen.insert(member).second)
                    std::abort();
                if (hierarchy.primaryOf(member) != group.primary)
                    std::abort();
            }
        }
        const auto again = nad::ConceptHierarchy::fromJsonText(hierarchy.toJsonText(), kClasses, "round trip");
        if (again.groups().size() != hierarchy.groups().size())
            std::abort();
        for (std::size_t g = 0; g < again.groups().size(); ++g)
            if (again.groups()[g].primary != hierarchy.groups()[g].primary ||
                again.groups()[g].members != hierarchy.groups()[g].members)
                std::abort();
        const auto indices = hierarchy.groupIndexPerClass(kClasses);
        if (indices.size() != kClasses.size())
            std::abort();
    } catch (const nad::Error&) {
    }
    return 0;
}
