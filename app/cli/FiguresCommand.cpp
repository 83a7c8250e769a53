#include "FiguresCommand.h"

#include "CancelSignal.h"
#include "Errors.h"
#include "ProjectFigures.h"
#include "TextTable.h"
#include "ZooOption.h"
#include "analysis/UnitExplorer.h"
#include "figures/ActivationGridView.h"
#include "figures/BlockSeriesView.h"
#include "figures/UnitProfileView.h"
#include "jobs/RunContext.h"
#include "store/ProjectStore.h"

#include <CLI/CLI.hpp>
#include <QApplication>
#include <QDir>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>

namespace nad::cli {
std::vector<WrittenFigure> writeProjectFigures(ProjectStore& project, const FigureRequest& request,
                                               const std::string& prefix, const std::atomic<bool>& cancel)
{
    offscreenApplication();
    try {
        return ProjectFigures::exportAll(
            project, request, [&prefix](const QString& file) { std::cout << prefix << file.toStdString() << '\n'; },
            &cancel);
    } catch (const Error&) {
        if (cancel.load())
            throw CancelledError("cancelled; the figures written so far are complete");
        throw;
    } catch (const std::runtime_error& e) {
        throw Error(e.what());  // figure export errors (Qt side) as engine errors: exit 1
    }
}

namespace {}  // namespace

// Widgets need a QApplication; the CLI makes one on the offscreen platform, so figures render
// the same with or without a display.
QApplication& offscreenApplication()
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "nad";
    static char* argv[] = {name, nullptr};
    static QApplication application(argc, argv);
    return application;
}

namespace {

struct ExportSettings
{
    std::string format = "pdf";
    std::string size;  // empty: each figure's default
    int dpi = 300;
    std::string font = "DejaVu Sans";
    double fontSize = 8;
};

void addExportOptions(CLI::App* command, ExportSettings& s)
{
    command->add_option("--format", s.format, "pdf, svg or png")
        ->check(CLI::IsMember({"pdf", "svg", "png"}))
        ->capture_default_str();
    command->add_option("--size", s.size,
                        "Physical size, e.g. 85mm (single column), 175mm (double), 85x60mm; default: per figure");
    command->add_option("--dpi", s.dpi, "Resolution of PNG files")->check(CLI::Range(36, 2400))->capture_default_str();
    command->add_option("--font", s.font, "Font family")->capture_default_str();
    command->add_option("--font-size", s.fontSize, "Font size in points")
        ->check(CLI::Range(4.0, 24.0))
        ->capture_default_str();
}

FigureExportOptions exportOptions(const ExportSettings& s)
{
    FigureExportOptions options;
    options.format = QString::fromStdString(s.format);
    options.dpi = s.dpi;
    options.style.fontFamily = QString::fromStdString(s.font);
    options.style.fontPointSize = s.fontSize;
    if (!s.size.empty()) {
        // Without a height, figures keep a 4:3 shape.
        options.sizeMm = FigureExporter::parseSize(QString::fromStdString(s.size), QSizeF(4, 3));
    }
    return options;
}

// Writes `figure` as `out`/`name`.FORMAT with its CSV, logs the export in the project and prints
// both paths; export failures become nad::Error (exit 1).
void writeFigure(ProjectStore& project, FigureView& figure, const std::string& out, const QString& name,
                 const ExportSettings& settings)
{
    if (!QDir().mkpath(QString::fromStdString(out)))
        throw Error("cannot create the folder '" + out + "'");
    const FigureExportOptions options = exportOptions(settings);
    const QString path = QDir(QString::fromStdString(out)).filePath(name + QLatin1Char('.') + options.format);
    QStringList files;
    try {
        files = FigureExporter::exportFigure(figure, path, options);
    } catch (const std::runtime_error& e) {
        throw Error(e.what());
    }
    const QSizeF size = options.sizeMm.isEmpty() ? figure.defaultSizeMm() : options.sizeMm;
    project.logExport(name.toStdString(), files[0].toStdString(), settings.format, size.width(), size.height(),
                      settings.format == "png" ? settings.dpi : 0);
    std::cout << "wrote " << files[0].toStdString() << "\nwrote " << files[1].toStdString() << '\n';
}

std::vector<std::string> splitList(const std::string& text)
{
    std::vector<std::string> items;
    std::stringstream stream(text);
    std::string item;
    while (std::getline(stream, item, ','))
        if (!item.empty())
            items.push_back(item);
    return items;
}

std::string fixed(double value, int digits = 3)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", digits, value);
    return text;
}

