// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flow/session.h"

#include <QTextBrowser>

#include <memory>

namespace CtiFlow {

class TraceStore;

// The selected step: status, time, delta, evidence lines and, for the failed step, the cause.
// Evidence lines are links; following one emits recordActivated.
class DetailsPanel : public QTextBrowser
{
    Q_OBJECT

public:
    explicit DetailsPanel(QWidget *parent = nullptr);

    void showStep(const Session &session, int step, const TraceStore *store);
    void showSession(const Session &session);
    void clearDetails();
    // What a Jabber client log says the client was told: the CTI error with its cause and what to change.
    void showClientError(const QString &location, const Cause &cause);

Q_SIGNALS:
    void recordActivated(CtiFlow::RecordIndex record);

private:
    QString evidenceHtml(const StepResult &step, const TraceStore *store) const;
    static QString causeHtml(const Cause &cause);
};

} // namespace CtiFlow
