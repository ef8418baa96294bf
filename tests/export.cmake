# SPDX-FileCopyrightText: 2026 CTI Flow authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Exports: text formats, the session table, redaction, images.
ctiflow_add_test(tst_textexport tst_textexport.cpp LIBS ctiflow_models)
ctiflow_add_test(tst_traceexcerpt tst_traceexcerpt.cpp LIBS ctiflow_models)
ctiflow_add_test(tst_sessiontable tst_sessiontable.cpp LIBS ctiflow_models)
ctiflow_add_test(tst_bundlereport tst_bundlereport.cpp LIBS ctiflow_models)
ctiflow_add_test(tst_flowexport tst_flowexport.cpp LIBS ctiflow_ui)
ctiflow_add_test(tst_exportcommand tst_exportcommand.cpp LIBS ctiflow_models)
target_compile_definitions(tst_exportcommand PRIVATE CTIFLOW_EXECUTABLE="$<TARGET_FILE:ctiflow>")
add_dependencies(tst_exportcommand ctiflow)
