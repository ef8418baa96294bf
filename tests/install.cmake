# SPDX-FileCopyrightText: 2026 CTI Flow authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Installation and packaging: the staged install tree, the desktop entry, the AppStream metainfo, the
# MIME types, the command line and manual page of the installed program, the .deb and the .tar.gz.
# Installing the .deb in a clean Debian 13 system is installer/test-package.sh (needs root, runs
# on the host after this suite: installer/ctiflow-dev test).

set(install_check ${CMAKE_CURRENT_SOURCE_DIR}/install/check.sh)
set(install_stage ${CMAKE_CURRENT_BINARY_DIR}/install-stage)

add_test(NAME install_staged COMMAND ${install_check} staged ${PROJECT_BINARY_DIR} ${install_stage})
set_tests_properties(install_staged PROPERTIES FIXTURES_SETUP staged_install RESOURCE_LOCK ctiflow_install
    TIMEOUT 120)

add_test(NAME install_desktop_entry COMMAND ${install_check} desktop ${install_stage})
add_test(NAME install_metainfo COMMAND ${install_check} metainfo ${install_stage} ${PROJECT_VERSION})
add_test(NAME install_commandline COMMAND ${install_check} commandline ${install_stage} ${PROJECT_VERSION})
set_tests_properties(install_desktop_entry install_metainfo install_commandline PROPERTIES TIMEOUT 120
    FIXTURES_REQUIRED staged_install)

ctiflow_add_test(tst_mimetype tst_mimetype.cpp LIBS Qt6::Core)

# One cpack run makes both packages; the checks read them from build/<preset>/package.
add_test(NAME package_build COMMAND ${CMAKE_CPACK_COMMAND} --config ${PROJECT_BINARY_DIR}/CPackConfig.cmake
    WORKING_DIRECTORY ${PROJECT_BINARY_DIR})
set_tests_properties(package_build PROPERTIES FIXTURES_SETUP packages RESOURCE_LOCK ctiflow_install TIMEOUT 600)
add_test(NAME package_tgz COMMAND ${install_check} tgz ${PROJECT_BINARY_DIR}/package ${PROJECT_VERSION})
set(package_checks package_tgz)
find_program(DPKG_SHLIBDEPS_EXECUTABLE dpkg-shlibdeps) # installer/CMakeLists.txt builds the .deb only with it
if(DPKG_SHLIBDEPS_EXECUTABLE)
    add_test(NAME package_deb COMMAND ${install_check} deb ${PROJECT_BINARY_DIR}/package ${PROJECT_VERSION})
    list(APPEND package_checks package_deb)
endif()
set_tests_properties(${package_checks} PROPERTIES FIXTURES_REQUIRED packages TIMEOUT 120)

set_tests_properties(install_staged install_desktop_entry install_metainfo install_commandline tst_mimetype
    PROPERTIES LABELS install)
set_tests_properties(package_build ${package_checks} PROPERTIES LABELS package)
