#include "ConceptPanel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <cmath>

namespace nad {
namespace {

QString percent(double fraction)
{
    return std::isnan(fraction) ? QString() : QLocale().toString(fraction * 100.0, 'f', 1) + QStringLiteral(" %");
}

}  // namespace

ConceptPanel::ConceptPanel(QWidget* parent) : QWidget(parent)
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("conceptSearch"));
    m_search->setPlaceholderText(tr("Search concepts…"));
    m_search->setClearButtonEnabled(true);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("conceptTree"));
    m_tree->setColumnCount(6);
    m_tree->setHeaderLabels(
        {tr("Concept"), tr("Status"), tr("Precision"), tr("Usage/block"), tr("AUROC"), tr("Knockout")});
    m_tree->headerItem()->setToolTip(PrecisionColumn, tr("Path precision: accuracy on held-out images of the "
                                                         "concept with its path applied"));
    m_tree->headerItem()->setToolTip(UsageColumn, tr("Unit usage: mean over blocks of the share of each block's "
                                                     "units the path keeps (as the paper's Fig. 4)"));
    m_tree->headerItem()->setToolTip(AurocColumn, tr("One-vs-rest AUROC of the concept's logit under its path "
                                                     "(its held-out images against all others)"));
    m_tree->headerItem()->setToolTip(KnockoutColumn,
                                     tr("Accuracy on the concept lost when its own units are switched off (points), "
                                        "and with as many random units off"));
    m_tree->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    for (int column : {StatusColumn, PrecisionColumn, UsageColumn, AurocColumn, KnockoutColumn}) {
        m_tree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
        if (column != StatusColumn)
            m_tree->headerItem()->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_tree->header()->setStretchLastSection(false);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);

    m_all = new QPushButton(tr("Select all"), this);
    m_all->setObjectName(QStringLiteral("selectAllConcepts"));
    m_all->setToolTip(tr("Check every concept the search shows"));
    m_none = new QPushButton(tr("None"), this);
    m_none->setObjectName(QStringLiteral("selectNoConcepts"));
    m_none->setToolTip(tr("Uncheck every concept"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_all);
    buttons->addWidget(m_none);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_search);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);

    connect(m_search, &QLineEdit::textChanged, this, [this] { applyFilter(); });
    connect(m_tree, &QTreeWidget::itemChanged, this, &ConceptPanel::onItemChanged);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item, int) {
        if (item && item->type() == ConceptItem)
            Q_EMIT conceptActivated(item->data(NameColumn, IdRole).toLongLong());
    });
    connect(m_all, &QPushButton::clicked, this, &ConceptPanel::selectAllShown);
    connect(m_none, &QPushButton::clicked, this, &ConceptPanel::selectNone);
}

void ConceptPanel::setConcepts(const QVector<ConceptEntry>& concepts)
{
    m_updating = true;
    m_tree->clear();
    m_items.clear();
    m_status.clear();
    m_concepts = concepts;

    // Primary concepts in hierarchy order (a known position first), then in order of first
    // appearance; concepts keep their given order inside a group.
    QStringList primaries;
    QHash<QString, int> position;
    for (const ConceptEntry& concept : concepts) {
        if (concept.primary.isEmpty() || position.contains(concept.primary))
            continue;
        primaries << concept.primary;
        position.insert(concept.primary, concept.primaryPosition < 0 ? INT_MAX : concept.primaryPosition);
    }
    std::stable_sort(primaries.begin(), primaries.end(),
                     [&](const QString& a, const QString& b) { return position[a] < position[b]; });
    QHash<QString, QTreeWidgetItem*> groups;
    for (const QString& primary : primaries) {
        auto* group = new QTreeWidgetItem(m_tree, {primary}, GroupItem);
        group->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        group->setCheckState(NameColumn, Qt::Unchecked);
        QFont bold = group->font(NameColumn);
        bold.setBold(true);
        group->setFont(NameColumn, bold);
        groups.insert(primary, group);
    }
    for (const ConceptEntry& concept : concepts) {
        QTreeWidgetItem* group = groups.value(concept.primary, nullptr);
        auto* item = group ? new QTreeWidgetItem(group, ConceptItem) : new QTreeWidgetItem(m_tree, ConceptItem);
        item->setText(NameColumn, concept.name);
        item->setData(NameColumn, IdRole, concept.id);
        item->setToolTip(NameColumn, tr("%1: %n training image(s)", nullptr, concept.trainImages).arg(concept.name));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(NameColumn, Qt::Unchecked);
        for (int column : {PrecisionColumn, UsageColumn, AurocColumn, KnockoutColumn})
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        m_items.insert(concept.id, item);
    }
    for (QTreeWidgetItem* group : groups)
        updateGroupSummary(group);
    for (const ConceptEntry& concept : concepts)
        setStatus(concept.id, Status::NotLearned);
    m_tree->expandAll();
    m_updating = false;
    applyFilter();
    emitIfSelectionChanged();
}

