#include "zoo/ReferenceZoo.h"

#include "Errors.h"
#include "store/Sha256.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace nad {
namespace fs = std::filesystem;

namespace {

// Copies `from` to `to` under a temporary name first, so `to` is whole or absent.
void copyAtomically(const fs::path& from, const fs::path& to)
{
    const fs::path temporary = to.string() + ".tmp-" + std::to_string(::getpid());
    std::error_code ec;
    fs::copy_file(from, temporary, fs::copy_options::overwrite_existing, ec);
    if (!ec)
        fs::rename(temporary, to, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        throw Error("cannot copy '" + from.string() + "' to '" + to.string() + "': " + ec.message());
    }
}

}  // namespace

std::string ReferenceZoo::directory()
{
    if (const char* overridden = std::getenv("NAD_REFERENCE_ZOO"); overridden && *overridden)
        return overridden;
    std::error_code ec;
    // Installed: BINDIR/../share/nad-studio/zoo, wherever the prefix is (/usr for the package).
    const fs::path executable = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path installed = executable.parent_path().parent_path() / "share" / "nad-studio" / "zoo";
        if (fs::is_directory(installed, ec))
            return installed.string();
    }
    if (fs::is_directory(NAD_SOURCE_REFERENCE_ZOO, ec))
        return NAD_SOURCE_REFERENCE_ZOO;
    return {};
}

std::optional<ZooEntry> ReferenceZoo::installInto(const ModelZoo& zoo, const std::string& family, int epochs,
                                                  const std::string& referenceDirectory)
{
    if (referenceDirectory.empty())
        return std::nullopt;
    const auto reference = ModelZoo(referenceDirectory).best(family);
    if (!reference || reference->training.epochs != epochs || zoo.find(reference->name))
        return std::nullopt;
    const std::string actual = Sha256::ofFile(reference->weightsPath);
    if (actual != reference->sha256)
        throw Error("the shipped zoo model '" + reference->weightsPath + "' is damaged: its SHA-256 is " + actual +
                    ", its metadata says " + reference->sha256 + " (reinstall NAD Studio)");
    std::error_code ec;
    fs::create_directories(zoo.directory(), ec);
    if (ec)
        throw Error("cannot create the zoo folder '" + zoo.directory() + "': " + ec.message());
    const fs::path target(zoo.directory());
    copyAtomically(reference->weightsPath, target / fs::path(reference->weightsPath).filename());
    copyAtomically(reference->metadataPath, target / fs::path(reference->metadataPath).filename());
    return zoo.find(reference->name);
}

}  // namespace nad
