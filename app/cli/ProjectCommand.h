#pragma once

namespace CLI {
class App;
}

namespace nad::cli {

// `nad project new FILE [--dataset PATH --name NAME --hierarchy FILE]
//                       [--model M.pt (--preset NAME | --spec S.json) --model-name NAME --input-size PX]` and
// `nad project info FILE [--json]`
void addProjectCommand(CLI::App& parent);

}  // namespace nad::cli