void addFiguresCommand(CLI::App& parent)
{
    struct Options
    {
        std::string project, out, zoo;
        ExportSettings settings;
        bool noActivations = false;
        int composites = 50;
        double top = 5.0;
        std::string layout = "2x2";
        std::string concepts;
    };
    auto o = std::make_shared<Options>();
    auto* figures = parent.add_subcommand("figures", "Render every figure of a project (Fig. 3-7 of the paper, "
                                                     "activation grids, hit rates) with their data as CSV");
    figures->add_option("PROJECT", o->project, "Project file")->required();
    figures->add_option("--out", o->out, "Output folder")->required();
    addExportOptions(figures, o->settings);
    figures->add_flag("--no-activations", o->noActivations, "Skip the activation grids and hit rates (no zoo needed)");
    figures->add_option("--composites", o->composites, "Random composites for the hit-rate figure")
        ->check(CLI::Range(1, 10000))
        ->capture_default_str();
    figures->add_option("--top", o->top, "Top k % of pixels kept in activation maps")
        ->check(CLI::Range(0.01, 100.0))
        ->capture_default_str();
    figures->add_option("--layout", o->layout, "Composite layout ROWSxCOLS")->capture_default_str();
    figures->add_option("--concepts", o->concepts,
                        "Concepts of the activation grid's composite (default: one per primary concept)");
    addZooOption(*figures, o->zoo);
    figures->callback([o] {
        offscreenApplication();
        FigureRequest request;
        request.outputDirectory = QString::fromStdString(o->out);
        request.options = exportOptions(o->settings);
        request.zooDirectory = o->zoo;
        request.activationFigures = !o->noActivations;
        request.hitRate.composites = o->composites;
        request.hitRate.topPercent = o->top;
        std::tie(request.hitRate.rows, request.hitRate.cols) = CompositeBuilder::parseLayout(o->layout);
        request.activationConcepts = splitList(o->concepts);
        ProjectStore project = ProjectStore::open(o->project, ProjectStore::Mode::ReadWrite);
        CancelSignal cancel;
        const auto written = writeProjectFigures(project, request, "wrote ", cancel.flag());
        std::cout << written.size() << " figures (each with its data as CSV) in " << o->out << '\n';
    });
}

