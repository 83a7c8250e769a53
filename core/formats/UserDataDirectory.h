#pragma once

#include <string>

namespace nad {

// Per-user data: $XDG_DATA_HOME/nad-studio (default ~/.local/share/nad-studio) holds the
// model zoo's weights (zoo/) and the demo project (demo.nad).
class UserDataDirectory
{
public:
    // The directory path; does not create it.
    static std::string path();
    // Creates the directory (and parents) when missing and returns it; throws nad::Error when
    // that is impossible (no HOME, permission denied).
    static std::string ensure();
    static std::string demoProjectPath();
    static std::string zooDirectory();
};

}  // namespace nad
