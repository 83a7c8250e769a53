#include "ActivationBrowser.h"

#include "ActivationComparisonStrip.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QImageReader>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QMouseEvent>
#include <QPushButton>
#include <QRadioButton>
#include <QRandomGenerator>
#include <QResizeEvent>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QToolTip>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace nad {
namespace {

std::pair<int, int> rowsCols(const QString& layout)
{
    const QStringList parts = layout.split(QLatin1Char('x'));
    if (parts.size() != 2)
        return {1, 1};
    return {std::max(1, parts[0].toInt()), std::max(1, parts[1].toInt())};
}

}  // namespace

ActivationBrowser::ActivationBrowser(QWidget* parent) : QWidget(parent)
{
    setAcceptDrops(true);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buildCompositeRow());
    layout->addLayout(buildViewRow());
    layout->addWidget(buildMapArea(), 1);
    rebuildTileCombos({});
    connectControls();
    m_grid->setTopPercent(5);
    updateBlockControls();
}

// Composite: layout, one concept per tile (arranged like the tiles), random.
QHBoxLayout* ActivationBrowser::buildCompositeRow()
{
    m_layout = new QComboBox(this);
    m_layout->setObjectName(QStringLiteral("layoutCombo"));
    for (const char* layout : {"1x2", "2x2", "1x4", "3x3"}) {
        const QString value = QString::fromLatin1(layout);
        m_layout->addItem(tr("%1 × %2").arg(rowsCols(value).first).arg(rowsCols(value).second), value);
    }
    m_layout->setCurrentIndex(1);
    m_layout->setToolTip(tr("Tiles of the composite image (rows × columns)"));
    m_tileBox = new QWidget(this);
    m_tileBox->setObjectName(QStringLiteral("tileCombos"));
    m_tileGrid = new QGridLayout(m_tileBox);
    m_tileGrid->setContentsMargins(0, 0, 0, 0);
    m_tileGrid->setSpacing(3);
    m_random = new QPushButton(tr("Random"), this);
    m_random->setObjectName(QStringLiteral("randomComposite"));
    m_random->setToolTip(tr("A composite of randomly chosen concepts"));
    auto* dropHint = new QLabel(tr("or drop image files here"), this);
    dropHint->setEnabled(false);
    dropHint->setMinimumHeight(m_random->sizeHint().height());

    auto* compositeRow = new QHBoxLayout;
    compositeRow->addWidget(new QLabel(tr("Layout:"), this));
    compositeRow->addWidget(m_layout);
    compositeRow->addSpacing(8);
    compositeRow->addWidget(new QLabel(tr("Tiles:"), this));
    compositeRow->addWidget(m_tileBox);
    compositeRow->addWidget(m_random, 0, Qt::AlignTop);
    compositeRow->addWidget(dropHint, 0, Qt::AlignTop);
    compositeRow->addStretch(1);
    return compositeRow;
}

// View: block, top-k %, mode.
QHBoxLayout* ActivationBrowser::buildViewRow()
{
    m_blockSlider = new QSlider(Qt::Horizontal, this);
    m_blockSlider->setObjectName(QStringLiteral("blockSlider"));
    m_blockSlider->setEnabled(false);
    m_blockSlider->setMinimumWidth(140);
    m_blockSlider->setPageStep(1);
    m_blockSlider->setTickPosition(QSlider::TicksBelow);
    m_blockLabel = new QLabel(this);
    m_blockLabel->setObjectName(QStringLiteral("blockLabel"));
    m_blockLabel->setMinimumWidth(
        m_blockLabel->fontMetrics().horizontalAdvance(QStringLiteral("00 / 00: features.00.conv")));
    m_topSlider = new QSlider(Qt::Horizontal, this);
    m_topSlider->setObjectName(QStringLiteral("topPercentSlider"));
    m_topSlider->setRange(1, 50);
    m_topSlider->setValue(5);
    m_topSlider->setMinimumWidth(70);
    m_topSlider->setMaximumWidth(120);
    m_topSpin = new QSpinBox(this);
    m_topSpin->setObjectName(QStringLiteral("topPercentSpin"));
    m_topSpin->setRange(1, 50);
    m_topSpin->setValue(5);
    m_topSpin->setSuffix(tr(" %"));
    m_topSpin->setToolTip(tr("Share of the most activated pixels shown"));
    m_topMode = new QRadioButton(tr("Top k %"), this);
    m_topMode->setObjectName(QStringLiteral("topPercentMode"));
    m_topMode->setChecked(true);
    m_heatMode = new QRadioButton(tr("Heat map"), this);
    m_heatMode->setObjectName(QStringLiteral("heatMapMode"));
    m_differenceMode = new QRadioButton(tr("Difference to original"), this);
    m_differenceMode->setObjectName(QStringLiteral("differenceMode"));
    m_differenceMode->setToolTip(tr("Each path's channel sum minus the original network's, in the original's range: "
                                    "white where the path changes nothing"));
    auto* modes = new QButtonGroup(this);
    modes->addButton(m_topMode);
    modes->addButton(m_heatMode);
    modes->addButton(m_differenceMode);

    auto* viewRow = new QHBoxLayout;
    viewRow->addWidget(new QLabel(tr("Block:"), this));
    viewRow->addWidget(m_blockSlider, 1);
    viewRow->addWidget(m_blockLabel);
    viewRow->addSpacing(12);
    viewRow->addWidget(m_topMode);
    viewRow->addWidget(m_topSlider);
    viewRow->addWidget(m_topSpin);
    viewRow->addSpacing(8);
    viewRow->addWidget(m_heatMode);
    viewRow->addWidget(m_differenceMode);
    connect(modes, &QButtonGroup::buttonToggled, this, [this](QAbstractButton* button, bool checked) {
        if (!checked)
            return;
        setMode(button == m_topMode    ? ActivationGridView::Mode::TopPercent
                : button == m_heatMode ? ActivationGridView::Mode::HeatMap
                                       : ActivationGridView::Mode::Difference);
    });
    return viewRow;
}

