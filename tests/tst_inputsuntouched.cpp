// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Inputs are never changed: every file's bytes and time stamps are the same after a load and an
// export, and read-only files in read-only folders load.
#include "exportfixture.h"
#include "flowtext.h"
#include "hostilefixtures.h"
#include "redactor.h"
#include "traceloader.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>

using namespace CtiFlow;
using namespace CtiFlow::Hostile;

namespace {

struct FileState
{
    QByteArray sha256;
    QDateTime modified;
    QFile::Permissions permissions;
    friend bool operator==(const FileState &, const FileState &) = default;
};

using Snapshot = QMap<QString, FileState>;

Snapshot snapshot(const QString &root)
{
    Snapshot result;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QFileInfo info = it.nextFileInfo();
        FileState state{{}, info.lastModified(), info.permissions()};
        QFile file(info.filePath());
        if (info.isFile() && file.open(QIODevice::ReadOnly)) {
            QCryptographicHash hash(QCryptographicHash::Sha256);
            hash.addData(&file);
            state.sha256 = hash.result();
        }
        result.insert(info.filePath(), state);
    }
    return result;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

// A bundle of every input kind, each holding the sample trace once.
bool makeBundle(const QDir &dir)
{
    const QByteArray sample = sampleTrace();
    return writeFile(dir.filePath(QStringLiteral("node1/cm/trace/cti/sdl/SDL001_200_000001.txt")), sample) &&
           writeFile(dir.filePath(QStringLiteral("node1/cm/trace/cti/sdl/SDL001_200_000002.txt.gz")), gzip(sample)) &&
           writeFile(dir.filePath(QStringLiteral("node2.zip")),
                     zip({{QStringLiteral("node2/cm/trace/cti/sdl/SDL002_200_000001.txt"), sample}})) &&
           writeFile(dir.filePath(QStringLiteral("node3.tar.gz")),
                     tarGz({{QStringLiteral("node3/cm/trace/cti/sdl/SDL003_200_000001.txt.gz"), gzip(sample)}}));
}
constexpr int bundleFiles = 4;
constexpr int sampleRecords = 93;

// Read-only files in read-only folders, as a collection copied from a CD or a shared drive.
void makeReadOnly(const QString &root)
{
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    QStringList paths;
    while (it.hasNext())
        paths.append(it.next());
    paths.append(root);
    const auto readOnly = QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther;
    const auto listable = QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther;
    for (const QString &path : std::as_const(paths))
        QFile::setPermissions(path, QFileInfo(path).isDir() ? readOnly | listable : readOnly);
}

void makeWritable(const QString &root)
{
    QFile::setPermissions(root, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
}

} // namespace

class TestInputsUntouched : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadAndExportLeaveEveryInputByteAsItWas();
    void readOnlyFilesAndFoldersLoad();
};

void TestInputsUntouched::loadAndExportLeaveEveryInputByteAsItWas()
{
    QTemporaryDir inputs;
    QTemporaryDir outputs;
    QVERIFY(inputs.isValid() && outputs.isValid());
    QVERIFY(makeBundle(QDir(inputs.path())));
    const Snapshot before = snapshot(inputs.path());
    QCOMPARE(before.size(), 9); // 4 files, 5 folders

    const auto store = loadTraces({inputs.path()});
    QCOMPARE(store->fileCount(), bundleFiles);
    QCOMPARE(store->recordCount(), bundleFiles * sampleRecords);
    Redactor redactor(false);
    QSaveFile report(outputs.filePath(QStringLiteral("report.md")));
    QVERIFY(report.open(QIODevice::WriteOnly));
    report.write(markdownReport(failedSession(), store.get(), redactor).toUtf8());
    report.write(mermaidDiagram(failedSession(), redactor).toUtf8());
    QVERIFY(report.commit());

    const Snapshot after = snapshot(inputs.path());
    QCOMPARE(after.keys(), before.keys());
    for (auto it = before.cbegin(); it != before.cend(); ++it)
        QVERIFY2(after.value(it.key()) == it.value(), qPrintable(it.key()));
}

void TestInputsUntouched::readOnlyFilesAndFoldersLoad()
{
    QTemporaryDir inputs;
    QVERIFY(inputs.isValid());
    QVERIFY(makeBundle(QDir(inputs.path())));
    makeReadOnly(inputs.path());
    const Snapshot before = snapshot(inputs.path());

    std::shared_ptr<TraceStore> store;
    {
        // As root, permissions only apply without CAP_DAC_OVERRIDE.
        FilePermissionsEnforced permissions;
        if (!permissions.isEffective())
            qInfo("running as root with file permissions overridden: the read-only bits are not enforced");
        store = loadTraces({inputs.path()});
    }
    const Snapshot after = snapshot(inputs.path());
    makeWritable(inputs.path());

    QVERIFY2(store->problems().isEmpty(), qPrintable(store->problems().value(0).toString()));
    QCOMPARE(store->fileCount(), bundleFiles);
    QCOMPARE(store->recordCount(), bundleFiles * sampleRecords);
    QVERIFY(after == before);
}

QTEST_GUILESS_MAIN(TestInputsUntouched)
#include "tst_inputsuntouched.moc"
