#include "UserDataDirectory.h"

#include "Errors.h"

#include <cstdlib>
#include <filesystem>

namespace nad {
namespace fs = std::filesystem;

std::string UserDataDirectory::path()
{
    const char* xdg = std::getenv("XDG_DATA_HOME");
    // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
    if (xdg && *xdg && fs::path(xdg).is_absolute())
        return (fs::path(xdg) / "nad-studio").string();
    const char* home = std::getenv("HOME");
    if (!home || !*home)
        throw Error("cannot find the per-user data folder: neither XDG_DATA_HOME nor HOME is set");
    return (fs::path(home) / ".local" / "share" / "nad-studio").string();
}

std::string UserDataDirectory::ensure()
{
    const std::string dir = path();
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec)
        throw Error("cannot create the per-user data folder '" + dir + "': " + ec.message());
    return dir;
}

std::string UserDataDirectory::demoProjectPath()
{
    return (fs::path(path()) / "demo.nad").string();
}

std::string UserDataDirectory::zooDirectory()
{
    return (fs::path(path()) / "zoo").string();
}

}  // namespace nad
