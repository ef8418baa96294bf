// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "loadjob.h"

#include <QSignalSpy>
#include <QTest>

using namespace CtiFlow;

namespace {

const QString samplePath = QStringLiteral(CTIFLOW_SOURCE_DIR "/resources/samples/jabber-cti-auth-success.sdl.txt");

} // namespace

class TestLoadJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsOffTheGuiThreadWithProgress();
    void cancelDeliversAConsistentStore();
    void startWhileRunningIsIgnored();
};

void TestLoadJob::loadsOffTheGuiThreadWithProgress()
{
    LoadJob job;
    QSignalSpy progress(&job, &LoadJob::progressChanged);
    QSignalSpy finished(&job, &LoadJob::finished);
    job.start({samplePath});
    QVERIFY(job.isRunning());
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(!job.isRunning());
    QVERIFY(!job.wasCancelled());
    const auto store = finished.first().first().value<std::shared_ptr<TraceStore>>();
    QVERIFY(store);
    QCOMPARE(store->recordCount(), 93);
    QVERIFY(!progress.isEmpty());
    const QList<QVariant> last = progress.last();
    QCOMPARE(last.at(0).toLongLong(), last.at(1).toLongLong());
}

void TestLoadJob::cancelDeliversAConsistentStore()
{
    LoadJob job;
    QSignalSpy finished(&job, &LoadJob::finished);
    job.start({samplePath, samplePath, samplePath});
    job.cancel();
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(job.wasCancelled());
    const auto store = finished.first().first().value<std::shared_ptr<TraceStore>>();
    QVERIFY(store);
    // Only whole files are kept: a multiple of the sample's records, every record readable.
    QCOMPARE(store->recordCount() % 93, 0);
    for (qsizetype i = 0; i < store->recordCount(); ++i)
        QVERIFY(store->recordText(RecordIndex{i}).size() > 0);
}

void TestLoadJob::startWhileRunningIsIgnored()
{
    LoadJob job;
    QSignalSpy finished(&job, &LoadJob::finished);
    job.start({samplePath});
    job.start({samplePath, samplePath});
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().value<std::shared_ptr<TraceStore>>()->recordCount(), 93);
}

QTEST_GUILESS_MAIN(TestLoadJob)
#include "tst_loadjob.moc"
