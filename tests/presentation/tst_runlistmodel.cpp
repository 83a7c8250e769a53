#include "RunListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace nad;

// QComboBox::findData and currentData default to Qt::UserRole; the run selector relies on it.
static_assert(int(RunListModel::RunIdRole) == int(Qt::UserRole));

namespace {

ModelRecord model(std::int64_t id, const std::string& name)
{
    ModelRecord m;
    m.id = id;
    m.name = name;
    return m;
}

RunRecord run(std::int64_t id, std::int64_t modelId, RunStatus status, const std::string& preset = "paper")
{
    RunRecord r;
    r.id = id;
    r.modelId = modelId;
    r.status = status;
    r.preset = preset;
    return r;
}

std::vector<ModelRecord> models()
{
    return {model(8, "mine"), model(7, "vgg-w16-s1"), model(9, "resnet-w8")};
}

// Stored oldest first, as RunStore::runs() returns them.
std::vector<RunRecord> runs()
{
    return {run(1, 7, RunStatus::Finished),   run(2, 8, RunStatus::Finished, "official"),
            run(3, 10, RunStatus::Finished),  run(4, 7, RunStatus::Finished),
            run(5, 7, RunStatus::Finished),   run(6, 7, RunStatus::Running),
            run(7, 9, RunStatus::Interrupted)};
}

QStringList texts(const QAbstractItemModel& m)
{
    QStringList out;
    for (int row = 0; row < m.rowCount(); ++row)
        out << m.index(row, 0).data().toString();
    return out;
}

QList<qint64> ids(const QAbstractItemModel& m, int role)
{
    QList<qint64> out;
    for (int row = 0; row < m.rowCount(); ++row)
        out << m.index(row, 0).data(role).toLongLong();
    return out;
}

}  // namespace

class TestRunListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listsTheStoresRunPerModelInModelOrder()
    {
        RunListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
        // As RunStore::latestEvaluatedRuns answers: model id -> its latest evaluated run.
        m.setRuns(models(), runs(), {{10, 3}, {8, 2}, {7, 4}});
        QCOMPARE(m.rowCount(), 3);
        QCOMPARE(texts(m), (QStringList{QStringLiteral("vgg-w16-s1 · run 4"), QStringLiteral("mine · run 2"),
                                        QStringLiteral("model 10 · run 3")}));
        QCOMPARE(ids(m, RunListModel::RunIdRole), (QList<qint64>{4, 2, 3}));
        QCOMPARE(ids(m, RunListModel::ModelIdRole), (QList<qint64>{7, 8, 10}));
        QCOMPARE(m.index(1, 0).data(RunListModel::ModelNameRole).toString(), QStringLiteral("mine"));
        QVERIFY2(m.index(1, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("official")),
                 qPrintable(m.index(1, 0).data(Qt::ToolTipRole).toString()));
        QCOMPARE(m.rowOf(2), 1);
        QCOMPARE(m.rowOf(1), -1);  // not the store's choice for model 7
        QCOMPARE(m.rowOf(5), -1);
        QCOMPARE(m.runId(0), qint64(4));
        QCOMPARE(m.runId(3), qint64(0));
        QCOMPARE(m.runId(-1), qint64(0));
        QCOMPARE(m.entries().size(), std::size_t(3));
        // A list: nothing below a row, one column.
        QCOMPARE(m.rowCount(m.index(0, 0)), 0);
        QCOMPARE(static_cast<const QAbstractItemModel&>(m).columnCount(), 1);
    }

    void refillsAndClears()
    {
        RunListModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        m.setRuns(models(), runs(), {{7, 1}, {8, 2}});
        QCOMPARE(ids(m, RunListModel::RunIdRole), (QList<qint64>{1, 2}));
        // Run 5 evaluated since: it replaces run 1 as model 7's row.
        m.setRuns(models(), runs(), {{7, 5}, {8, 2}});
        QCOMPARE(ids(m, RunListModel::RunIdRole), (QList<qint64>{5, 2}));
        QCOMPARE(texts(m).first(), QStringLiteral("vgg-w16-s1 · run 5"));
        m.clear();
        QCOMPARE(m.rowCount(), 0);
        QVERIFY(!m.index(0, 0).isValid());
        m.setRuns(models(), runs(), {});
        QCOMPARE(m.rowCount(), 0);
        m.setRuns({}, {run(11, 3, RunStatus::Finished)}, {{3, 11}});
        QCOMPARE(texts(m), QStringList{QStringLiteral("model 3 · run 11")});
        QCOMPARE(reset.count(), 5);
    }
};

QTEST_GUILESS_MAIN(TestRunListModel)
#include "tst_runlistmodel.moc"
