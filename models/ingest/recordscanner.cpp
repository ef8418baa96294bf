// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordscanner.h"

#include "hugepages.h"
#include "padding.h"

#include <QTime>

#include <array>
#include <bit>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace CtiFlow {

namespace {

constexpr qint64 msPerDay = 24LL * 60 * 60 * 1000;
// The 8-digit sequence number a record begins with: lines written while handling one signal share it.
constexpr qsizetype groupBytes = 8;
// A time of day more than this far below the previous record's means the clock passed midnight;
// smaller steps back are out-of-order writes and are kept as they are.
constexpr int rolloverThresholdMs = 12 * 60 * 60 * 1000;
// A step back larger than this (and not a rollover) is a clock change on the server, reported.
constexpr int clockStepBackMs = 60 * 1000;
// Cancel is checked and progress reported after this many bytes.
constexpr qsizetype checkpointBytes = 8 << 20;

// memchr over [begin, end); nullptr when not found or the range is empty.
const char *find(const char *begin, const char *end, char c)
{
    if (begin >= end)
        return nullptr;
    return static_cast<const char *>(std::memchr(begin, c, size_t(end - begin)));
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int twoDigits(const char *p)
{
    return (p[0] - '0') * 10 + (p[1] - '0');
}

// Bytes of padding (space, tab, UTF-8 U+00A0) at p, or 0.
int paddingAt(const char *p, const char *end)
{
    if (p >= end)
        return 0;
    if (*p == ' ' || *p == '\t')
        return 1;
    return (*p == '\xC2' && p + 1 < end && p[1] == '\xA0') ? 2 : 0;
}

const char *skipPadding(const char *p, const char *end)
{
    while (const int n = paddingAt(p, end))
        p += n;
    return p;
}

const char *trimBack(const char *begin, const char *end)
{
    end = withoutTrailingSpaces(begin, end);
    while (end > begin) {
        const char c = end[-1];
        if (c == ' ' || c == '\t' || c == '\r')
            --end;
        else if (c == '\xA0' && end - 1 > begin && end[-2] == '\xC2')
            end -= 2;
        else
            break;
    }
    return end;
}

// The same header as recordHeaderLength(), read in one pass together with its time of day.
struct Header
{
    const char *end = nullptr; // just past the '|' after the time; nullptr when p is no header
    int timeOfDay = -1;        // -1 when the digits are no valid time
};

// True when the eight bytes at p are all ASCII digits.
bool eightDigits(const char *p)
{
    std::uint64_t x;
    std::memcpy(&x, p, 8);
    constexpr std::uint64_t high = 0xF0F0F0F0F0F0F0F0ULL;
    // A digit has 3 as its high nibble, and still has after adding 6; a carry out of a byte only
    // ever comes from a byte that is no digit, so it can make the answer false but never true.
    return ((x & high) | (((x + 0x0606060606060606ULL) & high) >> 4)) == 0x3333333333333333ULL;
}

// The two layouts of nearly every header: "00895261.038 |08:59:17.149 |" as written by CUCM and
// "00895261.038|08:59:17.149|" as pasted from web pages. False for anything else, which
// headerAt() then reads the long way.
bool usualHeader(const char *p, const char *end, Header &h)
{
    const qsizetype pad = end - p > 12 && p[12] == ' ' ? 1 : 0;
    const char *t = p + 13 + pad; // the time of day
    if (end - p < 26 + 2 * pad || p[8] != '.' || p[12 + pad] != '|' || t[2] != ':' || t[5] != ':' || t[8] != '.' ||
        (pad && t[12] != ' ') || t[12 + pad] != '|')
        return false;
    if (!eightDigits(p) || !isDigit(p[9]) || !isDigit(p[10]) || !isDigit(p[11]))
        return false;
    for (int i : {0, 1, 3, 4, 6, 7, 9, 10, 11}) {
        if (!isDigit(t[i]))
            return false;
    }
    h.end = t + 13 + pad;
    const int hh = twoDigits(t), mm = twoDigits(t + 3), ss = twoDigits(t + 6);
    if (hh < 24 && mm < 60 && ss < 60)
        h.timeOfDay = ((hh * 60 + mm) * 60 + ss) * 1000 + (t[9] - '0') * 100 + twoDigits(t + 10);
    return true;
}

Header headerAt(const char *p, const char *end)
{
    Header h;
    if (usualHeader(p, end, h))
        return h;
    if (end - p < 26 || !isDigit(p[0]) || p[8] != '.')
        return h;
    for (int i = 1; i < 12; ++i) {
        if (i != 8 && !isDigit(p[i]))
            return h;
    }
    const char *q = skipPadding(p + 12, end);
    if (q >= end || *q != '|')
        return h;
    q = skipPadding(q + 1, end);
    if (end - q < 13 || q[2] != ':' || q[5] != ':' || q[8] != '.')
        return h;
    for (int i : {0, 1, 3, 4, 6, 7, 9, 10, 11}) {
        if (!isDigit(q[i]))
            return h;
    }
    const int hh = twoDigits(q), mm = twoDigits(q + 3), ss = twoDigits(q + 6);
    const int ms = (q[9] - '0') * 100 + twoDigits(q + 10);
    const char *bar = skipPadding(q + 12, end);
    if (bar >= end || *bar != '|')
        return h;
    h.end = bar + 1;
    if (hh < 24 && mm < 60 && ss < 60)
        h.timeOfDay = ((hh * 60 + mm) * 60 + ss) * 1000 + ms;
    return h;
}

// The '|' positions of one line, found in the same pass as the line's end so that fields are split
// without scanning the line again. A line with more bars than fit falls back to memchr.
class LineBars
{
public:
    void clear()
    {
        m_count = 0;
        m_cursor = 0;
        m_overflow = false;
    }
    void add(const char *bar)
    {
        if (m_count < capacity)
            m_at[size_t(m_count++)] = bar;
        else
            m_overflow = true;
    }
    void addMask(const char *base, unsigned mask)
    {
        for (; mask != 0; mask &= mask - 1)
            add(base + std::countr_zero(mask));
    }
    // The first bar at or after from and before limit, or nullptr.
    const char *next(const char *from, const char *limit)
    {
        if (m_overflow)
            return find(from, limit, '|');
        while (m_cursor > 0 && m_at[size_t(m_cursor - 1)] >= from)
            --m_cursor;
        while (m_cursor < m_count && m_at[size_t(m_cursor)] < from)
            ++m_cursor;
        return m_cursor < m_count && m_at[size_t(m_cursor)] < limit ? m_at[size_t(m_cursor)] : nullptr;
    }

    // The bars at or after from and before limit, one by one, leaving the cursor of next() where it
    // is: looking for a header inside the line walks every bar, and the fields are read after it.
    class Walk
    {
    public:
        Walk(const LineBars &bars, const char *from, const char *limit)
            : m_bars(bars)
            , m_from(from)
            , m_limit(limit)
        {}
        const char *next()
        {
            if (m_bars.m_overflow) {
                const char *bar = find(m_from, m_limit, '|');
                m_from = bar ? bar + 1 : m_limit;
                return bar;
            }
            while (m_index < m_bars.m_count && m_bars.m_at[size_t(m_index)] < m_from)
                ++m_index;
            if (m_index < m_bars.m_count && m_bars.m_at[size_t(m_index)] < m_limit)
                return m_bars.m_at[size_t(m_index++)];
            return nullptr;
        }

    private:
        const LineBars &m_bars;
        const char *m_from;
        const char *m_limit;
        int m_index = 0;
    };

private:
    static constexpr int capacity = 96;
    std::array<const char *, capacity> m_at{};
    int m_count = 0;
    int m_cursor = 0;
    bool m_overflow = false;
};

// End of the line starting at p (its '\n', or end) with its bars collected, 16 bytes per step.
const char *scanLine(const char *p, const char *end, LineBars &bars)
{
    bars.clear();
#if defined(__SSE2__)
    const __m128i newline = _mm_set1_epi8('\n');
    const __m128i bar = _mm_set1_epi8('|');
    while (end - p >= 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const auto newlines = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, newline)));
        const auto bars16 = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, bar)));
        if (newlines != 0) {
            const int stop = std::countr_zero(newlines);
            bars.addMask(p, bars16 & ((1U << stop) - 1));
            return p + stop;
        }
        bars.addMask(p, bars16);
        p += 16;
    }
