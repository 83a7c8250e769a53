#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

#include <cstdint>
#include <map>
#include <vector>

namespace nad {

class ProjectStore;

// A run's final binary paths, read once when the run is selected and shared by the views that
// show them: the comparison and the flow (first initialization, as the activation grid) and the
// unit explorer's list (every initialization).
struct StoredRunPaths
{
    using Masks = std::vector<std::vector<std::uint8_t>>;  // one 0/1 per unit, per block

    QStringList blockNames;
    QVector<int> blockUnits;
    QStringList concepts;                           // those with paths, in class order
    QMap<QString, std::map<int, Masks>> byConcept;  // concept → initialization → masks

    // The concept's first initialization as the path views take it (empty when it has no path).
    QVector<QVector<bool>> firstInitialization(const QString& concept) const;

    // Throws the store's errors; an unknown run gives an empty set.
    static StoredRunPaths load(const ProjectStore& project, qint64 runId);
};

}  // namespace nad