void addActivationsCommand(CLI::App& parent)
{
    struct Options
    {
        std::string project, out, zoo, concepts, layout, images, mode = "top";
        ExportSettings settings;
        std::int64_t run = 0;
        std::uint64_t seed = 1;
        double top = 5.0;
    };
    auto o = std::make_shared<Options>();
    auto* command = parent.add_subcommand(
        "activations",
        "Render the activation grid of a composite image: every block, original and each concept's path");
    command->add_option("PROJECT", o->project, "Project file")->required();
    command->add_option("--concepts", o->concepts, "Concepts, one per tile, separated by commas (e.g. Sandal,Bag)")
        ->required();
    command->add_option("--out", o->out, "Output folder")->required();
    command->add_option("--layout", o->layout, "ROWSxCOLS (default: 1xN for up to 4 concepts laid 2x2 when 4)");
    command->add_option("--images", o->images, "Image files for the tiles instead of held-out images, comma separated");
    command->add_option("--run", o->run, "Run id (default: the latest finished run)");
    command->add_option("--seed", o->seed, "Which held-out images the tiles show")->capture_default_str();
    command->add_option("--top", o->top, "Top k % of pixels kept")
        ->check(CLI::Range(0.01, 100.0))
        ->capture_default_str();
    command
        ->add_option("--mode", o->mode,
                     "top (top k % over the darkened image), heat (heat map) or diff (each path minus the original)")
        ->check(CLI::IsMember({"top", "heat", "diff"}))
        ->capture_default_str();
    addZooOption(*command, o->zoo);
    addExportOptions(command, o->settings);
    command->callback([o] {
        offscreenApplication();
        exportOptions(o->settings);  // a bad --size fails before the network loads
        ProjectStore project = ProjectStore::open(o->project, ProjectStore::Mode::ReadWrite);
        const RunContext context = RunContext::open(project, o->run, o->zoo);
        std::vector<std::int64_t> concepts;
        for (const auto& name : splitList(o->concepts))
            concepts.push_back(context.classIndex(name));
        if (concepts.empty())
            throw InvalidArgument("--concepts names no concept");
        int rows = 1, cols = int(concepts.size());
        if (!o->layout.empty())
            std::tie(rows, cols) = CompositeBuilder::parseLayout(o->layout);
        else if (concepts.size() == 4)
            rows = cols = 2;
        const auto network = context.loadNetwork();
        const auto images = splitList(o->images);
        const CompositeImage composite =
            images.empty() ? CompositeBuilder::fromHeldOut(*context.heldOutSource(), concepts, rows, cols, o->seed)
                           : CompositeBuilder::fromFiles(images, concepts, rows, cols, int(context.model.inputChannels),
                                                         int(context.model.inputSize), int(context.model.inputSize));
        ActivationGridView grid;
        grid.setMode(o->mode == "heat"   ? ActivationGridView::Mode::HeatMap
                     : o->mode == "diff" ? ActivationGridView::Mode::Difference
                                         : ActivationGridView::Mode::TopPercent);
        const auto byInit = context.finalPaths(project);
        ProjectFigures::fillActivations(grid, context, *network, byInit.begin()->second, composite, o->top);
        const QString name =
            QString::fromStdString(context.model.name) + QStringLiteral("-activations-") +
            QString::fromStdString(o->concepts).replace(QLatin1Char(','), QLatin1Char('-')).remove(QLatin1Char('/'));
        writeFigure(project, grid, o->out, name, o->settings);
    });
}

