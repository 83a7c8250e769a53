#include "ProjectExplorerWidget.h"

#include "Palette.h"
#include "store/RunStatus.h"

#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QStyle>

namespace nad {

namespace {

// Okabe & Ito colours (readable on light and dark palettes); pending is greyed like ConceptPanel's
// "not learned".
QBrush statusBrush(RunStatus status, const QPalette& palette)
{
    switch (status) {
    case RunStatus::Finished:
        return QBrush(Palette::category(2));  // bluish green
    case RunStatus::Interrupted:
    case RunStatus::Failed:
        return QBrush(Palette::category(5));  // vermillion
    case RunStatus::Running:
        return QBrush(Palette::category(0));  // blue
    case RunStatus::Pending:
    case RunStatus::Cancelled:
        return QBrush(palette.color(QPalette::Disabled, QPalette::Text));
    }
    return palette.text();
}

QIcon statusIcon(RunStatus status, const QStyle* style)
{
    switch (status) {
    case RunStatus::Finished:
        return style->standardIcon(QStyle::SP_DialogApplyButton);
    case RunStatus::Interrupted:
    case RunStatus::Failed:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case RunStatus::Running:
        return style->standardIcon(QStyle::SP_MediaPlay);
    case RunStatus::Pending:
    case RunStatus::Cancelled:
        return style->standardIcon(QStyle::SP_MediaPause);
    }
    return style->standardIcon(QStyle::SP_MessageBoxQuestion);
}

// The explorer's look over the Qt-Core-only model: fonts, colours and icons need QtGui and the
// view's palette and style, so they are added here, read from the model's roles.
class ExplorerLook : public QIdentityProxyModel
{
public:
    explicit ExplorerLook(QWidget* view) : QIdentityProxyModel(view), m_view(view) {}

    QVariant data(const QModelIndex& index, int role) const override
    {
        if (!index.isValid() || (role != Qt::FontRole && role != Qt::ForegroundRole && role != Qt::DecorationRole))
            return QIdentityProxyModel::data(index, role);
        const int kind = index.data(ProjectTreeModel::KindRole).toInt();
        const int column = index.column();
        if (role == Qt::FontRole && kind == ProjectTreeModel::SectionItem && column == ProjectTreeModel::ItemColumn) {
            QFont bold = m_view->font();
            bold.setBold(true);
            return bold;
        }
        if (role == Qt::FontRole && kind == ProjectTreeModel::ModelItem && column == ProjectTreeModel::DetailsColumn &&
            index.data(ProjectTreeModel::ImportedRole).toBool()) {
            QFont italic = m_view->font();
            italic.setItalic(true);
            return italic;
        }
        if ((role == Qt::ForegroundRole || role == Qt::DecorationRole) && kind == ProjectTreeModel::RunItem &&
            column == ProjectTreeModel::SummaryColumn) {
            const auto status = RunStatus(index.data(ProjectTreeModel::StatusRole).toInt());
            return role == Qt::ForegroundRole ? QVariant(statusBrush(status, m_view->palette()))
                                              : QVariant(statusIcon(status, m_view->style()));
        }
        return QIdentityProxyModel::data(index, role);
    }

private:
    QWidget* m_view;
};

}  // namespace

ProjectExplorerWidget::ProjectExplorerWidget(QWidget* parent) : QTreeView(parent)
{
    m_model = new ProjectTreeModel(this);
    auto* look = new ExplorerLook(this);
    look->setSourceModel(m_model);
    setModel(look);
    // The names never truncate; the details give way (elided, complete in the tooltips).
    header()->setSectionResizeMode(ItemColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(SummaryColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(DetailsColumn, QHeaderView::Stretch);
    header()->setStretchLastSection(false);
    setUniformRowHeights(true);
    // A dock is narrow: a tighter indentation leaves room for the details column.
    setIndentation(qMin(indentation(), 14));
    connect(selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current, const QModelIndex&) { onCurrentChanged(current); });
}

void ProjectExplorerWidget::clearProject()
{
    m_model->clear();
}

void ProjectExplorerWidget::setProject(const ProjectInfo& info, const std::vector<ConceptRecord>& concepts)
{
    setProject(info, concepts, {}, {});
}

void ProjectExplorerWidget::setProject(const ProjectInfo& info, const std::vector<ConceptRecord>& concepts,
                                       const std::vector<ModelRecord>& models, const std::vector<RunRecord>& runs)
{
    m_model->setProject(info, concepts, models, runs);
    showNewProject();
}

void ProjectExplorerWidget::showNewProject()
{
    // Section headers span the row. Sections and data sets open, concept groups closed: the
    // concepts are browsed (and chosen) in the concept panel, so here they stay one click away.
    for (int row = 0; row < model()->rowCount(); ++row)
        setFirstColumnSpanned(row, QModelIndex(), true);
    expandToDepth(1);
}

void ProjectExplorerWidget::onCurrentChanged(const QModelIndex& current)
{
    if (!current.isValid())
        return;
    const qint64 id = current.data(IdRole).toLongLong();
    switch (current.data(KindRole).toInt()) {
    case DatasetItem:
        Q_EMIT datasetSelected(id);
        break;
    case ConceptItem:
        Q_EMIT conceptSelected(id);
        break;
    case ModelItem:
        Q_EMIT modelSelected(id);
        break;
    case RunItem:
        Q_EMIT runSelected(id);
        break;
    default:
        break;
    }
}

}  // namespace nad
