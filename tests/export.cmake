# SPDX-FileCopyrightText: 2026 CTI Flow authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Exports: text formats, redaction, images.
ctiflow_add_test(tst_textexport tst_textexport.cpp LIBS ctiflow_models)
ctiflow_add_test(tst_flowexport tst_flowexport.cpp LIBS ctiflow_ui)
