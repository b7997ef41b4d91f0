# cmake -P script behind e2e-bad-header-fails-build (see CMakeLists.txt). Inputs: NNI_BUILD_DIR
# (this project's build tree, a usable NNITrace package), NNI_PROJECT_DIR (project/),
# NNI_WORK_DIR, NNI_GENERATOR.
#
# 1. Configures and builds project/ against the build tree: the build must fail, its output must
#    hold the generator's error at models.h's offending line and column (file:line:col, as a
#    compiler writes it), and no generated source may be left behind.
# 2. Fixes the header and its source (project/fixed/: the callback removed) and builds again: it must succeed and the
#    program must run, so the failure was the header's and nothing else's.

include("${CMAKE_CURRENT_LIST_DIR}/../e2e/e2e_steps.cmake")

set(src "${NNI_WORK_DIR}/src")
set(build "${NNI_WORK_DIR}/build")
file(REMOVE_RECURSE "${NNI_WORK_DIR}")
file(COPY "${NNI_PROJECT_DIR}/" DESTINATION "${src}")

run("configure" "${CMAKE_COMMAND}" -S "${src}" -B "${build}" -G "${NNI_GENERATOR}"
    "-DNNITrace_DIR=${NNI_BUILD_DIR}" -DCMAKE_BUILD_TYPE=Debug)

# The line and column of `on_change` in models.h.
expect_build_failure("the build with the bad header" "${build}"
                     "models.h:13:45: error: parameter 'on_change' of type 'std::function<void (int)>' cannot be serialized")
file(GLOB_RECURSE left "${build}/*.nni_trace.cpp")
if(left)
  message(FATAL_ERROR "a generated source was left behind: ${left}")
endif()
message(STATUS "bad header: the build fails at models.h:13:45: ok")

foreach(name models.h models.cpp)  # written anew: a fresh modification time
  file(READ "${src}/fixed/${name}" text)
  file(WRITE "${src}/${name}" "${text}")
endforeach()
execute_process(COMMAND "${CMAKE_COMMAND}" --build "${build}" -j2
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the build with the header fixed failed (${rc}):\n${out}")
endif()
execute_process(COMMAND "${build}/app" RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(NOT rc EQUAL 0 OR NOT out MATCHES "loaded width=4")
  message(FATAL_ERROR "app failed (${rc}):\n${out}")
endif()
message(STATUS "fixed header: builds and runs: ok")
