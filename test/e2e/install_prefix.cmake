# cmake -P script behind the test installed-package-install-and-move, the setup of the fixture
# nni_installed_prefix that the other installed-package-* tests use (see CMakeLists.txt).
# Inputs: NNI_BUILD_DIR, NNI_WORK_DIR.
#
# Installs the build into <work>/staging, then moves the tree to <work>/prefix, so that every
# consumer test builds against a relocated install. Fails if any installed CMake file still names
# the staging directory.

set(staging "${NNI_WORK_DIR}/staging")
set(prefix "${NNI_WORK_DIR}/prefix")
file(REMOVE_RECURSE "${staging}" "${prefix}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${NNI_BUILD_DIR}" --prefix "${staging}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "install failed (${rc}):\n${out}")
endif()
file(RENAME "${staging}" "${prefix}")
if(EXISTS "${staging}")
  message(FATAL_ERROR "${staging} still exists after the move")
endif()

file(GLOB_RECURSE cmake_files "${prefix}/lib/cmake/*")
if(NOT cmake_files)
  message(FATAL_ERROR "no package files under ${prefix}/lib/cmake")
endif()
foreach(f IN LISTS cmake_files)
  file(READ "${f}" text)
  string(FIND "${text}" "${staging}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "${f} names the install directory ${staging}: the package is not relocatable")
  endif()
endforeach()
message(STATUS "installed into ${staging}, moved to ${prefix}")
