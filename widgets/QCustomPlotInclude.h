#pragma once

// The only place qcustomplot.h is included. The project builds with QT_NO_KEYWORDS (LibTorch
// uses `slots` as an identifier), but Debian's qcustomplot.h 2.1 still writes `signals:` and
// `foreach`; map them to the Q_ macros for this one header, then take them away again.
#define signals Q_SIGNALS
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef foreach