QVector<qint64> ConceptPanel::checkedConcepts() const
{
    QVector<qint64> ids;
    for (const ConceptEntry& concept : m_concepts)
        if (const auto* item = m_items.value(concept.id, nullptr); item && item->checkState(NameColumn) == Qt::Checked)
            ids << concept.id;
    return ids;
}

QStringList ConceptPanel::checkedNames() const
{
    QStringList names;
    for (const ConceptEntry& concept : m_concepts)
        if (const auto* item = m_items.value(concept.id, nullptr); item && item->checkState(NameColumn) == Qt::Checked)
            names << concept.name;
    return names;
}

void ConceptPanel::setChecked(const QStringList& names)
{
    QVector<qint64> ids;
    for (const ConceptEntry& concept : m_concepts)
        if (names.contains(concept.name))
            ids << concept.id;
    setCheckedIds(ids);
}

void ConceptPanel::setCheckedIds(const QVector<qint64>& ids)
{
    m_updating = true;
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it)
        it.value()->setCheckState(NameColumn, ids.contains(it.key()) ? Qt::Checked : Qt::Unchecked);
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        if (m_tree->topLevelItem(i)->type() == GroupItem)
            updateGroupState(m_tree->topLevelItem(i));
    m_updating = false;
    emitIfSelectionChanged();
}

void ConceptPanel::selectAllShown()
{
    QVector<qint64> ids = checkedConcepts();
    for (auto it = m_items.cbegin(); it != m_items.cend(); ++it)
        if (!it.value()->isHidden() && !ids.contains(it.key()))
            ids << it.key();
    setCheckedIds(ids);
}

void ConceptPanel::selectNone()
{
    setCheckedIds({});
}

void ConceptPanel::setStatus(qint64 id, Status status, double precision, double usage)
{
    QTreeWidgetItem* item = m_items.value(id, nullptr);
    if (!item)
        return;
    const bool wasUpdating = m_updating;
    m_updating = true;
    m_status.insert(id, status);
    item->setText(StatusColumn, statusText(status));
    // Grey for what is not there yet, the normal text colour once learned.
    const QBrush brush = status == Status::Learned
                             ? m_tree->palette().text()
                             : QBrush(m_tree->palette().color(QPalette::Disabled, QPalette::Text));
    item->setForeground(StatusColumn, brush);
    item->setText(PrecisionColumn, percent(precision));
    item->setText(UsageColumn, percent(usage));
    if (status != Status::Learned)
        showDetails(item, PathDetails{});
    if (item->parent())
        updateGroupSummary(item->parent());
    m_updating = wasUpdating;
}

void ConceptPanel::setStatus(const QString& name, Status status, double precision, double usage)
{
    for (const ConceptEntry& concept : m_concepts)
        if (concept.name == name)
            setStatus(concept.id, status, precision, usage);
}

void ConceptPanel::setDetails(const QString& name, const PathDetails& details)
{
    for (const ConceptEntry& concept : m_concepts)
        if (concept.name == name)
            if (QTreeWidgetItem* item = m_items.value(concept.id, nullptr))
                showDetails(item, details);
}

void ConceptPanel::showDetails(QTreeWidgetItem* item, const PathDetails& details)
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    const QLocale locale;
    const auto number = [&locale](double v, int digits) {
        return std::isnan(v) ? QString() : locale.toString(v, 'f', digits);
    };
    item->setText(AurocColumn, number(details.auroc, 3));
    QString knockout;
    if (details.noOwnUnits)
        knockout = tr("no own units");
    else if (!std::isnan(details.knockoutDrop))
        knockout =
            tr("%1 (rnd %2)").arg(number(100.0 * details.knockoutDrop, 1), number(100.0 * details.randomDrop, 1));
    item->setText(KnockoutColumn, knockout);
    QStringList lines;
    if (!std::isnan(details.auroc))
        lines << tr("AUROC %1 (original network %2)").arg(number(details.auroc, 3), number(details.originalAuroc, 3));
    if (!std::isnan(details.knockoutDrop))
        lines << tr("Own units off: %1 points lost on the concept; %2 ± %3 with as many random units off")
                     .arg(number(100.0 * details.knockoutDrop, 1), number(100.0 * details.randomDrop, 1),
                          number(100.0 * details.randomDropStd, 1));
    if (details.noOwnUnits)
        lines << tr("No units of its own: every unit its path keeps, most other concepts' paths keep too");
    if (!std::isnan(details.steps))
        lines << tr("Learned in %1 steps (mean over initializations)").arg(number(details.steps, 0));
    if (details.degenerate)
        lines << tr("Degenerate: the path answers its concept for (almost) everything, or keeps almost nothing");
    for (int column : {PrecisionColumn, UsageColumn, AurocColumn, KnockoutColumn})
        item->setToolTip(column, lines.join(QLatin1Char('\n')));
    item->setForeground(NameColumn, details.degenerate ? QBrush(QColor(190, 60, 0)) : m_tree->palette().text());
    item->setText(StatusColumn, details.degenerate
                                    ? tr("degenerate")
                                    : statusText(m_status.value(item->data(NameColumn, IdRole).toLongLong())));
    m_updating = wasUpdating;
}

