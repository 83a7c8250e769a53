#include "RunListModel.h"

#include "QtText.h"

#include <algorithm>

namespace nad {

RunListModel::RunListModel(QObject* parent) : QAbstractListModel(parent) {}

void RunListModel::setRuns(const std::vector<ModelRecord>& models, const std::vector<RunRecord>& runs,
                           const std::map<std::int64_t, std::int64_t>& shown)
{
    beginResetModel();
    m_entries.clear();
    for (const auto& [modelId, runId] : shown) {  // the map keeps model-id order
        const auto model =
            std::find_if(models.begin(), models.end(), [&](const ModelRecord& m) { return m.id == modelId; });
        const auto run = std::find_if(runs.begin(), runs.end(), [&](const RunRecord& r) { return r.id == runId; });
        Entry entry;
        entry.runId = runId;
        entry.modelId = modelId;
        entry.modelName = model != models.end() ? qs(model->name) : tr("model %1").arg(modelId);
        entry.preset = run != runs.end() ? qs(run->preset) : QString();
        m_entries.push_back(entry);
    }
    endResetModel();
}

void RunListModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

int RunListModel::rowOf(qint64 runId) const
{
    for (std::size_t row = 0; row < m_entries.size(); ++row)
        if (m_entries[row].runId == runId)
            return int(row);
    return -1;
}

qint64 RunListModel::runId(int row) const
{
    return row >= 0 && std::size_t(row) < m_entries.size() ? m_entries[std::size_t(row)].runId : 0;
}

int RunListModel::rowCount(const QModelIndex& parent) const
{
    // A list: only the invisible root has rows.
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant RunListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& entry = m_entries[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 · run %2").arg(entry.modelName).arg(entry.runId);
    case Qt::ToolTipRole:
        return tr("Run %1 of %2 (%3 preset), the model's latest evaluated run")
            .arg(entry.runId)
            .arg(entry.modelName, entry.preset);
    case RunIdRole:
        return entry.runId;
    case ModelIdRole:
        return entry.modelId;
    case ModelNameRole:
        return entry.modelName;
    default:
        return {};
    }
}

}  // namespace nad