// The selected block large on top, every block below.
QSplitter* ActivationBrowser::buildMapArea()
{
    m_strip = new ActivationComparisonStrip(this);
    m_strip->setObjectName(QStringLiteral("comparisonStrip"));
    m_grid = new ActivationGridView;
    m_grid->setObjectName(QStringLiteral("activationGrid"));
    m_grid->setMouseTracking(true);
    m_scroll = new QScrollArea(this);
    m_scroll->setObjectName(QStringLiteral("gridScrollArea"));
    m_scroll->setWidgetResizable(true);
    m_scroll->setWidget(m_grid);
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("stripGridSplitter"));
    m_splitter->addWidget(m_strip);
    m_splitter->addWidget(m_scroll);
    m_splitter->setChildrenCollapsible(false);
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] { m_userSizedSplitter = true; });
    m_grid->installEventFilter(this);
    m_strip->installEventFilter(this);
    return m_splitter;
}

void ActivationBrowser::connectControls()
{
    connect(m_layout, &QComboBox::currentIndexChanged, this, [this] {
        if (m_building)
            return;
        rebuildTileCombos(conceptPerTile());
        requestComposite();
    });
    connect(m_random, &QPushButton::clicked, this, &ActivationBrowser::randomComposite);
    connect(m_blockSlider, &QSlider::valueChanged, this, [this] {
        m_grid->setHighlightedBlock(selectedBlock());
        updateBlockControls();
        refreshStrip();
    });
    connect(m_topSlider, &QSlider::valueChanged, m_topSpin, &QSpinBox::setValue);
    connect(m_topSpin, &QSpinBox::valueChanged, this, [this](int value) {
        m_topSlider->setValue(value);
        if (m_grid->topPercent() != value) {
            m_grid->setTopPercent(value);
            refreshStrip();
        }
    });
}

void ActivationBrowser::setConceptNames(const QStringList& names)
{
    m_conceptNames = names;
    rebuildTileCombos(conceptPerTile());
}

void ActivationBrowser::rebuildTileCombos(const QVector<QString>& keep)
{
    m_building = true;
    qDeleteAll(m_tileCombos);
    m_tileCombos.clear();
    const auto [rows, cols] = rowsCols(compositeLayout());
    // Keep the earlier choices; fill new tiles with concepts not shown yet.
    QVector<QString> chosen;
    for (int t = 0; t < rows * cols; ++t) {
        QString name = t < keep.size() && m_conceptNames.contains(keep[t]) ? keep[t] : QString();
        if (name.isEmpty())
            for (const QString& candidate : m_conceptNames)
                if (!chosen.contains(candidate) && !keep.mid(t).contains(candidate)) {
                    name = candidate;
                    break;
                }
        if (name.isEmpty() && !m_conceptNames.isEmpty())
            name = m_conceptNames[t % m_conceptNames.size()];
        chosen << name;
    }
    for (int t = 0; t < rows * cols; ++t) {
        auto* combo = new QComboBox(m_tileBox);
        combo->setObjectName(QStringLiteral("tileCombo%1").arg(t));
        combo->setToolTip(tr("Concept of tile %1 (row %2, column %3)").arg(t + 1).arg(t / cols + 1).arg(t % cols + 1));
        combo->addItems(m_conceptNames);
        combo->setCurrentIndex(std::max(0, int(m_conceptNames.indexOf(chosen[t]))));
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        combo->setEnabled(!m_conceptNames.isEmpty());
        m_tileGrid->addWidget(combo, t / cols, t % cols);
        combo->show();  // the layout would show it only on the next event loop pass
        connect(combo, &QComboBox::currentIndexChanged, this, [this] {
            if (!m_building)
                requestComposite();
        });
        m_tileCombos << combo;
    }
    m_random->setEnabled(!m_conceptNames.isEmpty());
    m_building = false;
}

