# cmake -P script behind the test installed-package-install-and-move, the setup of the fixture
# nni_installed_prefix that the other installed-package-* tests use (see CMakeLists.txt).
# Inputs: NNI_BUILD_DIR, NNI_WORK_DIR.
#
# Installs the build into <work>/staging, then moves the tree to <work>/prefix, so that every
# consumer test builds against a relocated install. Fails if any installed CMake file still names
# the staging directory, if the installed generator does not read its installed precompiled
# <nni/trace.h> before the move, or does not parse the header itself after it (its recorded
# files are gone; docs/cmake.md).

set(staging "${NNI_WORK_DIR}/staging")
set(prefix "${NNI_WORK_DIR}/prefix")
file(REMOVE_RECURSE "${staging}" "${prefix}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${NNI_BUILD_DIR}" --prefix "${staging}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "install failed (${rc}):\n${out}")
endif()
# The generator as installed, on a header that includes <nni/trace.h>: <prefix>/bin/nni-trace-gen
# finds <prefix>/<libdir>/nni-trace/pch by itself.
set(header "${NNI_WORK_DIR}/pch_probe.h")
file(WRITE "${header}" "#pragma once\n#include <nni/trace.h>\nstruct [[nni::trace]] Probe {\n  explicit Probe(int size);\n};\n")
function(probe_generator root expected)
  execute_process(COMMAND "${root}/bin/nni-trace-gen" --verbose "${header}"
                          -o "${NNI_WORK_DIR}/pch_probe.cpp" -- -std=c++17 "-I${root}/include"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0 OR NOT out MATCHES "${expected}")
    message(FATAL_ERROR "the installed generator in ${root} (exit ${rc}) did not say '${expected}':\n${out}")
  endif()
endfunction()
probe_generator("${staging}" "read <nni/trace.h> from [^\n]*/nni-trace/pch/trace-c\\+\\+17\\.pch")

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
probe_generator("${prefix}" "not reading a precompiled <nni/trace.h>: [^\n]*staging[^\n]*, which the PCH read, is gone")
message(STATUS "installed into ${staging}, moved to ${prefix}")
