#pragma once

#include "store/RunStore.h"

#include <QAbstractListModel>
#include <QString>

#include <cstdint>
#include <set>
#include <vector>

namespace nad {

// The evaluated runs the exploration views offer in their run selector. The figures are drawn
// from a run's stored metrics, and each model shows its newest result: so one row per model,
// its latest finished run that has metrics, in model-id order (the order the usage and
// interpretability views list the models in), shown as "<model> · run <id>". Fed with plain
// records; knows nothing about SQLite.
class RunListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        // QComboBox::findData and currentData read Qt::UserRole unless told otherwise, so the
        // run id sits there and a combo box on this model needs no role argument.
        RunIdRole = Qt::UserRole,
        ModelIdRole,
        ModelNameRole,
    };

    struct Entry
    {
        qint64 runId = 0;
        qint64 modelId = 0;
        QString modelName;
        QString preset;
    };

    explicit RunListModel(QObject* parent = nullptr);

    // `evaluatedRunIds`: the runs that have stored metrics (the store answers that; a run
    // without metrics has nothing to draw). Runs of a model missing from `models` are listed
    // as "model <id>".
    void setRuns(const std::vector<ModelRecord>& models, const std::vector<RunRecord>& runs,
                 const std::set<std::int64_t>& evaluatedRunIds);
    void clear();

    const std::vector<Entry>& entries() const { return m_entries; }
    // The row of a run, -1 when it is not listed.
    int rowOf(qint64 runId) const;
    // The run of a row, 0 when out of range.
    qint64 runId(int row) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    std::vector<Entry> m_entries;
};

}  // namespace nad
