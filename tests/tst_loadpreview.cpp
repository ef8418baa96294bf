// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Sessions shown while a bundle still loads: the loader's preview of its first file and the load
// controller that analyses it and hands it to the window before the whole bundle.
#include "analyzer.h"
#include "loadcontroller.h"
#include "previewbundle.h"
#include "traceloader.h"

#include <QMutex>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

using namespace CtiFlow;

namespace {

const QString samplePath = QStringLiteral(CTIFLOW_SOURCE_DIR "/resources/samples/jabber-cti-auth-success.sdl.txt");

// Preview stores handed over by loadTraces(), from whichever thread.
struct Previews
{
    QMutex mutex;
    QList<std::shared_ptr<const TraceStore>> stores;

    int declines = 0; // previews turned down before one is taken

    LoadPreviewCallback callback()
    {
        return [this](std::shared_ptr<const TraceStore> store) {
            const QMutexLocker lock(&mutex);
            stores.append(std::move(store));
            return stores.size() > declines;
        };
    }
};

qsizetype recordsOfOneFile()
{
    return loadTraces({PreviewBundle::traceFile})->recordCount();
}

} // namespace

class TestLoadPreview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loaderPreviewsOneFileOfABundle();
    void declinedPreviewOffersTheNextFile_data();
    void declinedPreviewOffersTheNextFile();
    void singleFileHasNoPreview();
    void cancelledLoadHasNoPreview();
    void previewComesBeforeTheFinalResult();
    void previewOfASupersededLoadIsDropped();
    void previewAfterCancelIsDropped();
    void previewNeedsACompleteSession();
};

void TestLoadPreview::loaderPreviewsOneFileOfABundle()
{
    QTemporaryDir dir;
    QVERIFY(PreviewBundle::write(dir, 3));
    Previews previews;
    const auto store = loadTraces({dir.path()}, {}, {}, nullptr, previews.callback());
    QCOMPARE(store->fileCount(), 3);
    QCOMPARE(previews.stores.size(), 1);
    const TraceStore &preview = *previews.stores.first();
    QCOMPARE(preview.fileCount(), 1);
    const qsizetype perFile = recordsOfOneFile();
    QVERIFY(perFile > 0);
    QCOMPARE(preview.recordCount(), perFile);
    QCOMPARE(store->recordCount(), 3 * perFile);
    QVERIFY(preview.file(0).path.endsWith(QStringLiteral("_200_000028.txt")));
    QVERIFY(!preview.file(0).node.isEmpty());
    // The preview's records read as the same file's records in the whole bundle, times included.
    const SourceFile &file = preview.file(0);
    int same = -1;
    for (int i = 0; i < store->fileCount(); ++i) {
        if (store->file(i).path == file.path)
            same = i;
    }
    QVERIFY(same >= 0);
    qsizetype first = 0;
    while (store->entry(RecordIndex{first}).file != quint32(same))
        ++first;
    QCOMPARE(preview.recordText(RecordIndex{0}), store->recordText(RecordIndex{first}));
    QCOMPARE(preview.timeMs(RecordIndex{0}), store->timeMs(RecordIndex{first}));
    QCOMPARE(preview.signalName(RecordIndex{0}), store->signalName(RecordIndex{first}));
}

void TestLoadPreview::declinedPreviewOffersTheNextFile_data()
{
    QTest::addColumn<int>("declines");
    QTest::addColumn<int>("offered");
    QTest::newRow("taken at once") << 0 << 1;
    QTest::newRow("first file declined") << 1 << 2;
    QTest::newRow("every file declined: a few offered, not all") << 5 << maxPreviewFiles;
}

void TestLoadPreview::declinedPreviewOffersTheNextFile()
{
    QFETCH(int, declines);
    QFETCH(int, offered);
    QTemporaryDir dir;
    QVERIFY(PreviewBundle::write(dir, 5));
    Previews previews;
    previews.declines = declines;
    const auto store = loadTraces({dir.path()}, {}, {}, nullptr, previews.callback());
    QCOMPARE(store->fileCount(), 5);
    QCOMPARE(previews.stores.size(), offered);
    QStringList files;
    for (const auto &preview : std::as_const(previews.stores)) {
        QCOMPARE(preview->fileCount(), 1);
        files.append(preview->file(0).path);
    }
    files.removeDuplicates();
    QCOMPARE(files.size(), offered);
}

void TestLoadPreview::singleFileHasNoPreview()
{
    Previews previews;
    const auto store = loadTraces({samplePath}, {}, {}, nullptr, previews.callback());
    QCOMPARE(store->recordCount(), 93);
    QVERIFY(previews.stores.isEmpty());
}

