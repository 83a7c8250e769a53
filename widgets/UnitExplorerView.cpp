#include "UnitExplorerView.h"

#include "figures/UnitProfileView.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace nad {

UnitExplorerView::UnitExplorerView(QWidget* parent) : QWidget(parent)
{
    auto* controls = new QWidget(this);
    auto* form = new QFormLayout;
    m_blocks = new QComboBox(controls);
    m_blocks->setObjectName(QStringLiteral("unitBlock"));
    form->addRow(tr("&Block:"), m_blocks);
    m_top = new QSpinBox(controls);
    m_top->setObjectName(QStringLiteral("unitTop"));
    m_top->setRange(1, 32);
    m_top->setValue(12);
    m_top->setToolTip(tr("How many of the most responsive held-out images to show"));
    form->addRow(tr("&Top images:"), m_top);
    m_table = new QTableWidget(0, 3, controls);
    m_table->setObjectName(QStringLiteral("unitTable"));
    m_table->setHorizontalHeaderLabels({tr("Unit"), tr("Paths"), tr("Kept by")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setToolTip(tr("The block's units, most shared by the concepts' paths first; click a header to sort"));
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_status = new QLabel(controls);
    m_status->setObjectName(QStringLiteral("unitStatus"));
    m_status->setWordWrap(true);
    m_status->hide();
    auto* controlLayout = new QVBoxLayout(controls);
    controlLayout->setContentsMargins(0, 0, 0, 0);
    controlLayout->addLayout(form);
    controlLayout->addWidget(m_table, 1);
    controlLayout->addWidget(m_status);

    m_profile = new UnitProfileView(this);
    m_profile->setObjectName(QStringLiteral("unitProfile"));
    auto* splitter = new QSplitter(this);
    splitter->addWidget(controls);
    splitter->addWidget(m_profile);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({320, 800});
    auto* explanation =
        new QLabel(tr("What a unit responds to: the held-out images that activate it most (its map over them, on one "
                      "scale), its mean response per concept, and which concepts' paths keep it."),
                   this);
    explanation->setWordWrap(true);
    explanation->setObjectName(QStringLiteral("viewExplanation"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addWidget(splitter, 1);

    connect(m_blocks, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int block) {
        m_table->setRowCount(0);
        m_unit = -1;
        m_profile->clear();
        if (block >= 0)
            Q_EMIT blockSelected(block);
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        if (!m_filling)
            requestSelected();
    });
    connect(m_top, qOverload<int>(&QSpinBox::valueChanged), this, [this] {
        if (m_unit >= 0)
            Q_EMIT profileRequested(currentBlock(), m_unit, topCount());
    });
}

void UnitExplorerView::setBlocks(const QStringList& names, const QVector<int>& units)
{
    {
        QSignalBlocker blocker(m_blocks);
        m_blocks->clear();
        for (int b = 0; b < names.size(); ++b)
            m_blocks->addItem(tr("%1 (%2 units)").arg(names[b]).arg(units.value(b)));
        m_blocks->setCurrentIndex(-1);
    }
    m_table->setRowCount(0);
    m_unit = -1;
    m_profile->clear();
}

void UnitExplorerView::setUnits(int block, const QVector<UnitRow>& rows)
{
    if (block != currentBlock())
        return;
    m_filling = true;
    m_table->setSortingEnabled(false);
    m_table->setRowCount(rows.size());
    for (int r = 0; r < rows.size(); ++r) {
        // Numbers as numbers, so a click on the header sorts them as such.
        auto* unit = new QTableWidgetItem;
        unit->setData(Qt::DisplayRole, rows[r].unit);
        unit->setData(Qt::UserRole, rows[r].unit);
        m_table->setItem(r, 0, unit);
        auto* keeping = new QTableWidgetItem;
        keeping->setData(Qt::DisplayRole, rows[r].conceptsKeeping);
        m_table->setItem(r, 1, keeping);
        auto* names = new QTableWidgetItem(rows[r].keptBy.join(QStringLiteral(", ")));
        names->setToolTip(names->text());
        m_table->setItem(r, 2, names);
    }
    m_table->resizeColumnToContents(0);
    m_table->resizeColumnToContents(1);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::DescendingOrder);  // the given order until a click
    m_table->setSortingEnabled(true);
    m_filling = false;
}

void UnitExplorerView::showUnit(int block, int unit)
{
    if (block < 0 || block >= m_blocks->count())
        return;
    if (block != currentBlock())
        m_blocks->setCurrentIndex(block);  // blockSelected: the app fills the list
    int row = unit < 0 && m_table->rowCount() > 0 ? 0 : -1;
    for (int r = 0; r < m_table->rowCount() && row < 0; ++r)
        if (m_table->item(r, 0)->data(Qt::UserRole).toInt() == unit)
            row = r;
    if (row >= 0) {
        m_filling = true;
        m_table->selectRow(row);
        m_table->scrollToItem(m_table->item(row, 0));
        m_filling = false;
        unit = m_table->item(row, 0)->data(Qt::UserRole).toInt();
    }
    if (unit < 0)
        return;
    m_unit = unit;
    Q_EMIT profileRequested(block, unit, topCount());
}

void UnitExplorerView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (currentBlock() < 0 && m_blocks->count() > 0)
        showUnit(m_blocks->count() - 1);
}

void UnitExplorerView::requestSelected()
{
    const auto selected = m_table->selectionModel()->selectedRows();
    if (selected.isEmpty())
        return;
    m_unit = m_table->item(selected.first().row(), 0)->data(Qt::UserRole).toInt();
    Q_EMIT profileRequested(currentBlock(), m_unit, topCount());
}

void UnitExplorerView::setProfile(const UnitProfile& profile)
{
    if (int(profile.block) != currentBlock() || int(profile.unit) != m_unit)
        return;  // an answer to an earlier request
    m_profile->setProfile(profile);
}

void UnitExplorerView::setStatus(const QString& text)
{
    if (!m_profile->hasProfile() && !text.isEmpty())
        m_profile->clear(text);
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

int UnitExplorerView::currentBlock() const
{
    return m_blocks->currentIndex();
}

int UnitExplorerView::topCount() const
{
    return m_top->value();
}

}  // namespace nad
