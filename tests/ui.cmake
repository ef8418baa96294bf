# SPDX-FileCopyrightText: 2026 CTI Flow authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Tests of the ui library: headless diagram geometry and the window, offscreen.
ctiflow_add_test(tst_lanelayout tst_lanelayout.cpp uisessions.h LIBS ctiflow_ui)
ctiflow_add_test(tst_uimodels tst_uimodels.cpp uisessions.h LIBS ctiflow_ui ctiflow_resources)
add_subdirectory(tools/screenshot)
# Sessions shown while a bundle loads (the loader's first-file preview) and Find in the log off the GUI thread.
ctiflow_add_test(tst_loadpreview tst_loadpreview.cpp previewbundle.h LIBS ctiflow_ui)
ctiflow_add_test(tst_logfind tst_logfind.cpp LIBS ctiflow_ui ctiflow_resources)
# Copying the selected records from the log.
ctiflow_add_test(tst_logcopy tst_logcopy.cpp LIBS ctiflow_ui ctiflow_resources)
ctiflow_add_test(tst_sessionlist tst_sessionlist.cpp LIBS ctiflow_ui ctiflow_resources)
ctiflow_add_test(tst_pastetrace tst_pastetrace.cpp hostilefixtures.cpp hostilefixtures.h windowtext.h LIBS ctiflow_ui ctiflow_resources)
# The log's time mark.
ctiflow_add_test(tst_logmark tst_logmark.cpp LIBS ctiflow_ui ctiflow_resources)
# The Help menu: shortcuts and versions.
ctiflow_add_test(tst_helpmenu tst_helpmenu.cpp LIBS ctiflow_ui ctiflow_resources)
# A login beside a succeeded one.
ctiflow_add_test(tst_comparepanel tst_comparepanel.cpp LIBS ctiflow_ui)
# Shifting a node's clock from the window.
ctiflow_add_test(tst_nodeclocks tst_nodeclocks.cpp LIBS ctiflow_ui ctiflow_resources)
# The reading limits as settings, and their dialog.
ctiflow_add_test(tst_readinglimits tst_readinglimits.cpp LIBS ctiflow_ui)
# A bundle without a CTI login says why in the diagram's place.
ctiflow_add_test(tst_emptywindow tst_emptywindow.cpp LIBS ctiflow_ui ctiflow_resources)
# File > Reload.
ctiflow_add_test(tst_reload tst_reload.cpp LIBS ctiflow_ui ctiflow_resources)
# From a problem to its record in the log.
ctiflow_add_test(tst_problemsinlog tst_problemsinlog.cpp windowtext.h LIBS ctiflow_ui ctiflow_resources)
# Notes on steps in the window.
ctiflow_add_test(tst_stepnotewindow tst_stepnotewindow.cpp LIBS ctiflow_ui ctiflow_resources)
# Edit > Analysis Rules.
ctiflow_add_test(tst_rulesdialog tst_rulesdialog.cpp windowtext.h LIBS ctiflow_ui ctiflow_resources)