void addHitRateCommand(CLI::App& parent)
{
    struct Options
    {
        std::string project, zoo, layout = "2x2", out;
        std::int64_t run = 0;
        HitRateOptions hit;
        bool json = false;
        ExportSettings settings;
    };
    auto o = std::make_shared<Options>();
    auto* command = parent.add_subcommand(
        "hitrate", "Per block, the share of a path's top-k % activation that falls on its own concept's tile, "
                   "mean ± std over seeded random composites");
    command->add_option("PROJECT", o->project, "Project file")->required();
    command->add_option("--run", o->run, "Run id (default: the latest finished run)");
    command->add_option("--layout", o->layout, "Composite layout ROWSxCOLS")->capture_default_str();
    command->add_option("--composites", o->hit.composites, "Number of random composites")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    command->add_option("--top", o->hit.topPercent, "Top k % of pixels")
        ->check(CLI::Range(0.01, 100.0))
        ->capture_default_str();
    command->add_option("--seed", o->hit.seed, "Seed of the composites")->capture_default_str();
    command->add_flag("--json", o->json, "Print JSON instead of a table");
    command->add_option("--out", o->out, "Also write the figure (and its CSV) into this folder");
    addZooOption(*command, o->zoo);
    addExportOptions(command, o->settings);
    command->callback([o] {
        std::tie(o->hit.rows, o->hit.cols) = CompositeBuilder::parseLayout(o->layout);
        ProjectStore project = ProjectStore::open(o->project, o->out.empty() ? ProjectStore::Mode::ReadOnly
                                                                             : ProjectStore::Mode::ReadWrite);
        const RunContext context = RunContext::open(project, o->run, o->zoo);
        const auto network = context.loadNetwork();
        const auto paths = context.finalPaths(project).begin()->second;
        CancelSignal cancel;
        HitRateStudy study;
        try {
            study = ActivationMaps::hitRates(*network, *context.heldOutSource(), context.model.normalization, paths,
                                             o->hit, {}, &cancel.flag());
        } catch (const Error&) {
            if (cancel.flag().load())
                throw CancelledError("cancelled");
            throw;
        }
        if (o->json) {
            nlohmann::ordered_json j;
            j["run"] = context.run.id;
            j["model"] = context.model.name;
            j["composites"] = study.composites;
            j["samples"] = study.samples;
            j["top_percent"] = o->hit.topPercent;
            j["chance"] = study.chance;
            j["blocks"] = study.blockNames;
            j["path_mean"] = study.pathMean;
            j["path_std"] = study.pathStd;
            std::cout << j.dump(1) << '\n';
        } else {
            std::cout << "Hit rate of the top " << o->hit.topPercent << " % pixels on the concept's tile, run "
                      << context.run.id << " (" << context.model.name << "), " << study.composites << " composites "
                      << o->layout << " (" << study.samples << " tiles); chance " << fixed(study.chance) << ":\n";
            TextTable table({"block", "name", "hit rate", "± std"});
            for (std::size_t b = 0; b < study.blockNames.size(); ++b)
                table.addRow(
                    {std::to_string(b + 1), study.blockNames[b], fixed(study.pathMean[b]), fixed(study.pathStd[b])});
            table.print(std::cout);
        }
        if (!o->out.empty()) {
            offscreenApplication();
            BlockSeriesView view(QStringLiteral("hit-rate"));
            ProjectFigures::fillHitRate(view, study, QString::fromStdString(context.model.name));
            QDir().mkpath(QString::fromStdString(o->out));
            const FigureExportOptions options = exportOptions(o->settings);
            const QString name = QString::fromStdString(context.model.name) + QStringLiteral("-hit-rate");
            const QString path =
                QDir(QString::fromStdString(o->out)).filePath(name + QLatin1Char('.') + options.format);
            try {
                const QStringList files = FigureExporter::exportFigure(view, path, options);
                const QSizeF size = options.sizeMm.isEmpty() ? view.defaultSizeMm() : options.sizeMm;
                project.logExport(name.toStdString(), files[0].toStdString(), o->settings.format, size.width(),
                                  size.height(), o->settings.format == "png" ? o->settings.dpi : 0);
                std::cerr << "wrote " << files[0].toStdString() << '\n';
            } catch (const std::runtime_error& e) {
                throw Error(e.what());
            }
        }
    });
}

