#pragma once

#include <QStringList>

namespace nad {

// The File ▸ Recent list, kept in the user's settings ("recentProjects"), newest first.
class RecentProjects
{
public:
    static constexpr int kMaximum = 8;
    static QStringList list();
    // Puts `path` first (once) and drops the oldest beyond kMaximum; returns the new list.
    static QStringList remember(const QString& path);
};

}  // namespace nad
