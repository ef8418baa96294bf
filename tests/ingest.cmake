# SPDX-FileCopyrightText: 2026 CTI Flow authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Tests of trace ingestion: files, folders, archives, gzip, the asynchronous loader.
ctiflow_add_test(tst_loadjob tst_loadjob.cpp LIBS ctiflow_models)
