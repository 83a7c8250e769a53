#include "ConceptTreeModel.h"

#include <QLocale>

#include <algorithm>
#include <climits>
#include <cmath>

namespace nad {
namespace {

QString percent(double fraction)
{
    return std::isnan(fraction) ? QString() : QLocale().toString(fraction * 100.0, 'f', 1) + QStringLiteral(" %");
}

QString number(double value, int digits)
{
    return std::isnan(value) ? QString() : QLocale().toString(value, 'f', digits);
}

// Column titles and header tooltips, by Column (QT_TRANSLATE_NOOP: lupdate files them under the
// model's context, tr() translates them when the header is drawn).
const char* const kHeaders[ConceptTreeModel::ColumnCount] = {
    QT_TRANSLATE_NOOP("nad::ConceptTreeModel", "Concept"),   QT_TRANSLATE_NOOP("nad::ConceptTreeModel", "Status"),
    QT_TRANSLATE_NOOP("nad::ConceptTreeModel", "Precision"), QT_TRANSLATE_NOOP("nad::ConceptTreeModel", "Usage/block"),
    QT_TRANSLATE_NOOP("nad::ConceptTreeModel", "AUROC"),     QT_TRANSLATE_NOOP("nad::ConceptTreeModel", "Knockout")};
const char* const kHeaderTips[ConceptTreeModel::ColumnCount] = {
    nullptr,
    nullptr,
    QT_TRANSLATE_NOOP("nad::ConceptTreeModel",
                      "Path precision: accuracy on held-out images of the concept with its path applied"),
    QT_TRANSLATE_NOOP("nad::ConceptTreeModel", "Unit usage: mean over blocks of the share of each block's units the "
                                               "path keeps (as the paper's Fig. 4)"),
    QT_TRANSLATE_NOOP("nad::ConceptTreeModel", "One-vs-rest AUROC of the concept's logit under its path (its "
                                               "held-out images against all others)"),
    QT_TRANSLATE_NOOP("nad::ConceptTreeModel", "Accuracy on the concept lost when its own units are switched off "
                                               "(points), and with as many random units off")};

// Top-level rows carry internal id 0; a concept under group g carries g + 1, so parent() needs
// no lookup.
constexpr quintptr kTopLevel = 0;

}  // namespace

ConceptTreeModel::ConceptTreeModel(QObject* parent) : QAbstractItemModel(parent) {}

void ConceptTreeModel::setConcepts(const QVector<ConceptEntry>& concepts)
{
    const QVector<qint64> before = checkedConcepts();
    beginResetModel();
    m_entries = concepts;
    m_state = QVector<State>(concepts.size());
    m_groups.clear();
    m_ungrouped.clear();
    m_byId.clear();

    // Primary concepts in hierarchy order (a known position first), then in order of first
    // appearance; concepts keep their given order inside a group.
    QHash<QString, int> position;
    QStringList primaries;
    for (const ConceptEntry& concept : concepts) {
        if (concept.primary.isEmpty() || position.contains(concept.primary))
            continue;
        primaries << concept.primary;
        position.insert(concept.primary, concept.primaryPosition < 0 ? INT_MAX : concept.primaryPosition);
    }
    std::stable_sort(primaries.begin(), primaries.end(),
                     [&](const QString& a, const QString& b) { return position[a] < position[b]; });
    QHash<QString, int> groupOf;
    for (const QString& primary : primaries) {
        groupOf.insert(primary, int(m_groups.size()));
        m_groups.push_back({primary, {}});
    }
    for (int c = 0; c < concepts.size(); ++c) {
        State& state = m_state[c];
        state.group = groupOf.value(concepts[c].primary, -1);
        if (state.group >= 0) {
            state.row = int(m_groups[state.group].members.size());
            m_groups[state.group].members << c;
        } else {
            state.row = int(m_groups.size() + m_ungrouped.size());
            m_ungrouped << c;
        }
        m_byId.insert(concepts[c].id, c);
    }
    endResetModel();
    emitIfSelectionChanged(before);
}

QVector<qint64> ConceptTreeModel::checkedConcepts() const
{
    QVector<qint64> ids;
    for (int c = 0; c < m_entries.size(); ++c)
        if (m_state[c].checked)
            ids << m_entries[c].id;
    return ids;
}

QStringList ConceptTreeModel::checkedNames() const
{
    QStringList names;
    for (int c = 0; c < m_entries.size(); ++c)
        if (m_state[c].checked)
            names << m_entries[c].name;
    return names;
}

void ConceptTreeModel::setChecked(const QStringList& names)
{
    QVector<qint64> ids;
    for (const ConceptEntry& concept : m_entries)
        if (names.contains(concept.name))
            ids << concept.id;
    setCheckedIds(ids);
}

void ConceptTreeModel::setCheckedIds(const QVector<qint64>& ids)
{
    const QVector<qint64> before = checkedConcepts();
    for (int c = 0; c < m_entries.size(); ++c)
        m_state[c].checked = ids.contains(m_entries[c].id);
    if (checkedConcepts() != before)
        allRowsChanged(NameColumn, NameColumn, {Qt::CheckStateRole});
    emitIfSelectionChanged(before);
}

void ConceptTreeModel::setStatus(qint64 id, Status status, double precision, double usage)
{
    const int c = m_byId.value(id, -1);
    if (c < 0)
        return;
    State& state = m_state[c];
    state.status = status;
    state.precision = precision;
    state.usage = usage;
    if (status != Status::Learned)
        state.details = PathDetails{};
    conceptChanged(c);
}

void ConceptTreeModel::setStatus(const QString& name, Status status, double precision, double usage)
{
    for (const ConceptEntry& concept : m_entries)
        if (concept.name == name)
            setStatus(concept.id, status, precision, usage);
}

void ConceptTreeModel::setDetails(const QString& name, const PathDetails& details)
{
    for (int c = 0; c < m_entries.size(); ++c) {
        if (m_entries[c].name != name)
            continue;
        m_state[c].details = details;
        conceptChanged(c);
    }
}

void ConceptTreeModel::clearStatuses()
{
    for (int c = 0; c < m_entries.size(); ++c) {
        m_state[c].status = Status::NotLearned;
        m_state[c].precision = m_state[c].usage = std::numeric_limits<double>::quiet_NaN();
        m_state[c].details = PathDetails{};
    }
    allRowsChanged(NameColumn, ColumnCount - 1, {});
}

ConceptTreeModel::Status ConceptTreeModel::status(qint64 id) const
{
    const int c = m_byId.value(id, -1);
    return c < 0 ? Status::NotLearned : m_state[c].status;
}

QModelIndex ConceptTreeModel::indexOf(qint64 id, int column) const
{
    const int c = m_byId.value(id, -1);
    return c < 0 ? QModelIndex() : conceptIndex(c, column);
}

QString ConceptTreeModel::statusText(Status status)
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

int ConceptTreeModel::conceptAt(const QModelIndex& index) const
{
    if (!index.isValid())
        return -1;
    if (index.internalId() != kTopLevel)
        return m_groups[int(index.internalId() - 1)].members[index.row()];
    return index.row() < m_groups.size() ? -1 : m_ungrouped[index.row() - int(m_groups.size())];
}

int ConceptTreeModel::groupAt(const QModelIndex& index) const
{
    return index.isValid() && index.internalId() == kTopLevel && index.row() < m_groups.size() ? index.row() : -1;
}

QModelIndex ConceptTreeModel::conceptIndex(int concept, int column) const
{
    const State& state = m_state[concept];
    return createIndex(state.row, column, state.group < 0 ? kTopLevel : quintptr(state.group + 1));
}

QModelIndex ConceptTreeModel::groupIndex(int group, int column) const
{
    return createIndex(group, column, kTopLevel);
}

Qt::CheckState ConceptTreeModel::groupState(int group) const
{
    const QVector<int>& members = m_groups[group].members;
    const auto checked = std::count_if(members.begin(), members.end(), [this](int c) { return m_state[c].checked; });
    return checked == 0 ? Qt::Unchecked : checked == members.size() ? Qt::Checked : Qt::PartiallyChecked;
}

QString ConceptTreeModel::groupStatus(int group) const
{
    const QVector<int>& members = m_groups[group].members;
    const auto learned =
        std::count_if(members.begin(), members.end(), [this](int c) { return m_state[c].status == Status::Learned; });
    return tr("%1/%2 learned").arg(learned).arg(members.size());
}

QString ConceptTreeModel::toolTip(int concept, int column) const
{
    const ConceptEntry& entry = m_entries[concept];
    if (column == NameColumn)
        return tr("%1: %n training image(s)", nullptr, entry.trainImages).arg(entry.name);
    if (column == StatusColumn)
        return {};
    // The metric columns explain the numbers with everything the evaluation said.
    const PathDetails& details = m_state[concept].details;
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
    return lines.join(QLatin1Char('\n'));
}

QModelIndex ConceptTreeModel::index(int row, int column, const QModelIndex& parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kTopLevel);
    return createIndex(row, column, quintptr(groupAt(parent) + 1));
}

