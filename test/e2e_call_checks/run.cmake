# cmake -P script behind e2e-call-checks (see CMakeLists.txt). Inputs: NNI_BUILD_DIR (this
# project's build tree, a usable NNITrace package), NNI_PROJECT_DIR (project/), NNI_WORK_DIR,
# NNI_GENERATOR.
#
# 1. project/ without CHECK_CALLS builds: the untraced nni::make in main.cpp only throws at run
#    time.
# 2. With -DNNI_CHECK_CALLS=ON the build fails, with the generator's error at main.cpp's line and
#    column of the call.
# 3. With main.cpp fixed the build succeeds; a rebuild with nothing changed runs nothing, and one
#    after models.cpp changed checks models.cpp alone.
include("${CMAKE_CURRENT_LIST_DIR}/../e2e/e2e_steps.cmake")

set(src "${NNI_WORK_DIR}/src")
set(build "${NNI_WORK_DIR}/build")
file(REMOVE_RECURSE "${NNI_WORK_DIR}")
file(COPY "${NNI_PROJECT_DIR}/" DESTINATION "${src}")

run("configure without CHECK_CALLS" "${CMAKE_COMMAND}" -S "${src}" -B "${build}"
    -G "${NNI_GENERATOR}" "-DNNITrace_DIR=${NNI_BUILD_DIR}" -DCMAKE_BUILD_TYPE=Debug)
run("build without CHECK_CALLS" "${CMAKE_COMMAND}" --build "${build}" -j2)

run("configure with CHECK_CALLS" "${CMAKE_COMMAND}" -DNNI_CHECK_CALLS=ON "${build}")
# The line and column of `make` in main.cpp's nni::make<shop::Plain>(2).
expect_build_failure("the build with CHECK_CALLS and an untraced nni::make" "${build}"
                     "main.cpp:8:21: error: nni::make<shop::Plain>: 'shop::Plain' is not traced")
message(STATUS "with CHECK_CALLS: the build fails at main.cpp:8:21: ok")

file(READ "${src}/fixed/main.cpp" text)  # written anew: a fresh modification time
file(WRITE "${src}/main.cpp" "${text}")
run("build with main.cpp fixed" "${CMAKE_COMMAND}" --build "${build}" -j2)
expect_noop_build("${build}")

file(READ "${src}/models.cpp" text)
file(WRITE "${src}/models.cpp" "${text}// edited\n")
run("build after models.cpp changed" "${CMAKE_COMMAND}" --build "${build}" -j2)
string(REGEX MATCHALL "checking the nni calls of [^\r\n]*" checks "${out}")
if(NOT checks STREQUAL "checking the nni calls of models.cpp")
  message(FATAL_ERROR "models.cpp changed, and the checks run were: '${checks}'\n${out}")
endif()
message(STATUS "one source changed: that source alone is checked again: ok")
