#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

namespace nad {

class ProjectStore;

// A run's final binary paths of the first initialization, by concept name, in the form the path
// views take (one mask per block, true: the unit is kept). The comparison and the flow show the
// first initialization, as the activation grid does.
struct StoredRunPaths
{
    QStringList blockNames;
    QMap<QString, QVector<QVector<bool>>> byConcept;

    // Throws the store's errors; an unknown run gives an empty set.
    static StoredRunPaths load(const ProjectStore& project, qint64 runId);
};

}  // namespace nad
