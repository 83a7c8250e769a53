#include "RecentProjects.h"

#include <QSettings>

namespace nad {

namespace {
const QString kKey = QStringLiteral("recentProjects");
}

QStringList RecentProjects::list()
{
    return QSettings().value(kKey).toStringList();
}

QStringList RecentProjects::remember(const QString& path)
{
    QStringList recent = list();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaximum)
        recent.removeLast();
    QSettings().setValue(kKey, recent);
    return recent;
}

}  // namespace nad
