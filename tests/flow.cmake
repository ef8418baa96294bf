# SPDX-FileCopyrightText: 2026 CTI Flow authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Flow analysis: sessions, rules, verdicts, the session model and the trace generator.
add_subdirectory(tools/generator)
