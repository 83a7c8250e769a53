#pragma once

// The user's own model for the import tests: two tiny CNNs exported to TorchScript by Debian's
// python3-torch (tiny3.pt: 3 classes, tiny5.pt: 5; input 3×16×16), a block spec naming their
// two blocks, and an ImageFolder of three classes (ankle, bag, coat) with train/ and test/.

#include <QColor>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QString>

namespace nadtest {

// Debian's python3 with torch, or empty when it is missing (the tests then skip).
inline QString torchPython()
{
    const QString python = QStringLiteral(NAD_SYSTEM_PYTHON);
    if (python.isEmpty() || QProcess::execute(python, {QStringLiteral("-c"), QStringLiteral("import torch")}) != 0)
        return {};
    return python;
}

// Writes DIR/tiny3.pt, DIR/tiny5.pt, DIR/spec.json and DIR/images/{train,test}/{ankle,bag,coat}.
inline bool writeImportedModelFixture(const QString& python, const QDir& dir)
{
    if (QProcess::execute(python, {QStringLiteral(NAD_TEST_DATA_DIR "/export_tiny_cnn.py"), dir.path()}) != 0)
        return false;
    const QStringList classes = {QStringLiteral("ankle"), QStringLiteral("bag"), QStringLiteral("coat")};
    for (int c = 0; c < classes.size(); ++c)
        for (const auto& [split, count] :
             {std::pair<QString, int>{QStringLiteral("train"), 4}, {QStringLiteral("test"), 2}}) {
            const QString folder = dir.filePath(QStringLiteral("images/") + split + QLatin1Char('/') + classes[c]);
            if (!QDir().mkpath(folder))
                return false;
            for (int i = 0; i < count; ++i) {
                QImage image(16, 16, QImage::Format_RGB32);
                image.fill(QColor(40 + 80 * c, 200 - 60 * c, 10 * i));
                if (!image.save(folder + QStringLiteral("/img%1.png").arg(i)))
                    return false;
            }
        }
    QFile spec(dir.filePath(QStringLiteral("spec.json")));
    if (!spec.open(QIODevice::WriteOnly))
        return false;
    spec.write(R"({"input": {"channels": 3, "size": 16}, "normalization": {"mean": [0.5], "std": [0.25]},
                  "blocks": [{"name": "conv1", "steps": ["features.0", "features.1"]},
                             {"name": "conv2", "steps": ["features.2", "features.3", "features.4"]}],
                  "classifier": ["pool", "@flatten", "fc"]})");
    return true;
}

}  // namespace nadtest