QModelIndex ConceptTreeModel::parent(const QModelIndex& index) const
{
    if (!index.isValid() || index.internalId() == kTopLevel)
        return {};
    return groupIndex(int(index.internalId() - 1), NameColumn);
}

int ConceptTreeModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_groups.size() + m_ungrouped.size());
    if (parent.column() != NameColumn)
        return 0;
    const int group = groupAt(parent);
    return group < 0 ? 0 : int(m_groups[group].members.size());
}

int ConceptTreeModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant ConceptTreeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const int column = index.column();
    const int group = groupAt(index);
    if (group >= 0) {
        switch (role) {
        case Qt::DisplayRole:
            return column == NameColumn     ? m_groups[group].name
                   : column == StatusColumn ? groupStatus(group)
                                            : QString();
        case Qt::CheckStateRole:
            return column == NameColumn ? QVariant(int(groupState(group))) : QVariant();
        case KindRole:
            return int(GroupItem);
        default:
            return {};
        }
    }
    const int c = conceptAt(index);
    const State& state = m_state[c];
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return m_entries[c].name;
        case StatusColumn:
            return state.details.degenerate ? tr("degenerate") : statusText(state.status);
        case PrecisionColumn:
            return percent(state.precision);
        case UsageColumn:
            return percent(state.usage);
        case AurocColumn:
            return number(state.details.auroc, 3);
        default:
            if (state.details.noOwnUnits)
                return tr("no own units");
            if (std::isnan(state.details.knockoutDrop))
                return QString();
            return tr("%1 (rnd %2)")
                .arg(number(100.0 * state.details.knockoutDrop, 1), number(100.0 * state.details.randomDrop, 1));
        }
    case Qt::ToolTipRole: {
        const QString tip = toolTip(c, column);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::TextAlignmentRole:
        return column >= PrecisionColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    case Qt::CheckStateRole:
        return column == NameColumn ? QVariant(int(state.checked ? Qt::Checked : Qt::Unchecked)) : QVariant();
    case IdRole:
        return m_entries[c].id;
    case KindRole:
        return int(ConceptItem);
    case StatusRole:
        return int(state.status);
    case DegenerateRole:
        return state.details.degenerate;
    default:
        return {};
    }
}

