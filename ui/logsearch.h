// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "record.h"

#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace CtiFlow {

class TraceStore;

// One Find in the log: what to look for and where, self-contained so that it runs on a worker thread
// while the window goes on (the store is read-only and shared).
struct LogSearch
{
    std::shared_ptr<const TraceStore> store;
    std::optional<QList<RecordIndex>> rows; // the log's rows (a filtered view), std::nullopt: every record
    QString text;                           // ignoring case
    bool regex = false;
    int start = -1; // the current row; the search begins next to it, -1 from the first (last) row
    bool backwards = false;
};

struct LogSearchResult
{
    int row = -1;         // the matching row, -1 when none
    bool wrapped = false; // found past the end (or the start) of the log
    bool cancelled = false;
};

// Rows the search looks at (the log's row count).
int logSearchRows(const LogSearch &search);

// Searches row by row from next to search.start in its direction, wrapping around, until a record
// matches or every row was seen. progress gets whole percents of the rows looked at, now and then;
// cancelled is checked every few thousand rows. An invalid regular expression matches nothing.
LogSearchResult searchLog(const LogSearch &search, const std::atomic_bool &cancelled,
                          const std::function<void(int percent)> &progress = {});

} // namespace CtiFlow
