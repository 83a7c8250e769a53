#include "ConceptFilterModel.h"

#include "ConceptTreeModel.h"

namespace nad {

ConceptFilterModel::ConceptFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {}

void ConceptFilterModel::setFilterText(const QString& text)
{
    // Spaces typed around a word are not part of any name.
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

bool ConceptFilterModel::matches(const QModelIndex& sourceIndex) const
{
    return sourceIndex.data(Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive);
}

bool ConceptFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_text.isEmpty())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, ConceptTreeModel::NameColumn, sourceParent);
    if (matches(index))
        return true;
    // A concept under a matching primary; or a primary with a matching concept.
    if (sourceParent.isValid())
        return matches(sourceParent);
    for (int row = 0; row < sourceModel()->rowCount(index); ++row)
        if (matches(sourceModel()->index(row, ConceptTreeModel::NameColumn, index)))
            return true;
    return false;
}

QVector<QModelIndex> ConceptFilterModel::shownConceptRows() const
{
    QVector<QModelIndex> rows;
    for (int top = 0; top < rowCount(); ++top) {
        const QModelIndex item = index(top, ConceptTreeModel::NameColumn);
        if (item.data(ConceptTreeModel::KindRole).toInt() == ConceptTreeModel::ConceptItem)
            rows << item;
        for (int child = 0; child < rowCount(item); ++child)
            rows << index(child, ConceptTreeModel::NameColumn, item);
    }
    return rows;
}

QVector<qint64> ConceptFilterModel::shownConcepts() const
{
    QVector<qint64> ids;
    for (const QModelIndex& row : shownConceptRows())
        ids << row.data(ConceptTreeModel::IdRole).toLongLong();
    return ids;
}

QStringList ConceptFilterModel::shownNames() const
{
    QStringList names;
    for (const QModelIndex& row : shownConceptRows())
        names << row.data(Qt::DisplayRole).toString();
    return names;
}

}  // namespace nad
