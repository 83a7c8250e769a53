#pragma once

// The tiny zoo model (VGG width 4, one epoch on Fashion-MNIST, batch 256) that the CLI and
// kill-safety suites learn on. ctest trains it once per run (the test app/fixture_tiny_zoo,
// cmake/TrainTinyZoo.cmake) and passes its folder in NAD_TEST_TINY_ZOO; a suite started by
// hand trains its own into `scratch` instead.
#include <QDir>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace nadtest {

inline constexpr char kTinyZooModel[] = "vgg-w4-s1";

// The arguments of `nad` that train the tiny model into `zoo`.
inline QStringList tinyZooTrainArguments(const QString& zoo)
{
    return {QStringLiteral("zoo"),     QStringLiteral("train"), QStringLiteral("--arch"),   QStringLiteral("vgg"),
            QStringLiteral("--width"), QStringLiteral("4"),     QStringLiteral("--epochs"), QStringLiteral("1"),
            QStringLiteral("--batch"), QStringLiteral("256"),   QStringLiteral("--zoo"),    zoo};
}

// The folder holding the tiny model; empty when training it failed (`error` says why).
inline QString tinyZoo(const QString& nad, const QString& scratch, QString* error = nullptr)
{
    const QString shared = qEnvironmentVariable("NAD_TEST_TINY_ZOO");
    if (!shared.isEmpty()) {
        if (QDir(shared).exists(QStringLiteral("%1.json").arg(QLatin1String(kTinyZooModel))))
            return shared;
        if (error)
            *error = QStringLiteral("NAD_TEST_TINY_ZOO='%1' holds no %2").arg(shared, QLatin1String(kTinyZooModel));
        return {};
    }
    QProcess process;
    process.start(nad, tinyZooTrainArguments(scratch));
    if (!process.waitForFinished(15 * 60 * 1000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        if (error)
            *error = QString::fromUtf8(process.readAllStandardError());
        return {};
    }
    return scratch;
}

}  // namespace nadtest
