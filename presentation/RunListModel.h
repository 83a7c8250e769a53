#pragma once

#include "store/RunStore.h"

#include <QAbstractListModel>
#include <QString>

#include <cstdint>
#include <map>
#include <vector>

namespace nad {

// The evaluated runs the exploration views offer in their run selector: one row per model, in
// model-id order (the order the usage and interpretability views list the models in), shown as
// "<model> · run <id>". Which run a model shows (its latest finished run with metrics) is the
// store's rule, RunStore::latestEvaluatedRuns; this model only presents it. Fed with plain
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

    // `shown`: model id -> the run to list for it (RunStore::latestEvaluatedRuns). `models` and
    // `runs` give the names and presets; a model missing from `models` is listed as "model <id>".
    void setRuns(const std::vector<ModelRecord>& models, const std::vector<RunRecord>& runs,
                 const std::map<std::int64_t, std::int64_t>& shown);
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
