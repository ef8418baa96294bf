# SPDX-FileCopyrightText: 2026 CTI Flow authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Hostile and broken inputs (fixtures built at test time) and the input-bytes guarantee.
ctiflow_add_test(tst_hostile tst_hostile.cpp hostilefixtures.cpp hostilefixtures.h LIBS ctiflow_models)
ctiflow_add_test(tst_inputsuntouched tst_inputsuntouched.cpp hostilefixtures.cpp hostilefixtures.h
    LIBS ctiflow_models)
# The GUI-thread stall benchmark (not a test): ctiflow-stall, see tests/tools/stall/main.cpp.
add_subdirectory(tools/stall)
