// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <bit>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace CtiFlow {

// The end of [begin, end) without the run of spaces it ends in. Fixed-width trace columns end in
// runs of twenty spaces and more, so they are looked at sixteen bytes at a time; callers trim the
// other kinds of padding (tab, CR, U+00A0) after this.
inline const char *withoutTrailingSpaces(const char *begin, const char *end)
{
#if defined(__SSE2__)
    const __m128i space = _mm_set1_epi8(' ');
    while (end - begin >= 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(end - 16));
        const auto spaces = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, space)));
        if (spaces != 0xFFFF)
            return end - std::countl_zero(~spaces << 16); // the spaces after the last other byte
        end -= 16;
    }
#endif
    while (end > begin && end[-1] == ' ')
        --end;
    return end;
}

} // namespace CtiFlow
