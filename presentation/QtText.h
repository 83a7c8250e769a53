#pragma once

#include <QString>

#include <string>

namespace nad {

// The engine speaks UTF-8 std::string; the GUI QString. One short name for the conversion
// used wherever records are shown.
inline QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

}  // namespace nad
