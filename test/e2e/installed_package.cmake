# cmake -P script behind the test installed-package-evaluator (see CMakeLists.txt).
# Inputs: NNI_BUILD_DIR, NNI_EXAMPLE_DIR, NNI_WORK_DIR, NNI_GENERATOR.

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}")
  endif()
  message(STATUS "${what}: ok")
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

set(prefix "${NNI_WORK_DIR}/prefix")
set(build "${NNI_WORK_DIR}/evaluator")
file(REMOVE_RECURSE "${NNI_WORK_DIR}")

run("install" "${CMAKE_COMMAND}" --install "${NNI_BUILD_DIR}" --prefix "${prefix}")
# Nothing of the build tree may be needed: the package must be found through the prefix alone.
run("configure the evaluator" "${CMAKE_COMMAND}" -S "${NNI_EXAMPLE_DIR}" -B "${build}"
    -G "${NNI_GENERATOR}" -D CMAKE_BUILD_TYPE=Release -D "CMAKE_PREFIX_PATH=${prefix}")
file(STRINGS "${build}/CMakeCache.txt" found REGEX "^NNITrace_DIR:")
if(NOT found MATCHES "^NNITrace_DIR:PATH=${prefix}/")
  message(FATAL_ERROR "NNITrace was not found in the scratch prefix: ${found}")
endif()
run("build the evaluator" "${CMAKE_COMMAND}" --build "${build}" -j 2)

# A second build has nothing to do: the generator's rule is up to date (stamp + depfile).
if(NNI_GENERATOR STREQUAL "Ninja")
  run("dry-run a rebuild" "${CMAKE_COMMAND}" --build "${build}" -- -n -d explain)
  if(NOT last_output MATCHES "no work to do")
    message(FATAL_ERROR "a no-op rebuild would run something:\n${last_output}")
  endif()
endif()

run("run the evaluator" "${build}/evaluator_parent" "${build}/evaluator_child")
message("${last_output}")