#endif
    for (; p < end && *p != '\n'; ++p) {
        if (*p == '|')
            bars.add(p);
    }
    return p;
}

// Start of another record header inside the line after from (pasted excerpts), or nullptr.
const char *embeddedHeader(const char *from, const char *end, LineBars &bars)
{
    LineBars::Walk walk(bars, from, end);
    while (const char *bar = walk.next()) {
        // Cheap test first: the bar after a sequence number is followed by "HH:". Fixed-width
        // fields put long runs of padding before most bars, so walking back is left for the few
        // bars that pass.
        const char *t = skipPadding(bar + 1, end);
        if (end - t < 3 || !isDigit(t[0]) || !isDigit(t[1]) || t[2] != ':')
            continue;
        const char *e = bar;
        while (e > from && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\xA0'))
            --e;
        if (e > from && e[-1] == '\xC2')
            --e;
        const char *start = e - 12;
        if (start <= from || !isDigit(e[-1]) || e[-4] != '.')
            continue;
        const char c = start[-1];
        if ((c == ' ' || c == '\t' || c == '\xA0') && headerAt(start, end).end)
            return start;
    }
    return nullptr;
}

RecordType typeOf(const char *b, const char *e)
{
    // Fixed-size compares, which the compiler turns into a load or two each.
    const auto is = [b](const char(&name)[sizeof("SdlSig-I")]) { return std::memcmp(b, name, 8) == 0; };
    switch (e - b) {
    case 6:
        return std::memcmp(b, "SdlSig", 6) == 0 ? RecordType::SdlSig : RecordType::Other;
    case 7:
        if (std::memcmp(b, "AppInfo", 7) == 0)
            return RecordType::AppInfo;
        return std::memcmp(b, "SdlStat", 7) == 0 ? RecordType::SdlStat : RecordType::Other;
    case 8:
        if (is("SdlSig-I"))
            return RecordType::SdlSigIn;
        if (is("SdlSig-O"))
            return RecordType::SdlSigOut;
        return is("AppError") ? RecordType::AppError : RecordType::Other;
    default:
        return RecordType::Other;
    }
}

class Scanner
{
public:
    Scanner(QByteArrayView text, const ScanOptions &options)
        : m_begin(text.data())
        , m_end(text.data() + text.size())
        , m_options(options)
    {
        m_result.records.reserve(size_t(text.size() / 160));
        adviseHugePages(m_result.records);
    }

    ScannedFile run();

private:
    void line(const char *start, const char *contentEnd);
    void record(const char *start, const char *end, const Header &header);
    void clockWentBack(int time);
    quint16 intern(const char *b, const char *e);
    bool checkpoint(const char *pos);

    const char *m_begin;
    const char *m_end;
    const ScanOptions &m_options;
    ScannedFile m_result;
    QHash<QByteArrayView, quint16> m_signalIds;
    // The signal names seen lately, by a hash of their bytes: most records find theirs here
    // without hashing the whole name.
    struct RecentName
    {
        const char *name = nullptr;
        size_t length = 0;
        quint16 id = 0;
    };
    std::array<RecentName, 256> m_recent{};
    LineBars m_bars;
    quint32 m_line = 0;
    qint64 m_day = 0;
    int m_previousTime = -1;
    bool m_inRecord = false;
    const char *m_nextCheckpoint = nullptr;
    const char *m_lastCheckpoint = nullptr;
};

bool Scanner::checkpoint(const char *pos)
{
    if (m_options.progress)
        m_options.progress(pos - m_lastCheckpoint);
    m_lastCheckpoint = pos;
    m_nextCheckpoint = pos + std::min<qsizetype>(checkpointBytes, m_end - pos);
    return !(m_options.cancelled && m_options.cancelled->load(std::memory_order_relaxed));
}

ScannedFile Scanner::run()
{
    m_lastCheckpoint = m_begin;
    m_nextCheckpoint = m_begin + std::min<qsizetype>(checkpointBytes, m_end - m_begin);
    const char *p = m_begin;
    while (p < m_end) {
        if (p >= m_nextCheckpoint && !checkpoint(p)) {
            m_result.cancelled = true;
            return std::move(m_result);
        }
        const char *lineEnd = scanLine(p, m_end, m_bars);
        ++m_line;
        line(p, lineEnd > p && lineEnd[-1] == '\r' ? lineEnd - 1 : lineEnd);
        p = lineEnd < m_end ? lineEnd + 1 : m_end;
    }
    checkpoint(m_end);
    m_result.lastTimeMs = m_previousTime < 0 ? 0 : m_day * msPerDay + m_previousTime;
    return std::move(m_result);
}

void Scanner::line(const char *start, const char *contentEnd)
{
    if (contentEnd - start > m_options.maxLineBytes) {
        m_result.problems.append({{},
                                  m_line,
                                  QStringLiteral("line of %1 bytes cut to its first %2 bytes")
                                      .arg(contentEnd - start)
                                      .arg(m_options.maxLineBytes),
                                  Problem::Severity::Warning});
        contentEnd = start + m_options.maxLineBytes;
    }
    Header header = headerAt(start, contentEnd);
    if (!header.end) {
        if (m_inRecord) {
            RecordEntry &current = m_result.records.back();
            current.length = quint32(contentEnd - (m_begin + current.offset));
        } else if (skipPadding(start, contentEnd) < contentEnd) {
            ++m_result.skippedLines;
        }
        return;
    }
    const char *recordStart = start;
    while (const char *next = embeddedHeader(header.end, contentEnd, m_bars)) {
        record(recordStart, next - 1, header);
        recordStart = next;
        header = headerAt(next, contentEnd);
    }
    record(recordStart, contentEnd, header);
}

void Scanner::record(const char *start, const char *end, const Header &header)
{
    int time = header.timeOfDay;
    if (time < 0) {
        m_result.problems.append({{},
                                  m_line,
                                  QStringLiteral("time of day out of range; the record keeps the time before it"),
                                  Problem::Severity::Warning});
        time = std::max(m_previousTime, 0);
    } else if (m_previousTime >= 0 && time + rolloverThresholdMs < m_previousTime) {
        ++m_day;
    } else if (m_previousTime >= 0 && time + clockStepBackMs < m_previousTime) {
        clockWentBack(time);
    }
    m_previousTime = time;

    RecordEntry entry;
    entry.timeMs = m_day * msPerDay + time;
    entry.offset = start - m_begin;
    entry.length = quint32(end - start);
    entry.line = m_line;
    const char *typeBegin = skipPadding(header.end, end);
    const char *bar = m_bars.next(typeBegin, end);
    const char *typeEnd = trimBack(typeBegin, bar ? bar : end);
    entry.type = typeOf(typeBegin, typeEnd);
    if (bar && isSignal(entry.type)) {
        const char *signalBegin = skipPadding(bar + 1, end);
        const char *next = m_bars.next(signalBegin, end);
        entry.signal = intern(signalBegin, trimBack(signalBegin, next ? next : end));
    }
    if (!m_result.records.empty() && end - start >= groupBytes) {
        const RecordEntry &previous = m_result.records.back();
        entry.sameGroupAsPrevious =
            previous.length >= groupBytes && std::memcmp(m_begin + previous.offset, start, groupBytes) == 0;
    }
    m_result.records.push_back(entry);
    m_inRecord = true;
}

void Scanner::clockWentBack(int time)
{
    const auto format = [](int ms) { return QTime::fromMSecsSinceStartOfDay(ms).toString(u"HH:mm:ss.zzz"); };
    m_result.problems.append({{},
                              m_line,
                              QStringLiteral("clock went back by %1 s (from %2 to %3); records keep their file order")
                                  .arg((m_previousTime - time) / 1000)
                                  .arg(format(m_previousTime), format(time)),
                              Problem::Severity::Warning});
}

quint16 Scanner::intern(const char *b, const char *e)
{
    if (b >= e)
        return 0;
    const auto length = size_t(e - b);
    std::uint64_t head = 0;
    std::uint64_t tail = 0;
    if (length >= 8) {
        std::memcpy(&head, b, 8);
        std::memcpy(&tail, e - 8, 8);
    } else {
        std::memcpy(&head, b, length);
    }
    RecentName &recent = m_recent[size_t(((head ^ (tail * 31) ^ length) * 0x9E3779B97F4A7C15ULL) >> 56)];
    if (recent.length == length && std::memcmp(recent.name, b, length) == 0)
        return recent.id;
    const QByteArrayView name(b, e - b);
    quint16 id = 0;
    if (const auto it = m_signalIds.constFind(name); it != m_signalIds.cend()) {
        id = *it;
    } else {
        if (m_result.signalNames.size() >= 0xFFFF)
            return 0;
        id = quint16(m_result.signalNames.size());
        m_result.signalNames.push_back(name);
        m_signalIds.insert(name, id);
    }
    recent = {b, length, id};
    return id;
}

} // namespace

ScannedFile scanRecords(QByteArrayView text, const ScanOptions &options)
{
    return Scanner(text, options).run();
}

} // namespace CtiFlow