bool ConceptTreeModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::CheckStateRole || !checkIndex(index, CheckIndexOption::IndexIsValid) ||
        index.column() != NameColumn)
        return false;
    const bool checked = Qt::CheckState(value.toInt()) != Qt::Unchecked;
    const QVector<qint64> before = checkedConcepts();
    const int group = groupAt(index);
    if (group >= 0) {
        for (int c : m_groups[group].members)
            m_state[c].checked = checked;
        if (!m_groups[group].members.isEmpty())
            Q_EMIT dataChanged(conceptIndex(m_groups[group].members.first(), NameColumn),
                               conceptIndex(m_groups[group].members.last(), NameColumn), {Qt::CheckStateRole});
        Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
    } else {
        const int c = conceptAt(index);
        m_state[c].checked = checked;
        Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
        if (m_state[c].group >= 0) {
            const QModelIndex groupCell = groupIndex(m_state[c].group, NameColumn);
            Q_EMIT dataChanged(groupCell, groupCell, {Qt::CheckStateRole});
        }
    }
    emitIfSelectionChanged(before);
    return true;
}

QVariant ConceptTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole)
        return tr(kHeaders[section]);
    if (role == Qt::ToolTipRole && kHeaderTips[section])
        return tr(kHeaderTips[section]);
    if (role == Qt::TextAlignmentRole && section >= PrecisionColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

Qt::ItemFlags ConceptTreeModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    // Not ItemIsUserTristate: a click on a partial primary checks it (then unchecks), it never
    // asks for "partial"; the partial state only reports the concepts below.
    const Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return index.column() == NameColumn ? flags | Qt::ItemIsUserCheckable : flags;
}

void ConceptTreeModel::conceptChanged(int concept)
{
    Q_EMIT dataChanged(conceptIndex(concept, 0), conceptIndex(concept, ColumnCount - 1));
    if (m_state[concept].group >= 0) {
        const QModelIndex status = groupIndex(m_state[concept].group, StatusColumn);
        Q_EMIT dataChanged(status, status, {Qt::DisplayRole});
    }
}

void ConceptTreeModel::allRowsChanged(int firstColumn, int lastColumn, const QList<int>& roles)
{
    // One signal per parent (the top level, each group) instead of one per concept.
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, firstColumn), index(rowCount() - 1, lastColumn), roles);
    for (const Group& group : m_groups)
        if (!group.members.isEmpty())
            Q_EMIT dataChanged(conceptIndex(group.members.first(), firstColumn),
                               conceptIndex(group.members.last(), lastColumn), roles);
}

void ConceptTreeModel::emitIfSelectionChanged(const QVector<qint64>& before)
{
    if (checkedConcepts() != before)
        Q_EMIT checkedChanged();
}

}  // namespace nad