void ConceptPanel::clearStatuses()
{
    for (const ConceptEntry& concept : m_concepts)
        setStatus(concept.id, Status::NotLearned);
}

ConceptPanel::Status ConceptPanel::status(qint64 id) const
{
    return m_status.value(id, Status::NotLearned);
}

void ConceptPanel::setFilterText(const QString& text)
{
    m_search->setText(text);  // applies the filter through textChanged
}

QString ConceptPanel::filterText() const
{
    return m_search->text();
}

QStringList ConceptPanel::visibleNames() const
{
    QStringList names;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        if ((*it)->type() == ConceptItem && !(*it)->isHidden() && !((*it)->parent() && (*it)->parent()->isHidden()))
            names << (*it)->text(NameColumn);
    return names;
}

void ConceptPanel::applyFilter()
{
    const QString text = m_search->text().trimmed();
    const auto matches = [&text](const QTreeWidgetItem* item) {
        return text.isEmpty() || item->text(NameColumn).contains(text, Qt::CaseInsensitive);
    };
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem* top = m_tree->topLevelItem(i);
        if (top->type() == ConceptItem) {
            top->setHidden(!matches(top));
            continue;
        }
        // A matching primary shows all of its concepts ("footwear" lists the shoes).
        const bool groupMatches = matches(top);
        int shown = 0;
        for (int c = 0; c < top->childCount(); ++c) {
            const bool show = groupMatches || matches(top->child(c));
            top->child(c)->setHidden(!show);
            shown += show ? 1 : 0;
        }
        top->setHidden(shown == 0);
    }
}

void ConceptPanel::onItemChanged(QTreeWidgetItem* item, int column)
{
    if (m_updating || column != NameColumn)
        return;
    m_updating = true;
    if (item->type() == GroupItem) {
        // The user toggled a primary: all of its concepts follow (a partial one becomes checked).
        const Qt::CheckState state = item->checkState(NameColumn) == Qt::Unchecked ? Qt::Unchecked : Qt::Checked;
        for (int c = 0; c < item->childCount(); ++c)
            item->child(c)->setCheckState(NameColumn, state);
        updateGroupState(item);
    } else if (item->parent()) {
        updateGroupState(item->parent());
    }
    m_updating = false;
    emitIfSelectionChanged();
}

void ConceptPanel::updateGroupState(QTreeWidgetItem* group)
{
    int checked = 0;
    for (int c = 0; c < group->childCount(); ++c)
        checked += group->child(c)->checkState(NameColumn) == Qt::Checked ? 1 : 0;
    const Qt::CheckState state = checked == 0                     ? Qt::Unchecked
                                 : checked == group->childCount() ? Qt::Checked
                                                                  : Qt::PartiallyChecked;
    const bool wasUpdating = m_updating;
    m_updating = true;
    group->setCheckState(NameColumn, state);
    m_updating = wasUpdating;
}

void ConceptPanel::updateGroupSummary(QTreeWidgetItem* group)
{
    int learned = 0;
    for (int c = 0; c < group->childCount(); ++c)
        learned += status(group->child(c)->data(NameColumn, IdRole).toLongLong()) == Status::Learned ? 1 : 0;
    const bool wasUpdating = m_updating;
    m_updating = true;
    group->setText(StatusColumn, tr("%1/%2 learned").arg(learned).arg(group->childCount()));
    group->setForeground(StatusColumn, QBrush(m_tree->palette().color(QPalette::Disabled, QPalette::Text)));
    m_updating = wasUpdating;
}

void ConceptPanel::emitIfSelectionChanged()
{
    const QVector<qint64> now = checkedConcepts();
    if (now == m_lastChecked)
        return;
    m_lastChecked = now;
    Q_EMIT checkedChanged();
}

QString ConceptPanel::statusText(Status status) const
{
    switch (status) {
    case Status::Learning:
        return tr("learning");
    case Status::Learned:
        return tr("learned");
    case Status::NotLearned:
        break;
    }
    return tr("not learned");
}

}  // namespace nad
