// The bad-input catalogue (issue 7): each row gives the real `nad` binary one bad input, the way
// a user meets it, and checks a clear message naming the file or field and the problem, the exit
// code (1 runtime, 2 usage), and that nothing in the work folder changed: every input file keeps
// its SHA-256 and no output (nor a temporary or journal) is left behind.
#include "CliProcess.h"
#include "store/SqliteDatabase.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <torch/script.h>
#include <unistd.h>

namespace {

using Result = nadtest::CliResult;
using nadtest::fileSha256;

// A bad input must fail quickly: five minutes is already a hang.
Result runNad(const QStringList& arguments, qint64 fileSizeLimit = 0)
{
    return nadtest::runCli(arguments, fileSizeLimit, 5 * 60 * 1000);
}

// Every file and folder under ROOT with its hash: what a row must leave exactly as it was.
QMap<QString, QByteArray> snapshot(const QString& root)
{
    QMap<QString, QByteArray> result;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        // SQLite's shared-memory index of a WAL project and an empty -wal: opening one of ours,
        // even read-only to check it, creates them and cannot remove them; they hold no data.
        // Foreign and newer files are refused from their header and get none.
        if (path.endsWith(QLatin1String("-shm")) ||
            (path.endsWith(QLatin1String("-wal")) && QFileInfo(path).size() == 0))
            continue;
        const QFileInfo info(path);
        result.insert(QDir(root).relativeFilePath(path), info.isDir() ? QByteArrayLiteral("dir") : fileSha256(path));
    }
    return result;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray bigEndian(quint32 value)
{
    const char bytes[] = {char(value >> 24), char(value >> 16), char(value >> 8), char(value)};
    return QByteArray(bytes, 4);
}

// An IDX file header: magic 0x000008NN and the dimensions (gzopen also reads uncompressed files).
QByteArray idxHeader(const QList<quint32>& dims, quint8 type = 0x08)
{
    const char magic[] = {char(0), char(0), char(type), char(dims.size())};
    QByteArray header(magic, 4);
    for (quint32 d : dims)
        header += bigEndian(d);
    return header;
}

// An IDX folder whose train and test splits both hold IMAGES and LABELS.
bool writeIdxFolder(const QString& dir, const QByteArray& images, const QByteArray& labels)
{
    for (const char* split : {"train", "t10k"})
        if (!writeFile(dir + QLatin1Char('/') + QLatin1String(split) + QStringLiteral("-images-idx3-ubyte.gz"),
                       images) ||
            !writeFile(dir + QLatin1Char('/') + QLatin1String(split) + QStringLiteral("-labels-idx1-ubyte.gz"), labels))
            return false;
    return true;
}

QByteArray validLabels(int count)
{
    return idxHeader({quint32(count)}) + QByteArray(count, char(1));
}

// An ImageFolder with train/ and test/ splits of the classes ankle, bag and coat (16×16 PNGs).
bool writeImageFolder(const QString& root)
{
    const QStringList classes = {QStringLiteral("ankle"), QStringLiteral("bag"), QStringLiteral("coat")};
    for (int c = 0; c < classes.size(); ++c)
        for (const char* split : {"train", "test"}) {
            const QString folder = root + QLatin1Char('/') + QLatin1String(split) + QLatin1Char('/') + classes[c];
            QDir().mkpath(folder);
            for (int i = 0; i < 2; ++i) {
                QImage image(16, 16, QImage::Format_RGB32);
                image.fill(QColor(40 + 80 * c, 200 - 60 * c, 30 * i));
                if (!image.save(folder + QStringLiteral("/img%1.png").arg(i)))
                    return false;
            }
        }
    return true;
}

// A tiny TorchScript model written by LibTorch itself (no Python needed): submodules c1 (a 3×3
// convolution 3→4), c2 (IN2→4) and fc (linear 4→3). With IN2 ≠ 4 its blocks do not chain.
void writeTinyModel(const QString& path, std::int64_t in2)
{
    auto cu = std::make_shared<torch::jit::CompilationUnit>();
    auto conv = [&](const std::string& type, std::int64_t in, std::int64_t out) {
        torch::jit::Module m(c10::QualifiedName("__torch__." + type), cu);
        m.register_parameter("weight", torch::randn({out, in, 3, 3}) * 0.1, false);
        m.register_parameter("bias", torch::zeros({out}), false);
        m.define("def forward(self, x):\n    return torch.conv2d(x, self.weight, self.bias, [1, 1], [1, 1])\n");
        return m;
    };
    torch::jit::Module fc(c10::QualifiedName("__torch__.Fc"), cu);
    fc.register_parameter("weight", torch::randn({3, 4}) * 0.1, false);
    fc.register_parameter("bias", torch::zeros({3}), false);
    fc.define("def forward(self, x):\n    return torch.linear(x, self.weight, self.bias)\n");
    torch::jit::Module model(c10::QualifiedName("__torch__.Tiny"), cu);
    model.register_module("c1", conv("ConvA", 3, 4));
    model.register_module("c2", conv("ConvB", in2, 4));
    model.register_module("fc", fc);
    model.define("def forward(self, x):\n"
                 "    y = torch.relu(self.c2.forward(torch.relu(self.c1.forward(x))))\n"
                 "    return self.fc.forward(torch.flatten(torch.adaptive_avg_pool2d(y, [1, 1]), 1))\n");
    model.save(path.toStdString());
}

QByteArray spec(const QString& secondStep)
{
    return QStringLiteral(R"({"input": {"channels": 3, "size": 16}, "normalization": {"mean": [0.5], "std": [0.25]},
  "blocks": [{"name": "conv1", "steps": ["c1", "@relu"]}, {"name": "conv2", "steps": ["%1", "@relu"]}],
  "classifier": ["@adaptive_avg_pool", "@flatten", "fc"]})")
        .arg(secondStep)
        .toUtf8();
}

}  // namespace

