# cmake -P script behind the tests installed-package-registrations-* (see CMakeLists.txt).
# Inputs: NNI_PREFIX (an installed nni-trace, moved after installation), NNI_PROJECT_DIR
# (test/e2e/registrations), NNI_WORK_DIR, NNI_GENERATOR, NNI_CXX (the user's compiler).
#
# Builds the registrations project against the installed package with NNI_CXX and NNI_GENERATOR,
# warnings as errors (so the package must silence that compiler about [[nni::trace]]), then:
# - runs `app`, which loads a class of a static library and one of a shared library that it never
#   names, and `app_dropped`, the same program linked without the package's link options, whose
#   loads must fail (so `app` would notice registrations the linker dropped);
# - checks that a build with nothing changed runs nothing;
# - edits a comment in plain.h (a header of the target that the generator reads, without traced
#   entities): the generator runs once, leaves its unchanged outputs alone (modification times
#   kept to the nanosecond), and the generated source's object is not recompiled;
# - edits a comment in square.h without moving any line: the generator runs, the generated
#   source keeps its modification time.

include("${CMAKE_CURRENT_LIST_DIR}/e2e_steps.cmake")

# Modification time with nanoseconds (file(TIMESTAMP) has whole seconds only).
function(mtime file var)
  if(NOT EXISTS "${file}")
    message(FATAL_ERROR "missing: ${file}")
  endif()
  execute_process(COMMAND stat -c %.9Y "${file}" OUTPUT_VARIABLE t OUTPUT_STRIP_TRAILING_WHITESPACE
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "stat ${file} failed")
  endif()
  set(${var} "${t}" PARENT_SCOPE)
endfunction()

# Replaces `from` by `to` in a file (the text must be there).
function(edit file from to)
  file(READ "${file}" text)
  string(FIND "${text}" "${from}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "'${from}' not found in ${file}")
  endif()
  string(REPLACE "${from}" "${to}" text "${text}")
  file(WRITE "${file}" "${text}")
endfunction()

# Number of generator runs that a build printed (the custom command's COMMENT).
function(count_generator_runs out var)
  string(REGEX MATCHALL "nni-trace-gen: registrations for [a-z_]+" runs "${out}")
  list(LENGTH runs n)
  set(${var} ${n} PARENT_SCOPE)
  set(${var}_list "${runs}" PARENT_SCOPE)
endfunction()

set(src "${NNI_WORK_DIR}/src")
set(build "${NNI_WORK_DIR}/build")
file(REMOVE_RECURSE "${NNI_WORK_DIR}")
# A copy, so that the test may edit files without touching the source tree.
file(COPY "${NNI_PROJECT_DIR}/" DESTINATION "${src}")

run("configure (${NNI_CXX}, ${NNI_GENERATOR})" "${CMAKE_COMMAND}" -S "${src}" -B "${build}"
    -G "${NNI_GENERATOR}" -D "CMAKE_CXX_COMPILER=${NNI_CXX}" -D CMAKE_BUILD_TYPE=Release
    -D "CMAKE_PREFIX_PATH=${NNI_PREFIX}")
file(STRINGS "${build}/CMakeCache.txt" found REGEX "^NNITrace_DIR:")
if(NOT found MATCHES "^NNITrace_DIR:PATH=${NNI_PREFIX}/")
  message(FATAL_ERROR "NNITrace was not found in the prefix ${NNI_PREFIX}: ${found}")
endif()
run("build" "${CMAKE_COMMAND}" --build "${build}" -j 2)
if(out MATCHES "[Ww]arning")
  message(FATAL_ERROR "the build printed a warning:\n${out}")
endif()

run("app: load classes of a static and of a shared library by their symbols" "${build}/app")
message("${out}")
run("app_dropped (control, linked without the package's options): every load fails"
    "${build}/app_dropped" dropped)
message("${out}")

expect_noop_build("${build}")

set(gen_cpp "${build}/nni_trace/square.nni_trace.cpp")
set(gen_yaml "${build}/nni_trace/square.nni_trace.yaml")
set(gen_obj "${build}/CMakeFiles/square.dir/nni_trace/square.nni_trace.cpp.o")
set(user_obj "${build}/CMakeFiles/square.dir/square.cpp.o")
mtime("${gen_cpp}" cpp_before)
mtime("${gen_yaml}" yaml_before)
mtime("${gen_obj}" obj_before)
mtime("${user_obj}" user_obj_before)

# A header the generator reads, but that the generated source does not include.
edit("${src}/plain.h" "(test/e2e edits this comment.)" "(edited by test/e2e.)")
run("build after a comment changed in plain.h" "${CMAKE_COMMAND}" --build "${build}" -j 2)
count_generator_runs("${out}" runs)
if(NOT runs EQUAL 1 OR NOT runs_list STREQUAL "nni-trace-gen: registrations for square")
  message(FATAL_ERROR "expected one generator run, for square; got ${runs}:\n${out}")
endif()
mtime("${gen_cpp}" cpp_after)
mtime("${gen_yaml}" yaml_after)
mtime("${gen_obj}" obj_after)
mtime("${user_obj}" user_obj_after)
if(NOT cpp_after STREQUAL cpp_before OR NOT yaml_after STREQUAL yaml_before)
  message(FATAL_ERROR "the generator rewrote unchanged outputs: ${gen_cpp} ${cpp_before} -> "
                      "${cpp_after}, ${gen_yaml} ${yaml_before} -> ${yaml_after}\n${out}")
endif()
if(NOT obj_after STREQUAL obj_before OR out MATCHES "square\\.nni_trace\\.cpp\\.o")
  message(FATAL_ERROR "the generated source's object was recompiled, though its source did "
                      "not change (${obj_before} -> ${obj_after}):\n${out}")
endif()
if(user_obj_after STREQUAL user_obj_before)
  message(FATAL_ERROR "square.cpp, which includes plain.h, was not recompiled: did the edit "
                      "reach the build?\n${out}")
endif()

# A traced header, edited without moving a line: the generated source stays as it was (its
# object recompiles all the same, since it includes square.h).
edit("${src}/square.h" "(test/e2e edits this comment.)" "(edited by test/e2e.)")
run("build after a comment changed in square.h" "${CMAKE_COMMAND}" --build "${build}" -j 2)
count_generator_runs("${out}" runs)
if(NOT runs EQUAL 1)
  message(FATAL_ERROR "expected one generator run; got ${runs}:\n${out}")
endif()
mtime("${gen_cpp}" cpp_after)
if(NOT cpp_after STREQUAL cpp_before)
  message(FATAL_ERROR "the generator rewrote ${gen_cpp}, whose content did not change\n${out}")
endif()

expect_noop_build("${build}")
run("app after the rebuilds" "${build}/app")
