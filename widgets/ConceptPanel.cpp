#include "ConceptPanel.h"

#include "ConceptFilterModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace nad {
namespace {

// The panel's look over the Qt-Core-only model: fonts and colours need QtGui and the view's
// palette, so they are added here, read from the model's roles.
class ConceptLook : public QIdentityProxyModel
{
public:
    explicit ConceptLook(QWidget* view) : QIdentityProxyModel(view), m_view(view) {}

    QVariant data(const QModelIndex& index, int role) const override
    {
        if (!index.isValid() || (role != Qt::FontRole && role != Qt::ForegroundRole))
            return QIdentityProxyModel::data(index, role);
        const bool group = index.data(ConceptTreeModel::KindRole).toInt() == ConceptTreeModel::GroupItem;
        const int column = index.column();
        if (role == Qt::FontRole && group && column == ConceptTreeModel::NameColumn) {
            QFont bold = m_view->font();
            bold.setBold(true);
            return bold;
        }
        if (role == Qt::ForegroundRole && column == ConceptTreeModel::StatusColumn) {
            // Grey for what is not there yet (and a primary's tally), the text colour once learned.
            const bool learned =
                !group && index.data(ConceptTreeModel::StatusRole).toInt() == int(ConceptTreeModel::Status::Learned);
            if (!learned)
                return QBrush(m_view->palette().color(QPalette::Disabled, QPalette::Text));
        }
        if (role == Qt::ForegroundRole && column == ConceptTreeModel::NameColumn &&
            index.data(ConceptTreeModel::DegenerateRole).toBool())
            return QBrush(QColor(190, 60, 0));
        return QIdentityProxyModel::data(index, role);
    }

private:
    QWidget* m_view;
};

}  // namespace

ConceptPanel::ConceptPanel(QWidget* parent) : QWidget(parent)
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("conceptSearch"));
    m_search->setPlaceholderText(tr("Search concepts…"));
    m_search->setClearButtonEnabled(true);

    m_model = new ConceptTreeModel(this);
    m_filter = new ConceptFilterModel(this);
    m_filter->setSourceModel(m_model);
    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("conceptTree"));
    auto* look = new ConceptLook(m_tree);
    look->setSourceModel(m_filter);
    m_tree->setModel(look);
    // Every column as wide as its contents, so a name is never cut to "T-s…" in a narrow dock:
    // the tree scrolls sideways to the later columns instead; the last one takes what is left.
    for (int column = ConceptTreeModel::NameColumn; column < ConceptTreeModel::ColumnCount; ++column)
        m_tree->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
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

    connect(m_search, &QLineEdit::textChanged, m_filter, &ConceptFilterModel::setFilterText);
    // A primary the search hid comes back as a new row, which a tree view shows collapsed;
    // primaries are always shown open, as after setConcepts.
    connect(look, &QAbstractItemModel::rowsInserted, m_tree, [this](const QModelIndex& parent, int first, int last) {
        if (parent.isValid())
            return;
        for (int row = first; row <= last; ++row)
            m_tree->expand(m_tree->model()->index(row, 0));
    });
    connect(m_model, &ConceptTreeModel::checkedChanged, this, &ConceptPanel::checkedChanged);
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex& index) {
        if (index.data(ConceptTreeModel::KindRole).toInt() == ConceptTreeModel::ConceptItem)
            Q_EMIT conceptActivated(index.data(ConceptTreeModel::IdRole).toLongLong());
    });
    connect(m_all, &QPushButton::clicked, this, &ConceptPanel::selectAllShown);
    connect(m_none, &QPushButton::clicked, this, &ConceptPanel::selectNone);
}

void ConceptPanel::setConcepts(const QVector<ConceptEntry>& concepts)
{
    m_model->setConcepts(concepts);
    m_tree->expandAll();
}

QVector<qint64> ConceptPanel::checkedConcepts() const
{
    return m_model->checkedConcepts();
}

QStringList ConceptPanel::checkedNames() const
{
    return m_model->checkedNames();
}

void ConceptPanel::setChecked(const QStringList& names)
{
    m_model->setChecked(names);
}

void ConceptPanel::setCheckedIds(const QVector<qint64>& ids)
{
    m_model->setCheckedIds(ids);
}

void ConceptPanel::selectAllShown()
{
    QVector<qint64> ids = m_model->checkedConcepts();
    for (qint64 id : m_filter->shownConcepts())
        if (!ids.contains(id))
            ids << id;
    m_model->setCheckedIds(ids);
}

void ConceptPanel::selectNone()
{
    m_model->setCheckedIds({});
}

void ConceptPanel::setStatus(qint64 id, Status status, double precision, double usage)
{
    m_model->setStatus(id, status, precision, usage);
}

void ConceptPanel::setStatus(const QString& name, Status status, double precision, double usage)
{
    m_model->setStatus(name, status, precision, usage);
}

void ConceptPanel::setDetails(const QString& name, const PathDetails& details)
{
    m_model->setDetails(name, details);
}

void ConceptPanel::clearStatuses()
{
    m_model->clearStatuses();
}

ConceptPanel::Status ConceptPanel::status(qint64 id) const
{
    return m_model->status(id);
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
    return m_filter->shownNames();
}

QModelIndex ConceptPanel::itemOf(qint64 id, int column) const
{
    const auto* look = static_cast<const QIdentityProxyModel*>(m_tree->model());
    return look->mapFromSource(m_filter->mapFromSource(m_model->indexOf(id, column)));
}

}  // namespace nad
