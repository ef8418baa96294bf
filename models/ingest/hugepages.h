// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace CtiFlow {

// Asks the kernel to back a large buffer that has not been written yet with transparent huge pages.
// Filling a record index of hundreds of megabytes then takes one page fault per 2 MiB instead of one
// per 4 KiB. Only the 2 MiB-aligned part of the buffer is advised; elsewhere this does nothing.
inline void adviseHugePages([[maybe_unused]] const void *data, [[maybe_unused]] std::size_t bytes)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t huge = std::uintptr_t(2) << 20;
    const auto address = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t begin = (address + huge - 1) & ~(huge - 1);
    const std::uintptr_t end = (address + bytes) & ~(huge - 1);
    if (end > begin)
        madvise(reinterpret_cast<void *>(begin), end - begin, MADV_HUGEPAGE);
#endif
}

// As above for the spare capacity of a vector that is about to be filled.
template<typename Vector>
void adviseHugePages(const Vector &vector)
{
    adviseHugePages(vector.data() + vector.size(), (vector.capacity() - vector.size()) * sizeof(*vector.data()));
}

} // namespace CtiFlow
