#include "ExportCommand.h"

#include "Errors.h"
#include "analysis/PackedPath.h"
#include "analysis/PathMetrics.h"
#include "store/ProjectStore.h"
#include "store/RunStore.h"
#include "store/SweepStore.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>

namespace nad::cli {
namespace {

// CSV field quoting (RFC 4180): class names such as "T-shirt/top" are safe, but a comma is not.
std::string csv(const std::string& text)
{
    if (text.find_first_of(",\"\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (char c : text)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

struct Options
{
    std::string project;
    std::string what;
    std::string format = "csv";
    std::int64_t run = 0;
    std::string out;
};

// Every stored λ sweep (`nad sweep --project`), one row per point; not tied to a run.
std::string renderSweeps(const ProjectStore& project, bool json)
{
    const auto sweeps = SweepStore(project).list();
    std::ostringstream out;
    if (json) {
        nlohmann::ordered_json j = nlohmann::ordered_json::array();
        for (const auto& s : sweeps) {
            nlohmann::ordered_json points = nlohmann::ordered_json::array();
            for (const auto& p : s.points)
                points.push_back(nlohmann::ordered_json::parse(SweepStore::toJson(p)));
            j.push_back({{"id", s.id},
                         {"model", s.modelName},
                         {"label", s.label},
                         {"objective", s.objective},
                         {"settings", nlohmann::ordered_json::parse(s.settings)},
                         {"concepts", s.concepts},
                         {"initializations", s.initializations},
                         {"validation_images", s.validationImages},
                         {"default_lambda", s.defaultLambda ? nlohmann::ordered_json(*s.defaultLambda) : nullptr},
                         {"recommended", recommendedSweepPoint(s.points)},
                         {"created_at", s.createdAt},
                         {"points", points}});
        }
        out << j.dump(1) << '\n';
        return out.str();
    }
    out << "sweep,model,label,objective,initializations,validation_images,default_lambda,lambda,usage,precision,"
           "original_precision,specificity,original_specificity,auroc,original_auroc,knockout_own_drop,"
           "knockout_others_drop,knockout_random_drop,knockout_causal,concepts,degenerate,steps,faithful,specific,"
           "recommended,usage_per_block\n";
    for (const auto& s : sweeps) {
        const int recommended = recommendedSweepPoint(s.points);
        for (std::size_t i = 0; i < s.points.size(); ++i) {
            const SweepPoint& p = s.points[i];
            std::string perBlock;
            for (double u : p.usagePerBlock)
                perBlock += (perBlock.empty() ? "" : ";") + std::to_string(u);
            out << s.id << ',' << csv(s.modelName) << ',' << csv(s.label) << ',' << csv(s.objective) << ','
                << s.initializations << ',' << s.validationImages << ','
                << (s.defaultLambda ? std::to_string(*s.defaultLambda) : std::string()) << ',' << p.lambda << ','
                << p.usage << ',' << p.pathPrecision << ',' << p.originalPrecision << ',' << p.pathSpecificity << ','
                << p.originalSpecificity << ',' << p.pathAuroc << ',' << p.originalAuroc << ',' << p.knockoutOwnDrop
                << ',' << p.knockoutOthersDrop << ',' << p.knockoutRandomDrop << ',' << p.knockoutCausal << ','
                << p.concepts << ',' << p.degenerate << ',' << p.steps << ',' << int(p.faithful) << ','
                << int(p.specific) << ',' << int(int(i) == recommended) << ',' << perBlock << '\n';
        }
    }
    return out.str();
}

std::string render(const Options& o)
{
    ProjectStore project = ProjectStore::open(o.project, ProjectStore::Mode::ReadOnly);
    if (o.what == "sweeps")
        return renderSweeps(project, o.format == "json");
    RunStore runs(project);
    const std::int64_t runId = o.run ? o.run : runs.latestFinishedRun();
    const auto run = runs.run(runId);
    if (!run)
        throw InvalidArgument("project '" + o.project + "' has no " +
                              (o.run ? "run " + std::to_string(o.run) : "finished run"));
    const auto model = runs.model(run->modelId);
    std::vector<std::string> names;
    for (const auto& c : project.concepts(run->datasetId))
        names.push_back(c.name);
    auto nameOf = [&names](int cls) {
        return cls >= 0 && cls < int(names.size()) ? names[std::size_t(cls)] : std::string();
    };
    std::ostringstream out;
    const bool json = o.format == "json";

    if (o.what == "paths") {
        const auto paths = runs.paths(runId, run->datasetId, true);
        nlohmann::ordered_json j = nlohmann::ordered_json::array();
        if (!json)
            out << "concept,initialization,block,block_name,channel,on\n";
        for (const auto& p : paths) {
            nlohmann::ordered_json blocks = nlohmann::ordered_json::array();
            for (std::size_t b = 0; b < p.binary.size(); ++b) {
                const std::string blockName =
                    model && b < model->blocks.size() ? model->blocks[b].first : std::to_string(b);
                if (json)
                    blocks.push_back({{"name", blockName}, {"on", p.binary[b]}});
                else
                    for (std::size_t t = 0; t < p.binary[b].size(); ++t)
                        out << csv(nameOf(p.classIndex)) << ',' << p.initialization << ',' << b << ',' << csv(blockName)
                            << ',' << t << ',' << int(p.binary[b][t]) << '\n';
            }
            if (json)
                j.push_back(
                    {{"concept", nameOf(p.classIndex)}, {"initialization", p.initialization}, {"blocks", blocks}});
        }
        if (json)
            out << j.dump() << '\n';  // compact: thousands of bits
    } else if (o.what == "similarity") {
        // M between the concepts' paths, averaged over initializations.
        const auto paths = runs.paths(runId, run->datasetId, true);
        std::map<int, std::vector<PackedPath>> byInit;
        std::vector<int> classes;
        for (const auto& p : paths) {
            byInit[p.initialization].emplace_back(p.binary);
            if (p.initialization == paths.front().initialization)
                classes.push_back(p.classIndex);
        }
        std::vector<std::vector<PackedPath>> pathsPerInit;
        for (auto& [init, packed] : byInit)
            pathsPerInit.push_back(std::move(packed));
        const auto m = PathMetrics::meanSimilarity(pathsPerInit);
        if (json) {
            nlohmann::ordered_json j;
            std::vector<std::string> labels;
            for (int c : classes)
                labels.push_back(nameOf(c));
            j["concepts"] = labels;
            j["similarity"] = m;
            out << j.dump(1) << '\n';
        } else {
            out << "concept";
            for (int c : classes)
                out << ',' << csv(nameOf(c));
            out << '\n';
            for (std::size_t a = 0; a < classes.size(); ++a) {
                out << csv(nameOf(classes[a]));
                for (double v : m[a])
                    out << ',' << v;
                out << '\n';
            }
        }
    } else {
        const auto metrics = runs.metrics(runId, run->datasetId);
        nlohmann::ordered_json j = nlohmann::ordered_json::array();
        if (!json)
            out << "name,concept,initialization,block,value\n";
        for (const auto& m : metrics) {
            if (json)
                j.push_back({{"name", m.name},
                             {"concept", nameOf(m.classIndex)},
                             {"initialization", m.initialization},
                             {"block", m.block},
                             {"value", m.value}});
            else
                out << m.name << ',' << csv(nameOf(m.classIndex)) << ','
                    << (m.initialization >= 0 ? std::to_string(m.initialization) : "") << ','
                    << (m.block >= 0 ? std::to_string(m.block) : "") << ',' << m.value << '\n';
        }
        if (json)
            out << j.dump(1) << '\n';
    }
    return out.str();
}

}  // namespace

void addExportCommand(CLI::App& parent)
{
    auto options = std::make_shared<Options>();
    auto* command = parent.add_subcommand(
        "export", "Export a run's paths, similarity matrix or metrics, or the project's λ sweeps, as CSV or JSON");
    command->add_option("PROJECT", options->project, "Project file")->required();
    command
        ->add_option("--what", options->what,
                     "paths (0/1 per block and channel), similarity, metrics, or sweeps (every stored λ sweep)")
        ->required()
        ->check(CLI::IsMember({"paths", "similarity", "metrics", "sweeps"}));
    command->add_option("--format", options->format, "csv or json")
        ->check(CLI::IsMember({"csv", "json"}))
        ->capture_default_str();
    command->add_option("--run", options->run, "Run id (default: the latest finished run)");
    command->add_option("--out", options->out, "Output file (default: standard output)");
    command->callback([options] {
        const std::string text = render(*options);
        if (options->out.empty()) {
            std::cout << text;
            return;
        }
        // Written under a temporary name and renamed: never a half file.
        const std::string temporary = options->out + ".tmp";
        {
            std::ofstream file(temporary, std::ios::binary | std::ios::trunc);
            file << text;
            if (!file.flush())
                throw Error("cannot write '" + temporary + "'");
        }
        std::filesystem::rename(temporary, options->out);
        std::cerr << "Wrote " << options->out << '\n';
    });
}

}  // namespace nad::cli
