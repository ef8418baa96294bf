# SPDX-FileCopyrightText: 2026 CTI Flow authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Flow analysis: sessions, rules, verdicts, the session model and the trace generator.
add_subdirectory(tools/generator)

ctiflow_add_test(tst_flowgenerator tst_flowgenerator.cpp LIBS ctiflow_models)
target_compile_definitions(tst_flowgenerator PRIVATE CTIFLOW_GENERATOR="$<TARGET_FILE:ctiflow-gen>")
add_dependencies(tst_flowgenerator ctiflow-gen)
ctiflow_add_test(tst_flow tst_flow.cpp flowfixture.h LIBS ctiflow_models)
ctiflow_add_test(tst_flowrules tst_flowrules.cpp flowfixture.h LIBS ctiflow_models)
ctiflow_add_test(tst_ctierror tst_ctierror.cpp LIBS ctiflow_models)
ctiflow_add_test(tst_emptybundle tst_emptybundle.cpp LIBS ctiflow_models)
ctiflow_add_test(tst_stepnotes tst_stepnotes.cpp LIBS ctiflow_models)
ctiflow_add_test(tst_textmatcher tst_textmatcher.cpp LIBS ctiflow_models)
ctiflow_add_test(tst_connectionsessions tst_connectionsessions.cpp LIBS ctiflow_models)
ctiflow_add_test(tst_sessionmodel tst_sessionmodel.cpp flowfixture.h LIBS ctiflow_models)
ctiflow_add_test(tst_flowcli tst_flowcli.cpp)
target_compile_definitions(tst_flowcli PRIVATE CTIFLOW_EXECUTABLE="$<TARGET_FILE:ctiflow>")
add_dependencies(tst_flowcli ctiflow)
