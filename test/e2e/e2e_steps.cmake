# Steps shared by the end-to-end scripts (run with cmake -P).

# Runs a command; fails the test with its output if it fails. Leaves the output in `out`.
function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${what} failed (${rc}):\n${out}")
  endif()
  message(STATUS "${what}: ok")
  set(out "${out}" PARENT_SCOPE)
endfunction()

# Builds `build` and fails if the build ran anything.
function(expect_noop_build build)
  run("rebuild with nothing changed" "${CMAKE_COMMAND}" --build "${build}")
  if(out MATCHES "nni-trace-gen:|Building|Linking" OR
     (out MATCHES "ninja" AND NOT out MATCHES "no work to do"))
    message(FATAL_ERROR "a build with nothing changed did some work:\n${out}")
  endif()
endfunction()

# Builds `build`, which must fail with `expected` in its output (a diagnostic at its line).
# Leaves the output in `out`.
function(expect_build_failure what build expected)
  execute_process(COMMAND "${CMAKE_COMMAND}" --build "${build}" -j2
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
  if(rc EQUAL 0)
    message(FATAL_ERROR "${what} succeeded:\n${out}")
  endif()
  string(FIND "${out}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${what} failed without the expected diagnostic\n  ${expected}\n${out}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()
