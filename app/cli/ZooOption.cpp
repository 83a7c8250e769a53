#include "ZooOption.h"

#include "UserDataDirectory.h"

#include <CLI/CLI.hpp>

namespace nad::cli {

void addZooOption(CLI::App& command, std::string& directory)
{
    command.add_option("--zoo", directory, "Zoo folder (default: $XDG_DATA_HOME/nad-studio/zoo)");
    // Resolved after parsing rather than as the option's default, so a machine without a home
    // folder only fails for commands that are actually run.
    command.parse_complete_callback([&directory] {
        if (directory.empty())
            directory = UserDataDirectory::zooDirectory();
    });
}

}  // namespace nad::cli
