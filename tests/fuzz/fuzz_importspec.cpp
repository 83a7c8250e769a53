// libFuzzer target: the block spec JSON parser of imported models. An accepted spec must
// re-read from its own JSON text to the same text (the project stores that text).
#include "Errors.h"
#include "nn/ImportSpecFile.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const nad::ImportSpec spec = nad::ImportSpecFile::fromJsonText(text, "fuzz.json");
        const std::string written = nad::ImportSpecFile::toJsonText(spec);
        const nad::ImportSpec again = nad::ImportSpecFile::fromJsonText(written, "round trip");
        if (nad::ImportSpecFile::toJsonText(again) != written)
            std::abort();
    } catch (const nad::Error&) {
    }
    return 0;
}
