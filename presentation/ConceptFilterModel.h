#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>
#include <QVector>

namespace nad {

// The concept panel's search over a ConceptTreeModel: a concept is shown when its name, or its
// primary's name, contains the text, ignoring case ("footwear" lists the shoes); a primary is
// shown while it shows a concept. An empty (or blank) text shows everything. Rows keep the
// model's order: nothing is sorted.
class ConceptFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ConceptFilterModel(QObject* parent = nullptr);

    void setFilterText(const QString& text);
    QString filterText() const { return m_text; }

    // The concepts shown, in tree order ("Select all" checks these).
    QVector<qint64> shownConcepts() const;
    QStringList shownNames() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    bool matches(const QModelIndex& sourceIndex) const;
    // Every shown concept row (column 0), in tree order.
    QVector<QModelIndex> shownConceptRows() const;

    QString m_text;
};

}  // namespace nad