QString ActivationBrowser::compositeLayout() const
{
    return m_layout->currentData().toString();
}

void ActivationBrowser::setCompositeLayout(const QString& layout)
{
    const int index = m_layout->findData(layout);
    if (index < 0 || index == m_layout->currentIndex())
        return;
    const QVector<QString> keep = conceptPerTile();
    m_building = true;
    m_layout->setCurrentIndex(index);
    m_building = false;
    rebuildTileCombos(keep);
}

QVector<QString> ActivationBrowser::conceptPerTile() const
{
    QVector<QString> concepts;
    for (const QComboBox* combo : m_tileCombos)
        concepts << combo->currentText();
    return concepts;
}

void ActivationBrowser::setConceptPerTile(const QVector<QString>& concepts)
{
    m_building = true;
    for (int t = 0; t < m_tileCombos.size() && t < concepts.size(); ++t) {
        const int index = m_conceptNames.indexOf(concepts[t]);
        if (index >= 0)
            m_tileCombos[t]->setCurrentIndex(index);
    }
    m_building = false;
}

void ActivationBrowser::requestComposite()
{
    if (m_conceptNames.isEmpty())
        return;
    Q_EMIT compositeRequested(conceptPerTile(), compositeLayout());
}

void ActivationBrowser::randomComposite()
{
    if (m_conceptNames.isEmpty())
        return;
    QStringList pool = m_conceptNames;
    auto* random = QRandomGenerator::global();
    QVector<QString> concepts;
    while (concepts.size() < m_tileCombos.size()) {
        if (pool.isEmpty())
            pool = m_conceptNames;  // more tiles than concepts: start repeating
        concepts << pool.takeAt(int(random->bounded(pool.size())));
    }
    setConceptPerTile(concepts);
    requestComposite();
}

void ActivationBrowser::setData(const CompositeImage& composite, const QStringList& tileLabels,
                                const QStringList& blockNames, const QVector<ActivationGridView::Row>& rows)
{
    const int previous = m_blockSlider->isEnabled() ? m_blockSlider->value() : -1;
    m_grid->setData(composite, tileLabels, blockNames, rows);
    // Enough height for legible cells; the scroll area takes the rest.
    m_grid->setMinimumHeight(60 + 64 * std::max(1, int(rows.size())));
    {
        const QSignalBlocker blocker(m_blockSlider);
        m_blockSlider->setRange(0, std::max(0, int(blockNames.size()) - 1));
        // Stay on the chosen block when the network is the same; the last block otherwise.
        m_blockSlider->setValue(
            previous >= 0 && previous < blockNames.size() ? previous : std::max(0, int(blockNames.size()) - 1));
        m_blockSlider->setEnabled(!blockNames.isEmpty());
    }
    m_grid->setHighlightedBlock(blockNames.isEmpty() ? -1 : selectedBlock());
    updateBlockControls();
    refreshStrip();
    fitStrip();
}

void ActivationBrowser::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitStrip();
}

void ActivationBrowser::fitStrip()
{
    // The strip as tall as its panels need (they are as wide as the window allows), the grid
    // the rest; once the user drags the splitter, their choice stays.
    if (m_userSizedSplitter || m_strip->panelCount() == 0)
        return;
    const int total = m_splitter->height();
    const int strip = std::min(m_strip->idealHeight(m_splitter->width()), total * 2 / 3);
    m_splitter->setSizes({strip, std::max(0, total - strip)});
}

int ActivationBrowser::selectedBlock() const
{
    return m_blockSlider->value();
}

void ActivationBrowser::setSelectedBlock(int block)
{
    m_blockSlider->setValue(block);
}

