# SPDX-FileCopyrightText: 2026 CTI Flow authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Warning and Qt strictness flags shared by every CTI Flow target.

add_library(ctiflow_compiler_flags INTERFACE)
target_compile_options(ctiflow_compiler_flags INTERFACE -Wall -Wextra -Wpedantic -Wshadow
    $<$<BOOL:${CTIFLOW_WERROR}>:-Werror>)
target_compile_definitions(ctiflow_compiler_flags INTERFACE QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII
    QT_NO_FOREACH QT_USE_QSTRINGBUILDER QT_NO_URL_CAST_FROM_STRING QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_KEYWORDS)