class TestBadInput : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_setupError;
    bool m_immutable = false;

    QString f(const QString& relative) const { return m_dir.filePath(relative); }

    void addRow(const char* name, const QStringList& arguments, int exitCode, const QStringList& fragments,
                const QStringList& inputs, const QString& skip = {}, qint64 fileSizeLimit = 0)
    {
        QStringList absolute;
        for (const QString& input : inputs)
            absolute << f(input);
        QTest::newRow(name) << arguments << exitCode << fragments << absolute << skip << fileSizeLimit;
    }

    // Writes every bad input once; the rows only read them.
    bool prepare()
    {
        QStringList failures;
        auto check = [&](bool ok, const char* what) {
            if (!ok)
                failures << QLatin1String(what);
        };
        // IDX folders.
        const QByteArray tenImages = idxHeader({10, 28, 28}) + QByteArray(10 * 28 * 28, char(7));
        check(writeIdxFolder(f("idx-truncated"), idxHeader({10, 28, 28}) + QByteArray(1000, char(7)), validLabels(10)),
              "idx-truncated");
        check(writeIdxFolder(f("idx-garbage"), QByteArray("these are my holiday notes, not pixels\n").repeated(40),
                             validLabels(10)),
              "idx-garbage");
        // A gzip header followed by bytes that are not deflate data.
        check(writeIdxFolder(f("idx-badgzip"),
                             QByteArray::fromHex("1f8b0800000000000003") + QByteArray(300, char(0xff)),
                             validLabels(10)),
              "idx-badgzip");
        check(writeIdxFolder(f("idx-magic"), validLabels(10), validLabels(10)), "idx-magic");  // a label file as images
        check(writeIdxFolder(f("idx-type"), idxHeader({10, 28, 28}, 0x0d) + QByteArray(4 * 10 * 28 * 28, char(0)),
                             validLabels(10)),
              "idx-type");
        check(writeIdxFolder(f("idx-count"), tenImages, validLabels(9)), "idx-count");
        check(
            writeIdxFolder(f("idx-huge"), idxHeader({0x80000000u, 28, 28}) + QByteArray(64, char(0)), validLabels(10)),
            "idx-huge");
        check(writeIdxFolder(f("idx-label"), tenImages, idxHeader({10}) + QByteArray(10, char(42))), "idx-label");

        // ImageFolders.
        check(QDir().mkpath(f("folder-empty")), "folder-empty");
        check(writeFile(f("folder-noimages/ankle/readme.txt"), "no pictures here\n") &&
                  writeFile(f("folder-noimages/bag/readme.txt"), "none here either\n"),
              "folder-noimages");
        check(writeImageFolder(f("images")), "images");

        // Models and specs.
        try {
            writeTinyModel(f("tiny.pt"), 4);
            writeTinyModel(f("nochain.pt"), 8);
        } catch (const std::exception& e) {
            failures << QStringLiteral("writing the TorchScript models: ") + QString::fromUtf8(e.what());
        }
        check(writeFile(f("junk.pt"), QByteArray("PK\x03\x04 not really a zip, nor a model", 34).repeated(20)),
              "junk.pt");
        check(writeFile(f("spec.json"), spec(QStringLiteral("c2"))), "spec.json");
        check(writeFile(f("spec-missing.json"), spec(QStringLiteral("features.9"))), "spec-missing.json");

        // Hierarchies over the classes ankle, bag, coat.
        check(writeFile(f("h-unknown.json"), R"({"footwear": ["ankle"], "others": ["bag", "scarf"]})"), "h-unknown");
        check(writeFile(f("h-cyclic.json"), R"({"ankle": ["bag"], "bag": ["ankle"]})"), "h-cyclic");
        check(writeFile(f("h-dupkey.json"), R"({"tops": ["coat"], "tops": ["bag"]})"), "h-dupkey");
        check(writeFile(f("h-dupmember.json"), R"({"tops": ["coat", "bag"], "others": ["bag"]})"), "h-dupmember");

        // Projects: one with the tiny model imported (for disentangle), and broken copies.
        const Result created =
            runNad({QStringLiteral("project"), QStringLiteral("new"), f("proj.nad"), QStringLiteral("--dataset"),
                    f("images"), QStringLiteral("--model"), f("tiny.pt"), QStringLiteral("--spec"), f("spec.json")});
        if (created.exitCode != 0)
            failures << QStringLiteral("project new proj.nad: ") + created.err;
        check(writeFile(f("notes.nad"), "my notes, not a database\n"), "notes.nad");
        try {
            nad::SqliteDatabase db(f("foreign.nad").toStdString(), nad::SqliteDatabase::Access::Create);
            db.exec("CREATE TABLE recipes (name TEXT, minutes INTEGER); INSERT INTO recipes VALUES ('soup', 30)");
        } catch (const std::exception& e) {
            failures << QStringLiteral("foreign.nad: ") + QString::fromUtf8(e.what());
        }
        check(QFile::copy(f("proj.nad"), f("newer.nad")), "newer.nad");
        try {
            nad::SqliteDatabase db(f("newer.nad").toStdString(), nad::SqliteDatabase::Access::ReadWrite);
            db.exec("PRAGMA user_version = 99");
        } catch (const std::exception& e) {
            failures << QStringLiteral("newer.nad: ") + QString::fromUtf8(e.what());
        }
        {
            // Garbage over the middle pages (not the 100-byte header, so it still looks like SQLite).
            QFile source(f("proj.nad"));
            check(source.open(QIODevice::ReadOnly), "proj.nad");
            QByteArray bytes = source.readAll();
            const int from = bytes.size() / 4, to = bytes.size() * 3 / 4;
            for (int i = from; i < to; ++i)
                bytes[i] = char(0xa5 ^ (i * 31));
            check(bytes.size() > 8192 && writeFile(f("corrupt.nad"), bytes), "corrupt.nad");
        }
        check(QFile::copy(f("proj.nad"), f("readonly.nad")) &&
                  QFile::setPermissions(f("readonly.nad"),
                                        QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther),
              "readonly.nad");
        // Also immutable where chattr works (root, a file system with attributes): then even
        // root's writes fail, not only the engine's own owner-write-bit check.
        QProcess chattr;
        chattr.setProcessChannelMode(QProcess::MergedChannels);
        chattr.setStandardOutputFile(QProcess::nullDevice());
        chattr.start(QStringLiteral("chattr"), {QStringLiteral("+i"), f("readonly.nad")});
        m_immutable = chattr.waitForFinished() && chattr.exitStatus() == QProcess::NormalExit && chattr.exitCode() == 0;

        // Bad images inside an otherwise good ImageFolder, each in a project made before the damage.
        for (const char* name : {"zero", "garbled", "unreadable"}) {
            const QString folder = f(QStringLiteral("images-%1").arg(QLatin1String(name)));
            check(writeImageFolder(folder), name);
            const Result made =
                runNad({QStringLiteral("project"), QStringLiteral("new"),
                        f(QStringLiteral("%1.nad").arg(QLatin1String(name))), QStringLiteral("--dataset"), folder,
                        QStringLiteral("--model"), f("tiny.pt"), QStringLiteral("--spec"), f("spec.json")});
            if (made.exitCode != 0)
                failures << QStringLiteral("project new %1.nad: ").arg(QLatin1String(name)) + made.err;
            // The class 'bag' is left with one bad file in each split.
            for (const char* split : {"train", "test"}) {
                const QString bag = folder + QLatin1Char('/') + QLatin1String(split) + QStringLiteral("/bag/");
                QFile::remove(bag + QStringLiteral("img1.png"));
                if (QLatin1String(name) == QLatin1String("zero"))
                    check(writeFile(bag + QStringLiteral("img0.png"), {}), "zero-byte image");
                else if (QLatin1String(name) == QLatin1String("garbled"))
                    check(writeFile(bag + QStringLiteral("img0.png"),
                                    QByteArray("\x89PNG\r\n\x1a\n then nothing sensible", 30).repeated(9)),
                          "garbled image");
                else
                    check(QFile::setPermissions(bag + QStringLiteral("img0.png"), {}), "unreadable image");
            }
        }
        if (!failures.isEmpty())
            m_setupError = failures.join(QStringLiteral("; "));
        return failures.isEmpty();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(prepare(), qPrintable(m_setupError));
    }

    void cleanupTestCase()
    {
        if (m_immutable)
            QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), f("readonly.nad")});
    }

    void refusesBadInput_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("fragments");
        QTest::addColumn<QStringList>("inputs");  // hashed by name; the whole work folder is compared too
        QTest::addColumn<QString>("skip");
        QTest::addColumn<qint64>("fileSizeLimit");

        const QString out = f("out.nad");
        auto projectNew = [&](const QString& dataset) {
            return QStringList{QStringLiteral("project"), QStringLiteral("new"), out, QStringLiteral("--dataset"),
                               f(dataset)};
        };
        auto idxFiles = [](const QString& dir) {
            return QStringList{dir + QStringLiteral("/train-images-idx3-ubyte.gz"),
                               dir + QStringLiteral("/train-labels-idx1-ubyte.gz"),
                               dir + QStringLiteral("/t10k-images-idx3-ubyte.gz"),
                               dir + QStringLiteral("/t10k-labels-idx1-ubyte.gz")};
        };
        const QString trainImages = QStringLiteral("-images-idx3-ubyte.gz'");

        // IDX data sets (read while `project new` creates a project: no project may be left).
        addRow(
            "truncated IDX", projectNew(QStringLiteral("idx-truncated")), 1,
            {QStringLiteral("train") + trainImages + QStringLiteral(" is truncated: expected 7856 bytes, found 1016")},
            idxFiles(QStringLiteral("idx-truncated")));
        addRow("garbage IDX", projectNew(QStringLiteral("idx-garbage")), 1,
               {QStringLiteral("train") + trainImages + QStringLiteral(" has a wrong magic number 0x74686573")},
               idxFiles(QStringLiteral("idx-garbage")));
        addRow("corrupt gzip IDX", projectNew(QStringLiteral("idx-badgzip")), 1,
               {QStringLiteral("train") + trainImages + QStringLiteral(" cannot be decompressed")},
               idxFiles(QStringLiteral("idx-badgzip")));
        addRow("wrong magic (labels as images)", projectNew(QStringLiteral("idx-magic")), 1,
               {QStringLiteral("train") + trainImages + QStringLiteral(" has 1 dimensions; an image file has 3")},
               idxFiles(QStringLiteral("idx-magic")));
        addRow("wrong IDX data type", projectNew(QStringLiteral("idx-type")), 1,
               {QStringLiteral("train") + trainImages + QStringLiteral(" stores data type"),
                QStringLiteral("only unsigned bytes (0x08)")},
               idxFiles(QStringLiteral("idx-type")));
        addRow("label/image count mismatch", projectNew(QStringLiteral("idx-count")), 1,
               {QStringLiteral("holds 10 images but '"), QStringLiteral("train-labels-idx1-ubyte.gz' holds 9 labels")},
               idxFiles(QStringLiteral("idx-count")));
        addRow("huge declared IDX dimensions (2^31 rows)", projectNew(QStringLiteral("idx-huge")), 1,
               {QStringLiteral("train") + trainImages + QStringLiteral(" declares dimensions 2147483648x28"),
                QStringLiteral("larger than the limit")},
               idxFiles(QStringLiteral("idx-huge")));
        addRow("label out of range", projectNew(QStringLiteral("idx-label")), 1,
               {QStringLiteral("train-labels-idx1-ubyte.gz': label 42 of item 0 is not a class index (0 to 9)")},
               idxFiles(QStringLiteral("idx-label")));

        // ImageFolders.
        addRow("empty ImageFolder", projectNew(QStringLiteral("folder-empty")), 1,
               {QStringLiteral("image folder '%1' has no class sub-folders").arg(f("folder-empty"))}, {});
        addRow("class folder without images", projectNew(QStringLiteral("folder-noimages")), 1,
               {QStringLiteral("class folder '%1' holds no image files").arg(f("folder-noimages/ankle"))},
               {QStringLiteral("folder-noimages/ankle/readme.txt"), QStringLiteral("folder-noimages/bag/readme.txt")});
        const QStringList learnBag = {
            QStringLiteral("--model"), QStringLiteral("tiny"), QStringLiteral("--concepts"), QStringLiteral("bag"),
            QStringLiteral("--steps"), QStringLiteral("2"),    QStringLiteral("--zoo"),      f("zoo")};
        addRow("zero-byte image", QStringList{QStringLiteral("disentangle"), f("zero.nad")} + learnBag, 1,
               {QStringLiteral("class folder 'bag'"), QStringLiteral("has no image that can be decoded"),
                QStringLiteral("'%1' is empty (0 bytes)").arg(f("images-zero/train/bag/img0.png"))},
               {QStringLiteral("zero.nad"), QStringLiteral("images-zero/train/bag/img0.png")});
        addRow("garbled image", QStringList{QStringLiteral("disentangle"), f("garbled.nad")} + learnBag, 1,
               {QStringLiteral("class folder 'bag'"),
                QStringLiteral("'%1' cannot be decoded as an image").arg(f("images-garbled/train/bag/img0.png"))},
               {QStringLiteral("garbled.nad"), QStringLiteral("images-garbled/train/bag/img0.png")});
        addRow("unreadable image (chmod 000)",
               QStringList{QStringLiteral("disentangle"), f("unreadable.nad")} + learnBag, 1,
               {QStringLiteral("class folder 'bag'"),
                QStringLiteral("'%1' cannot be read").arg(f("images-unreadable/train/bag/img0.png"))},
               {QStringLiteral("unreadable.nad"), QStringLiteral("images-unreadable/train/bag/img0.png")},
               ::geteuid() == 0 ? QStringLiteral("running as root: chmod 000 does not stop root's reads "
                                                 "(the zero-byte and garbled rows cover the loader's refusal)")
                                : QString());

        // Project files (writing commands, so a refusal must not touch them).
        const QStringList learnAnkle = {
            QStringLiteral("--model"), QStringLiteral("tiny"), QStringLiteral("--concepts"), QStringLiteral("ankle"),
            QStringLiteral("--steps"), QStringLiteral("2"),    QStringLiteral("--zoo"),      f("zoo")};
        addRow("non-SQLite project", QStringList{QStringLiteral("disentangle"), f("notes.nad")} + learnAnkle, 1,
               {QStringLiteral("'%1' is not a NAD Studio project: it is not an SQLite database").arg(f("notes.nad"))},
               {QStringLiteral("notes.nad")});
        addRow("foreign SQLite file", {QStringLiteral("evaluate"), f("foreign.nad"), QStringLiteral("--zoo"), f("zoo")},
               1, {QStringLiteral("'%1' is an SQLite database but not a NAD Studio project").arg(f("foreign.nad"))},
               {QStringLiteral("foreign.nad")});
        addRow("newer schema (user_version 99)",
               QStringList{QStringLiteral("disentangle"), f("newer.nad")} + learnAnkle, 1,
               {QStringLiteral("project file '%1' was written by a newer NAD Studio (schema v99").arg(f("newer.nad")),
                QStringLiteral("it was not modified")},
               {QStringLiteral("newer.nad")});
        addRow("corrupt pages", QStringList{QStringLiteral("disentangle"), f("corrupt.nad")} + learnAnkle, 1,
               {QStringLiteral("project file '%1' is corrupt").arg(f("corrupt.nad")),
                QStringLiteral("it was not modified")},
               {QStringLiteral("corrupt.nad")});
        addRow("read-only project, writing command",
               QStringList{QStringLiteral("disentangle"), f("readonly.nad")} + learnAnkle, 1,
               {QStringLiteral("'%1'").arg(f("readonly.nad")), QStringLiteral("read-only")},
               {QStringLiteral("readonly.nad")});
        addRow("disk full while creating a project (RLIMIT_FSIZE 8 KiB)",
               {QStringLiteral("project"), QStringLiteral("new"), out, QStringLiteral("--dataset"), f("images")}, 1,
               {QStringLiteral("cannot create project '%1': writing failed (disk full").arg(out)}, {}, {}, 8192);

        // Imported models.
        auto importModel = [&](const QString& model, const QString& specFile) {
            return projectNew(QStringLiteral("images")) +
                   QStringList{QStringLiteral("--model"), f(model), QStringLiteral("--spec"), f(specFile)};
        };
        addRow("TorchScript file that is not a model",
               importModel(QStringLiteral("junk.pt"), QStringLiteral("spec.json")), 1,
               {QStringLiteral("'%1' is not a TorchScript model").arg(f("junk.pt"))},
               {QStringLiteral("junk.pt"), QStringLiteral("spec.json")});
        addRow("model whose blocks do not chain",
               importModel(QStringLiteral("nochain.pt"), QStringLiteral("spec.json")), 1,
               {QStringLiteral(
                    "model '%1': block 'conv2' does not accept the output of block 'conv1' (shape [1, 4, 16, 16])")
                    .arg(f("nochain.pt"))},
               {QStringLiteral("nochain.pt"), QStringLiteral("spec.json")});
        addRow("spec naming a missing submodule",
               importModel(QStringLiteral("tiny.pt"), QStringLiteral("spec-missing.json")), 1,
               {QStringLiteral("model '%1' has no submodule 'features' (needed by block 'conv2', step 'features.9')")
                    .arg(f("tiny.pt"))},
               {QStringLiteral("tiny.pt"), QStringLiteral("spec-missing.json")});

        // Hierarchies.
        auto withHierarchy = [&](const QString& file) {
            return projectNew(QStringLiteral("images")) + QStringList{QStringLiteral("--hierarchy"), f(file)};
        };
        addRow("hierarchy naming an unknown class", withHierarchy(QStringLiteral("h-unknown.json")), 1,
               {QStringLiteral("hierarchy file '%1': 'scarf' (under 'others') is not a class of the data set")
                    .arg(f("h-unknown.json"))},
               {QStringLiteral("h-unknown.json")});
        addRow("cyclic hierarchy", withHierarchy(QStringLiteral("h-cyclic.json")), 1,
               {QStringLiteral("hierarchy file '%1': 'bag' is both a primary concept and a member (cyclic hierarchy)")
                    .arg(f("h-cyclic.json"))},
               {QStringLiteral("h-cyclic.json")});
        addRow("hierarchy with a duplicate primary", withHierarchy(QStringLiteral("h-dupkey.json")), 1,
               {QStringLiteral("hierarchy file '%1': primary concept 'tops' appears twice").arg(f("h-dupkey.json"))},
               {QStringLiteral("h-dupkey.json")});
        addRow("hierarchy with a class under two primaries", withHierarchy(QStringLiteral("h-dupmember.json")), 1,
               {QStringLiteral("hierarchy file '%1': class 'bag' is listed under more than one primary concept")
                    .arg(f("h-dupmember.json"))},
               {QStringLiteral("h-dupmember.json")});

        // Disentangle requests on a good project.
        auto learn = [&](const QStringList& extra) {
            return QStringList{QStringLiteral("disentangle"), f("proj.nad"),           QStringLiteral("--model"),
                               QStringLiteral("tiny"),        QStringLiteral("--zoo"), f("zoo")} +
                   extra;
        };
        addRow("unknown concept", learn({QStringLiteral("--concepts"), QStringLiteral("Scarf")}), 1,
               {QStringLiteral("unknown concept 'Scarf' (the data set has: ankle, bag, coat)")},
               {QStringLiteral("proj.nad")});
        addRow("negative --alpha", learn({QStringLiteral("--alpha"), QStringLiteral("-0.5")}), 2,
               {QStringLiteral("--alpha"), QStringLiteral("-0.5")}, {QStringLiteral("proj.nad")});
        addRow("negative --lambda", learn({QStringLiteral("--lambda"), QStringLiteral("-1")}), 2,
               {QStringLiteral("--lambda"), QStringLiteral("-1")}, {QStringLiteral("proj.nad")});
        addRow("--batch 0", learn({QStringLiteral("--batch"), QStringLiteral("0")}), 2,
               {QStringLiteral("--batch"), QStringLiteral("0")}, {QStringLiteral("proj.nad")});
        addRow("--steps 0", learn({QStringLiteral("--steps"), QStringLiteral("0")}), 2,
               {QStringLiteral("--steps"), QStringLiteral("0")}, {QStringLiteral("proj.nad")});
    }

    void refusesBadInput()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QStringList, fragments);
        QFETCH(QStringList, inputs);
        QFETCH(QString, skip);
        QFETCH(qint64, fileSizeLimit);
        if (!skip.isEmpty())
            QSKIP(qPrintable(skip));

        QMap<QString, QByteArray> inputHashes;
        for (const QString& input : inputs) {
            QVERIFY2(QFileInfo::exists(input), qPrintable(input));
            inputHashes.insert(input, fileSha256(input));
        }
        const QMap<QString, QByteArray> before = snapshot(m_dir.path());

        const Result r = runNad(arguments, fileSizeLimit);
        const QString context = QStringLiteral("nad %1\nexit %2\nstderr: %3\nstdout: %4")
                                    .arg(arguments.join(QLatin1Char(' ')))
                                    .arg(r.exitCode)
                                    .arg(r.err, r.out.left(500));
        QVERIFY2(r.exitCode == exitCode, qPrintable(context));
        for (const QString& fragment : fragments)
            QVERIFY2(r.err.contains(fragment), qPrintable(QStringLiteral("missing '%1' in\n").arg(fragment) + context));

        for (auto it = inputHashes.cbegin(); it != inputHashes.cend(); ++it)
            QVERIFY2(fileSha256(it.key()) == it.value(), qPrintable(it.key() + QStringLiteral(" changed\n") + context));
        const QMap<QString, QByteArray> after = snapshot(m_dir.path());
        for (auto it = after.cbegin(); it != after.cend(); ++it)
            QVERIFY2(before.value(it.key()) == it.value(),
                     qPrintable(QStringLiteral("%1 %2\n").arg(it.key(), before.contains(it.key())
                                                                            ? QStringLiteral("changed")
                                                                            : QStringLiteral("left behind")) +
                                context));
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QVERIFY2(after.contains(it.key()), qPrintable(it.key() + QStringLiteral(" removed\n") + context));
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
