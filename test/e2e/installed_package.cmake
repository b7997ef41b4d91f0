# cmake -P script behind the test installed-package-evaluator (see CMakeLists.txt).
# Inputs: NNI_BUILD_DIR, NNI_EXAMPLE_DIR, NNI_WORK_DIR, NNI_GENERATOR; NNI_PREFIX, optional.
#
# Installs the build into a scratch prefix (or uses the installed NNI_PREFIX), builds a copy of
# examples/evaluator against it as an outside project would (find_package through
# CMAKE_PREFIX_PATH only), runs it, and checks the generator's rebuild rules: a build with
# nothing changed runs nothing, and a change to a header the generator read only through an
# #include (known from its depfile) runs it again. It touches the prefix's nni/trace.h.

include("${CMAKE_CURRENT_LIST_DIR}/e2e_steps.cmake")


set(src "${NNI_WORK_DIR}/src")
file(REMOVE_RECURSE "${NNI_WORK_DIR}")
if(NNI_PREFIX)
  set(prefix "${NNI_PREFIX}")
else()
  set(prefix "${NNI_WORK_DIR}/prefix")
  run("install" "${CMAKE_COMMAND}" --install "${NNI_BUILD_DIR}" --prefix "${prefix}")
endif()
# A copy, so that the test may touch files without touching the source tree.
file(COPY "${NNI_EXAMPLE_DIR}/" DESTINATION "${src}")

set(generators "${NNI_GENERATOR}")
find_program(MAKE_PROGRAM NAMES make gmake)
if(MAKE_PROGRAM AND NOT NNI_GENERATOR STREQUAL "Unix Makefiles")
  list(APPEND generators "Unix Makefiles")
endif()

foreach(generator IN LISTS generators)
  string(MAKE_C_IDENTIFIER "${generator}" dir)
  set(build "${NNI_WORK_DIR}/build-${dir}")
  message(STATUS "--- ${generator}")
  run("configure" "${CMAKE_COMMAND}" -S "${src}" -B "${build}" -G "${generator}"
      -D CMAKE_BUILD_TYPE=Release -D "CMAKE_PREFIX_PATH=${prefix}")
  file(STRINGS "${build}/CMakeCache.txt" found REGEX "^NNITrace_DIR:")
  if(NOT found MATCHES "^NNITrace_DIR:PATH=${prefix}/")
    message(FATAL_ERROR "NNITrace was not found in the prefix: ${found}")
  endif()
  run("build" "${CMAKE_COMMAND}" --build "${build}" -j 2)
  run("run the evaluator" "${build}/evaluator_parent" "${build}/evaluator_child")
  message("${out}")
  expect_noop_build("${build}")
endforeach()

# nni/trace.h is read by the generator only through models.h: its depfile must name it.
file(TOUCH "${prefix}/include/nni/trace.h")
foreach(generator IN LISTS generators)
  string(MAKE_C_IDENTIFIER "${generator}" dir)
  set(build "${NNI_WORK_DIR}/build-${dir}")
  message(STATUS "--- ${generator}, after touching nni/trace.h")
  run("build" "${CMAKE_COMMAND}" --build "${build}" -j 2)
  if(NOT out MATCHES "nni-trace-gen: registrations for evaluator_models")
    message(FATAL_ERROR "the generator did not run again after nni/trace.h changed:\n${out}")
  endif()
  expect_noop_build("${build}")
endforeach()