void TestLoadPreview::cancelledLoadHasNoPreview()
{
    QTemporaryDir dir;
    QVERIFY(PreviewBundle::write(dir, 2));
    Previews previews;
    const std::atomic_bool cancelled = true;
    loadTraces({dir.path()}, {}, {}, &cancelled, previews.callback());
    QVERIFY(previews.stores.isEmpty());
}

void TestLoadPreview::previewComesBeforeTheFinalResult()
{
    QTemporaryDir dir;
    QVERIFY(PreviewBundle::write(dir, 3));
    LoadController loader;
    loader.setAnalyzer([](const TraceStore &store) { return analyzeSessions(store); });
    QStringList order;
    connect(&loader, &LoadController::previewReady, this, [&order] { order.append(QStringLiteral("preview")); });
    connect(&loader, &LoadController::loadFinished, this, [&order] { order.append(QStringLiteral("final")); });
    QSignalSpy previews(&loader, &LoadController::previewReady);
    QSignalSpy finished(&loader, &LoadController::loadFinished);
    loader.start({dir.path()});
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30'000);
    QCOMPARE(order, (QStringList{QStringLiteral("preview"), QStringLiteral("final")}));

    const auto preview = previews.first().first().value<LoadResult>();
    QVERIFY(preview.preview);
    QCOMPARE(preview.paths, QStringList{dir.path()});
    QCOMPARE(preview.store->fileCount(), 1);
    QCOMPARE(preview.sessions.size(), 12);
    QVERIFY(std::any_of(preview.sessions.cbegin(), preview.sessions.cend(),
                        [](const Session &s) { return s.outcome == Outcome::Failed; }));
    const auto result = finished.first().first().value<LoadResult>();
    QVERIFY(!result.preview);
    QCOMPARE(result.store->fileCount(), 3);
    QCOMPARE(result.sessions.size(), 36);
}

void TestLoadPreview::previewOfASupersededLoadIsDropped()
{
    QTemporaryDir dir;
    QVERIFY(PreviewBundle::write(dir, 3));
    LoadController loader;
    // Each analysis tells the test it ran; the first one of a bundle is the preview of its first file.
    QSemaphore analysed;
    loader.setAnalyzer([&analysed](const TraceStore &store) {
        QList<Session> sessions = analyzeSessions(store);
        analysed.release();
        return sessions;
    });
    QSignalSpy previews(&loader, &LoadController::previewReady);
    QSignalSpy finished(&loader, &LoadController::loadFinished);
    loader.start({dir.path()});
    // The preview is analysed (its delivery is queued to this thread); a new load supersedes it first.
    QVERIFY(analysed.tryAcquire(1, 30'000));
    loader.start({samplePath});
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30'000);
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCOMPARE(previews.count(), 0);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().value<LoadResult>().paths, QStringList{samplePath});
}

void TestLoadPreview::previewAfterCancelIsDropped()
{
    QTemporaryDir dir;
    QVERIFY(PreviewBundle::write(dir, 3));
    LoadController loader;
    loader.setAnalyzer([](const TraceStore &store) { return analyzeSessions(store); });
    QSignalSpy previews(&loader, &LoadController::previewReady);
    QSignalSpy finished(&loader, &LoadController::loadFinished);
    loader.start({dir.path()});
    // Whatever the loader did so far, a preview reaches this thread only after the cancel.
    loader.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30'000);
    QVERIFY(finished.first().first().value<LoadResult>().cancelled);
    QCOMPARE(previews.count(), 0);
}

void TestLoadPreview::previewNeedsACompleteSession()
{
    QTemporaryDir dir;
    QVERIFY(PreviewBundle::write(dir, 2));
    LoadController loader;
    // An analyser that finds only incomplete sessions: nothing worth showing early.
    loader.setAnalyzer([](const TraceStore &store) {
        QList<Session> sessions = analyzeSessions(store);
        for (Session &session : sessions)
            session.outcome = Outcome::Incomplete;
        return sessions;
    });
    QSignalSpy previews(&loader, &LoadController::previewReady);
    QSignalSpy finished(&loader, &LoadController::loadFinished);
    loader.start({dir.path()});
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30'000);
    QCOMPARE(finished.first().first().value<LoadResult>().sessions.size(), 24);
    QCOMPARE(previews.count(), 0);
}

QTEST_GUILESS_MAIN(TestLoadPreview)
#include "tst_loadpreview.moc"
