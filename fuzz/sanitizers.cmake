# Sanitizer builds without a sanitized generator. CMakePresets.json loads this file as
# CMAKE_PROJECT_NNITrace_INCLUDE, so it runs right after project(NNITrace) in the top-level
# CMakeLists.txt. At the end of the top-level directory (when every target exists) it adds
# -fsanitize=${NNI_TRACE_SANITIZE} and NNI_TRACE_SANITIZE_OPTIONS to the compile and link options
# of every target of the build except the generator nni-trace-gen: the generator only runs at
# build time, and an instrumented LibTooling binary would build slowly and report LLVM's own
# allocations. See docs/hardening.md.
#
#   NNI_TRACE_SANITIZE          e.g. "address;undefined", "thread", "fuzzer-no-link;address;undefined"
#   NNI_TRACE_SANITIZE_OPTIONS  further flags for compile and link (-fno-sanitize=..., ...)

set(NNI_TRACE_SANITIZE "" CACHE STRING "Sanitizers for every target but the generator (fuzz/sanitizers.cmake)")
set(NNI_TRACE_SANITIZE_OPTIONS "" CACHE STRING "Extra sanitizer flags, compile and link")

if(NNI_TRACE_SANITIZE)
  list(JOIN NNI_TRACE_SANITIZE "," _nni_sanitizers)
  set(NNI_TRACE_SANITIZE_FLAGS "-fsanitize=${_nni_sanitizers}" ${NNI_TRACE_SANITIZE_OPTIONS}
      -fno-omit-frame-pointer)
  message(STATUS "nni-trace: ${NNI_TRACE_SANITIZE_FLAGS} on every target but nni-trace-gen")

  function(_nni_trace_sanitize_directory dir)
    get_property(targets DIRECTORY "${dir}" PROPERTY BUILDSYSTEM_TARGETS)
    foreach(t IN LISTS targets)
      get_target_property(type "${t}" TYPE)
      if(t STREQUAL "nni-trace-gen"
         OR NOT type MATCHES "^(EXECUTABLE|SHARED_LIBRARY|MODULE_LIBRARY|STATIC_LIBRARY|OBJECT_LIBRARY)$")
        continue()
      endif()
      target_compile_options("${t}" PRIVATE ${NNI_TRACE_SANITIZE_FLAGS})
      target_link_options("${t}" PRIVATE ${NNI_TRACE_SANITIZE_FLAGS})
    endforeach()
    get_property(subdirs DIRECTORY "${dir}" PROPERTY SUBDIRECTORIES)
    foreach(sub IN LISTS subdirs)
      _nni_trace_sanitize_directory("${sub}")
    endforeach()
  endfunction()

  cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}"
                 CALL _nni_trace_sanitize_directory "${CMAKE_SOURCE_DIR}")
endif()
