// SPDX-FileCopyrightText: 2026 CTI Flow authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace CtiFlow {

// With its defaults, glibc's malloc hands every large freed block straight back to the kernel (a
// load's per-file record vectors, for one), and raises its threshold for doing so only as it sees
// such blocks. The analysis that follows a load then takes the memory of its tens of thousands of
// sessions from fresh pages: a page fault and a page of zeroing per 4 KiB, some 40,000 of them for
// a 1 GiB bundle, a fifth of the analysis time. Blocks under 32 MiB are therefore taken from the
// heap, and the heap is trimmed past 128 MiB of free space only, so that the sessions reuse what the
// load let go. Call once, first thing in main(). Does nothing with other allocators.
void tuneAllocator();

// Returns the free memory of the heap to the system, for example once a bundle has replaced
// another. Thread-safe; takes a few milliseconds after a large bundle.
void releaseFreedMemory();

} // namespace CtiFlow