double ActivationBrowser::topPercent() const
{
    return m_topSpin->value();
}

void ActivationBrowser::setTopPercent(double percent)
{
    m_topSpin->setValue(int(std::lround(percent)));
}

ActivationGridView::Mode ActivationBrowser::mode() const
{
    return m_grid->mode();
}

void ActivationBrowser::setMode(ActivationGridView::Mode mode)
{
    const bool top = mode == ActivationGridView::Mode::TopPercent;
    {
        const QSignalBlocker blockTop(m_topMode), blockHeat(m_heatMode), blockDifference(m_differenceMode);
        m_topMode->setChecked(top);
        m_heatMode->setChecked(mode == ActivationGridView::Mode::HeatMap);
        m_differenceMode->setChecked(mode == ActivationGridView::Mode::Difference);
    }
    m_topSlider->setEnabled(top);
    m_topSpin->setEnabled(top);
    if (m_grid->mode() != mode) {
        m_grid->setMode(mode);
        refreshStrip();
    }
}

void ActivationBrowser::updateBlockControls()
{
    const QStringList& names = m_grid->blockNames();
    if (names.isEmpty()) {
        m_blockLabel->setText(tr("no maps"));
        return;
    }
    const int block = selectedBlock();
    m_blockLabel->setText(tr("%1 / %2: %3").arg(block + 1).arg(names.size()).arg(names.value(block)));
}

void ActivationBrowser::refreshStrip()
{
    const QVector<ActivationGridView::Row>& rows = m_grid->rows();
    const int block = selectedBlock();
    if (rows.isEmpty() || m_grid->blockNames().isEmpty()) {
        m_strip->setPanels(QString(), {}, 1, 1);
        return;
    }
    QVector<ActivationComparisonStrip::Panel> panels;
    panels.push_back({tr("input"), ActivationGridView::toImage(m_grid->composite().image), QColor(60, 60, 60), -1});
    for (int r = 0; r < rows.size(); ++r)
        panels.push_back({rows[r].label, m_grid->cellImage(r, block), ActivationGridView::rowColour(r), rows[r].tile});
    const QString shows = mode() == ActivationGridView::Mode::TopPercent ? tr("top %1 % pixels").arg(topPercent())
                          : mode() == ActivationGridView::Mode::HeatMap  ? tr("heat map")
                                                                         : tr("difference to original");
    m_strip->setPanels(tr("Block %1 of %2: %3 (%4)")
                           .arg(block + 1)
                           .arg(m_grid->blockNames().size())
                           .arg(m_grid->blockNames().value(block), shows),
                       panels, m_grid->composite().rows, m_grid->composite().cols);
}

QString ActivationBrowser::pixelToolTip(int row, int block, int x, int y) const
{
    const CompositeImage& composite = m_grid->composite();
    const QVector<ActivationGridView::Row>& rows = m_grid->rows();
    if (x < 0 || y < 0 || x >= composite.image.width || y >= composite.image.height)
        return QString();
    QStringList lines;
    if (row >= 0 && row < rows.size() && block >= 0 && block < m_grid->blockNames().size())
        lines
            << tr("Block %1 of %2: %3").arg(block + 1).arg(m_grid->blockNames().size()).arg(m_grid->blockNames()[block])
            << tr("Map: %1").arg(rows[row].label);
    else
        lines << tr("Input image");

    int tile = -1;
    for (int t = 0; t < composite.tileCount() && tile < 0; ++t)
        if (composite.insideTile(t, y, x))
            tile = t;
    QString tileName;
    for (const auto& r : rows)
        if (r.tile == tile && tile >= 0)
            tileName = r.label;
    const QString where = tr("Pixel (%1, %2) in tile %3 of %4").arg(x).arg(y).arg(tile + 1).arg(composite.tileCount());
    lines << (tileName.isEmpty() ? where : tr("%1 (%2)").arg(where, tileName));

    if (row >= 0 && row < rows.size() && block >= 0 && std::size_t(block) < rows[row].maps.size()) {
        const ActivationMap& map = rows[row].maps[std::size_t(block)];
        if (map.width > 0 && map.height > 0) {
            // A map of another size than the composite: the same relative position.
            const int mx = std::clamp(x * map.width / std::max(1, composite.image.width), 0, map.width - 1);
            const int my = std::clamp(y * map.height / std::max(1, composite.image.height), 0, map.height - 1);
            const double normalized = map.at(my, mx);
            const QLocale locale;
            const double low = map.rawMin, high = map.rawMax;
            lines << tr("Channel sum: %1 (normalized %2)")
                         .arg(locale.toString(low + normalized * (high - low), 'g', 4),
                              locale.toString(normalized, 'f', 3));
            const auto& original = rows[0].maps;
            if (mode() == ActivationGridView::Mode::Difference && row > 0 && std::size_t(block) < original.size() &&
                original[std::size_t(block)].width == map.width && original[std::size_t(block)].height == map.height)
                lines << tr("Difference to original: %1 of its range")
                             .arg(locale.toString(
                                 ActivationGridView::relativeDifference(map, original[std::size_t(block)], my, mx), 'f',
                                 3));
            const auto& kept = rows[row].keptShare;
            if (std::size_t(block) < kept.size())
                lines << (m_grid->isWholeNetwork(row, block)
                              ? tr("The path keeps %1 % of this block's units: the original network here")
                                    .arg(locale.toString(100.0 * kept[std::size_t(block)], 'f', 1))
                              : tr("The path keeps %1 % of this block's units")
                                    .arg(locale.toString(100.0 * kept[std::size_t(block)], 'f', 1)));
            if (mode() == ActivationGridView::Mode::TopPercent) {
                const auto mask = map.topPercentMask(topPercent());
                const bool kept = mask[std::size_t(my) * std::size_t(map.width) + std::size_t(mx)] != 0;
                lines << (kept ? tr("Among the top %1 %").arg(topPercent())
                               : tr("Not among the top %1 %").arg(topPercent()));
            }
        }
    }
    return lines.join(QLatin1Char('\n'));
}

