// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "logsearch.h"

#include "tracestore.h"

#include <QLatin1StringView>
#include <QRegularExpression>

#include <algorithm>
#include <limits>

namespace CtiFlow {

namespace {

constexpr int cancelCheckRows = 4096;

// Matches one record's text. An ASCII needle is compared with the record's bytes (ignoring ASCII
// case, which for UTF-8 text finds what a Unicode comparison finds); others decode the record first.
class RecordMatcher
{
public:
    explicit RecordMatcher(const LogSearch &search)
        : m_text(search.text)
        , m_ascii(search.text.toUtf8())
        , m_isAscii(!search.regex && std::all_of(m_ascii.cbegin(), m_ascii.cend(), [](char c) { return c > 0; }))
    {
        if (search.regex) {
            m_expression.emplace(search.text, QRegularExpression::CaseInsensitiveOption);
            m_expression->optimize();
        }
    }

    bool matches(QByteArrayView record) const
    {
        if (m_isAscii)
            return QLatin1StringView(record).contains(QLatin1StringView(m_ascii), Qt::CaseInsensitive);
        const QString text = QString::fromUtf8(record);
        if (m_expression)
            return m_expression->isValid() && m_expression->match(text).hasMatch();
        return text.contains(m_text, Qt::CaseInsensitive);
    }

private:
    QString m_text;
    QByteArray m_ascii;
    bool m_isAscii;
    std::optional<QRegularExpression> m_expression;
};

} // namespace

int logSearchRows(const LogSearch &search)
{
    if (!search.store)
        return 0;
    if (search.rows)
        return int(search.rows->size());
    return int(std::min<qsizetype>(search.store->recordCount(), std::numeric_limits<int>::max()));
}

LogSearchResult searchLog(const LogSearch &search, const std::atomic_bool &cancelled,
                          const std::function<void(int percent)> &progress)
{
    const qint64 rows = logSearchRows(search);
    if (rows == 0 || search.text.isEmpty())
        return {};
    const RecordMatcher matcher(search);
    const qint64 origin = search.start < 0 ? (search.backwards ? rows : -1) : search.start;
    const qint64 step = search.backwards ? -1 : 1;
    const qint64 progressRows = std::max<qint64>(1, rows / 100);
    for (qint64 i = 1; i <= rows; ++i) {
        if (i % cancelCheckRows == 0 && cancelled.load(std::memory_order_relaxed))
            return {-1, false, true};
        if (progress && i % progressRows == 0)
            progress(int(i * 100 / rows));
        const int row = int(((origin + step * i) % rows + rows) % rows);
        const RecordIndex record = search.rows ? (*search.rows)[row] : RecordIndex{row};
        if (!matcher.matches(search.store->recordText(record)))
            continue;
        const bool wrapped = search.start >= 0 && (search.backwards ? row >= search.start : row <= search.start);
        return {row, wrapped, false};
    }
    return {};
}

} // namespace CtiFlow
