# SPDX-FileCopyrightText: 2026 CTI Flow authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Tests of trace ingestion: files, folders, archives, gzip, the asynchronous loader.
ctiflow_add_test(tst_loadjob tst_loadjob.cpp LIBS ctiflow_models)
# The loading benchmark (not a test): ctiflow-bench, see tests/tools/bench/main.cpp.
add_subdirectory(tools/bench)
ctiflow_add_test(tst_loader_golden tst_loader_golden.cpp LIBS ctiflow_models)
# Tar entry times are UTC instants: a fixed zone keeps the golden dates stable.
set_tests_properties(tst_loader_golden PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen;TZ=UTC")
ctiflow_add_test(tst_loader tst_loader.cpp LIBS ctiflow_models)
ctiflow_add_test(tst_recordfilter tst_recordfilter.cpp LIBS ctiflow_models)