QString ActivationBrowser::gridToolTip(const QPoint& gridPixel) const
{
    int row = -1, column = -1;
    QPoint pixel;
    if (!m_grid->cellAt(gridPixel, &row, &column, &pixel))
        return QString();
    return column == 0 ? pixelToolTip(-1, -1, pixel.x(), pixel.y())
                       : pixelToolTip(row, column - 1, pixel.x(), pixel.y());
}

QString ActivationBrowser::stripToolTip(const QPoint& stripPixel) const
{
    QPoint pixel;
    const int panel = m_strip->panelAt(stripPixel, &pixel);
    if (panel < 0)
        return QString();
    // Panel 0 is the input; panel r + 1 is row r of the grid.
    return panel == 0 ? pixelToolTip(-1, -1, pixel.x(), pixel.y())
                      : pixelToolTip(panel - 1, selectedBlock(), pixel.x(), pixel.y());
}

bool ActivationBrowser::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::MouseButtonPress && watched == m_grid) {
        // A click on a block's column selects that block for the strip.
        int row = -1, column = -1;
        if (static_cast<QMouseEvent*>(event)->button() == Qt::LeftButton &&
            m_grid->cellAt(static_cast<QMouseEvent*>(event)->pos(), &row, &column, nullptr) && column > 0)
            setSelectedBlock(column - 1);
    }
    if (event->type() == QEvent::MouseButtonDblClick && watched == m_grid) {
        int row = -1, column = -1;
        if (m_grid->cellAt(static_cast<QMouseEvent*>(event)->pos(), &row, &column, nullptr) && column > 0)
            Q_EMIT blockDoubleClicked(column - 1);
    }
    if (event->type() == QEvent::ToolTip && (watched == m_grid || watched == m_strip)) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QString text = watched == m_grid ? gridToolTip(help->pos()) : stripToolTip(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, static_cast<QWidget*>(watched));
        }
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

QStringList ActivationBrowser::imageSuffixes()
{
    QStringList suffixes;
    for (const QByteArray& format : QImageReader::supportedImageFormats())
        suffixes << QString::fromLatin1(format).toLower();
    return suffixes;
}

QStringList ActivationBrowser::droppedImages(const QMimeData* mime) const
{
    QStringList files;
    if (!mime || !mime->hasUrls())
        return files;
    const QStringList suffixes = imageSuffixes();
    for (const QUrl& url : mime->urls())
        if (url.isLocalFile() && suffixes.contains(QFileInfo(url.toLocalFile()).suffix().toLower()))
            files << url.toLocalFile();
    return files;
}

void ActivationBrowser::dragEnterEvent(QDragEnterEvent* event)
{
    if (!droppedImages(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void ActivationBrowser::dragMoveEvent(QDragMoveEvent* event)
{
    if (!droppedImages(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void ActivationBrowser::dropEvent(QDropEvent* event)
{
    const QStringList files = droppedImages(event->mimeData());
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    Q_EMIT filesDropped(files);
}

}  // namespace nad
