#include "FiguresCommand.h"

#include "CancelSignal.h"
#include "Errors.h"
#include "ProjectFigures.h"
#include "TextTable.h"
#include "ZooOption.h"
#include "figures/ActivationGridView.h"
#include "figures/BlockSeriesView.h"
#include "jobs/RunContext.h"
#include "store/ProjectStore.h"

#include <CLI/CLI.hpp>
#include <QApplication>
#include <QDir>
#include <nlohmann/json.hpp>

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
        const FigureExportOptions options = exportOptions(o->settings);
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
            images.empty() ? CompositeBuilder::fromHeldOut(context.heldOut(), concepts, rows, cols, o->seed)
                           : CompositeBuilder::fromFiles(images, concepts, rows, cols, int(context.model.inputChannels),
                                                         int(context.model.inputSize), int(context.model.inputSize));
        ActivationGridView grid;
        grid.setMode(o->mode == "heat"   ? ActivationGridView::Mode::HeatMap
                     : o->mode == "diff" ? ActivationGridView::Mode::Difference
                                         : ActivationGridView::Mode::TopPercent);
        const auto byInit = context.finalPaths(project);
        ProjectFigures::fillActivations(grid, context, *network, byInit.begin()->second, composite, o->top);
        if (!QDir().mkpath(QString::fromStdString(o->out)))
            throw Error("cannot create the folder '" + o->out + "'");
        const QString name =
            QString::fromStdString(context.model.name) + QStringLiteral("-activations-") +
            QString::fromStdString(o->concepts).replace(QLatin1Char(','), QLatin1Char('-')).remove(QLatin1Char('/'));
        const QString path = QDir(QString::fromStdString(o->out)).filePath(name + QLatin1Char('.') + options.format);
        QStringList files;
        try {
            files = FigureExporter::exportFigure(grid, path, options);
        } catch (const std::runtime_error& e) {
            throw Error(e.what());
        }
        const QSizeF size = options.sizeMm.isEmpty() ? grid.defaultSizeMm() : options.sizeMm;
        project.logExport(name.toStdString(), files[0].toStdString(), o->settings.format, size.width(), size.height(),
                          o->settings.format == "png" ? o->settings.dpi : 0);
        std::cout << "wrote " << files[0].toStdString() << "\nwrote " << files[1].toStdString() << '\n';
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
            study = ActivationMaps::hitRates(*network, context.heldOut(), context.model.normalization, paths, o->hit,
                                             {}, &cancel.flag());
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

}  // namespace

void addFigureCommands(CLI::App& parent)
{
    addFiguresCommand(parent);
    addActivationsCommand(parent);
    addHitRateCommand(parent);
}

}  // namespace nad::cli
