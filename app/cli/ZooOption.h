#pragma once

#include <string>

namespace CLI {
class App;
}

namespace nad::cli {

// `--zoo DIR`, declared the same way by every command that reads or trains the model zoo. When
// it is not given, `directory` is the user's zoo ($XDG_DATA_HOME/nad-studio/zoo), filled in once
// the command line is parsed, before the command's callback runs.
void addZooOption(CLI::App& command, std::string& directory);

}  // namespace nad::cli
