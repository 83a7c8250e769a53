#pragma once

// Running the real `nad` executable (NAD_CLI_PATH) from a test, shared by the CLI suites.
#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <sys/resource.h>

#include <csignal>

namespace nadtest {

struct CliResult
{
    int exitCode = -1;  // -2: crashed, -3: timed out (and was killed)
    QString out;
    QString err;
};

// Runs `nad arguments`. Generous default timeout: ctest runs suites in parallel on CI's two
// cores, and a few commands train or learn. fileSizeLimit > 0: the child runs under
// RLIMIT_FSIZE with SIGXFSZ ignored, so a write past the limit fails with EFBIG as on a full
// disk (no root, no tmpfs mount needed).
inline CliResult runCli(const QStringList& arguments, qint64 fileSizeLimit = 0, int timeoutMs = 15 * 60 * 1000)
{
    QProcess process;
    if (fileSizeLimit > 0)
        process.setChildProcessModifier([fileSizeLimit] {
            ::signal(SIGXFSZ, SIG_IGN);
            const rlimit limit{rlim_t(fileSizeLimit), rlim_t(fileSizeLimit)};
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
    process.start(QStringLiteral(NAD_CLI_PATH), arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {-3, {}, QStringLiteral("timed out")};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

// The file's SHA-256 in hex, "unreadable" when it cannot be read: what a command must leave as it was.
inline QByteArray fileSha256(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArrayLiteral("unreadable");
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

inline bool haveFashionMnist()
{
    return QFile::exists(QStringLiteral(NAD_FASHION_MNIST_DIR "/train-images-idx3-ubyte.gz"));
}

}  // namespace nadtest