// A block given by index or by name.
std::size_t blockIndex(const BlockNetwork& network, const std::string& block)
{
    for (std::size_t b = 0; b < network.blocks().size(); ++b)
        if (network.blocks()[b].name == block)
            return b;
    std::size_t index = 0;
    std::size_t used = 0;
    try {
        index = std::stoul(block, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || used != block.size() || index >= network.blocks().size()) {
        std::string names;
        for (const auto& spec : network.blocks())
            names += (names.empty() ? "" : ", ") + spec.name;
        throw InvalidArgument("no block '" + block + "': give an index 0–" +
                              std::to_string(network.blocks().size() - 1) + " or one of " + names);
    }
    return index;
}

void printUnitProfile(const UnitProfile& p)
{
    std::cout << p.blockName << " · unit " << p.unit << " of " << p.units << " (block " << p.block << "), over "
              << p.heldOutImages << " held-out images" << (p.fromCache ? " (from the project's cache)" : "") << '\n';
    TextTable table({"concept", "mean response", "kept by its paths"});
    for (std::size_t c = 0; c < p.classes.size(); ++c)
        table.addRow({p.classNames[c], fixed(p.classMeans[c]),
                      p.keptShare[c] < 0 ? std::string("no path")
                                         : std::to_string(int(std::lround(p.keptShare[c] * p.initializations))) +
                                               " of " + std::to_string(p.initializations)});
    table.print(std::cout);
    std::cout << "most responsive held-out images:";
    for (std::size_t k = 0; k < p.topImageIndices.size(); ++k) {
        const auto column = std::find(p.classes.begin(), p.classes.end(), p.topImages.labels[k]);
        std::cout << (k % 4 == 0 ? "\n " : "") << " #" << p.topImageIndices[k] << ' '
                  << (column == p.classes.end() ? std::string("?")
                                                : p.classNames[std::size_t(column - p.classes.begin())])
                  << ' ' << fixed(p.topResponses[k]);
    }
    std::cout << '\n';
}

void addUnitsCommand(CLI::App& parent)
{
    struct Options
    {
        std::string project, zoo, block, out;
        std::int64_t run = 0;
        std::int64_t unit = -1;
        int top = 12;
        ExportSettings settings;
    };
    auto o = std::make_shared<Options>();
    auto* command = parent.add_subcommand(
        "units", "What a unit responds to: its most responsive held-out images with its map over them, its mean "
                 "response per concept and which paths keep it; without --unit, the block's units by how many "
                 "concepts' paths keep them");
    command->add_option("PROJECT", o->project, "Project file")->required();
    command->add_option("--block", o->block, "Block index (0-based) or name")->required();
    command->add_option("--unit", o->unit, "Unit (channel) of the block")->check(CLI::NonNegativeNumber);
    command->add_option("--top", o->top, "Most responsive images to show")
        ->check(CLI::Range(1, int(UnitExplorer::kCachedTopCount)))
        ->capture_default_str();
    command->add_option("--out", o->out, "Output folder for the figure and its CSV");
    command->add_option("--run", o->run, "Run id (default: the latest finished run)");
    addZooOption(*command, o->zoo);
    addExportOptions(command, o->settings);
    command->callback([o] {
        const auto started = std::chrono::steady_clock::now();
        ProjectStore project = ProjectStore::open(o->project, ProjectStore::Mode::ReadWrite);
        const RunContext context = RunContext::open(project, o->run, o->zoo);
        const auto network = context.loadNetwork();
        const std::size_t block = blockIndex(*network, o->block);
        const auto paths = context.finalPaths(project);
        if (o->unit < 0) {
            const UnitKeeping keeping =
                UnitExplorer::keeping(paths, block, std::size_t(network->blocks()[block].channels));
            TextTable table({"unit", "paths keeping it"});
            for (std::size_t unit : keeping.unitsByConceptsKeeping())
                table.addRow({std::to_string(unit), std::to_string(keeping.conceptsKeeping(unit))});
            std::cout << network->blocks()[block].name << ": units by how many concepts' paths keep them (in at "
                      << "least half of their initializations)\n";
            table.print(std::cout);
            return;
        }
        CancelSignal cancel;
        const UnitProfile profile =
            UnitExplorer::profile(project, context, *network, *context.heldOutSource(), paths, block,
                                  std::size_t(o->unit), std::size_t(o->top), {}, &cancel.flag());
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        printUnitProfile(profile);
        std::cout << "profile in " << fixed(seconds, 1) << " s (model, held-out split"
                  << (profile.fromCache ? "" : ", a pass over them") << ")\n";
        if (o->out.empty())
            return;
        offscreenApplication();
        UnitProfileView view;
        view.setProfile(profile);
        writeFigure(project, view, o->out, view.figureId(), o->settings);
    });
}

}  // namespace

void addFigureCommands(CLI::App& parent)
{
    addFiguresCommand(parent);
    addActivationsCommand(parent);
    addHitRateCommand(parent);
    addUnitsCommand(parent);
}

}  // namespace nad::cli
