# nni_trace_generate(<target> [HEADERS <header>...] [OUTPUT_DIR <dir>] [OPTIONS <flag>...]
#                    [CHECK_CALLS] [FAST_LOADS])
#
# Runs nni-trace-gen over the target's headers at build time and compiles the generated
# registrations into the target. With CHECK_CALLS, also checks the nni::make / nni::call /
# nni::load calls of each of the target's C++ sources (one parse per source). Reference:
# docs/cmake.md.
#
# Needs the targets NNITrace::nni-trace-gen and NNITrace::runtime (imported by
# find_package(NNITrace), or the ALIAS targets of the nni-trace build tree).

include_guard(GLOBAL)

# Functions record the policies in effect where they are defined; pin the ones the custom
# command relies on (CMP0116: Ninja rewrites the generator's depfile paths) whatever the
# calling project's cmake_minimum_required says.
cmake_policy(VERSION 3.20...3.25)

function(nni_trace_generate target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "CHECK_CALLS;FAST_LOADS" "OUTPUT_DIR" "HEADERS;OPTIONS")
  if(arg_UNPARSED_ARGUMENTS)
    message(SEND_ERROR "nni_trace_generate(${target}): unknown argument(s): ${arg_UNPARSED_ARGUMENTS}")
    return()
  endif()
  if(arg_KEYWORDS_MISSING_VALUES)
    message(SEND_ERROR "nni_trace_generate(${target}): ${arg_KEYWORDS_MISSING_VALUES} given without a value")
    return()
  endif()

  if(NOT TARGET "${target}")
    message(SEND_ERROR "nni_trace_generate: there is no target named '${target}'")
    return()
  endif()
  get_target_property(aliased "${target}" ALIASED_TARGET)
  if(aliased)
    set(target "${aliased}")
  endif()
  get_target_property(imported "${target}" IMPORTED)
  get_target_property(type "${target}" TYPE)
  if(imported OR NOT type MATCHES "^(STATIC_LIBRARY|SHARED_LIBRARY|MODULE_LIBRARY|OBJECT_LIBRARY|EXECUTABLE)$")
    if(imported)
      set(type "IMPORTED ${type}")
    endif()
    message(SEND_ERROR "nni_trace_generate: target '${target}' must be a library or executable "
                       "built by this project (it is ${type})")
    return()
  endif()
  # A custom command only feeds targets of the directory that creates it.
  get_target_property(target_dir "${target}" SOURCE_DIR)
  if(NOT target_dir STREQUAL CMAKE_CURRENT_SOURCE_DIR)
    message(SEND_ERROR "nni_trace_generate(${target}): call it in the directory that creates the "
                       "target (${target_dir}), not in ${CMAKE_CURRENT_SOURCE_DIR}")
    return()
  endif()
  get_target_property(done "${target}" NNI_TRACE_GENERATED)
  if(done)
    message(SEND_ERROR "nni_trace_generate(${target}): already called for this target; list all "
                       "of its headers in one call")
    return()
  endif()
  foreach(needed IN ITEMS NNITrace::nni-trace-gen NNITrace::runtime)
    if(NOT TARGET ${needed})
      message(SEND_ERROR "nni_trace_generate(${target}): target ${needed} is not defined; "
                         "call find_package(NNITrace) first")
      return()
    endif()
  endforeach()

  # The headers to read: given, or the target's own sources that are headers.
  set(headers "")
  if(arg_HEADERS)
    foreach(h IN LISTS arg_HEADERS)
      get_filename_component(h "${h}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
      list(APPEND headers "${h}")
    endforeach()
  else()
    get_target_property(sources "${target}" SOURCES)
    foreach(s IN LISTS sources)
      if(s MATCHES "^\\$<" OR NOT s MATCHES "\\.(h|hh|hpp|hxx)$")
        continue()
      endif()
      get_filename_component(s "${s}" ABSOLUTE BASE_DIR "${target_dir}")
      list(APPEND headers "${s}")
    endforeach()
    if(NOT headers)
      message(SEND_ERROR "nni_trace_generate(${target}): the target lists no header among its "
                         "sources; add them to the target or name them with HEADERS")
      return()
    endif()
  endif()
  list(REMOVE_DUPLICATES headers)

  if(NOT arg_OUTPUT_DIR)
    set(arg_OUTPUT_DIR "${CMAKE_CURRENT_BINARY_DIR}/nni_trace")
  endif()
  get_filename_component(out_dir "${arg_OUTPUT_DIR}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
  set(base "${out_dir}/${target}.nni_trace")
  set(cpp "${base}.cpp")
  set(manifest "${base}.yaml")
  set(depfile "${base}.d")
  set(stamp "${base}.stamp")
  string(REGEX REPLACE "[^A-Za-z0-9_]" "_" anchor "${target}")

  # The parse uses the target's own flags, evaluated at generate time so that properties set
  # after this call count too: its include directories (with those it gets from what it links),
  # then the runtime's (most often among them already), its definitions, its standard. One
  # argument per line, each quoted for the GNU response-file syntax (a value holding a double
  # quote or backslash is not supported).
  set(incs "$<FILTER:$<REMOVE_DUPLICATES:$<TARGET_PROPERTY:${target},INCLUDE_DIRECTORIES>$<SEMICOLON>$<TARGET_PROPERTY:NNITrace::runtime,INTERFACE_INCLUDE_DIRECTORIES>>,EXCLUDE,^$>")
  set(defs "$<TARGET_PROPERTY:${target},COMPILE_DEFINITIONS>")
  if(CMAKE_CXX_STANDARD)
    set(default_std "${CMAKE_CXX_STANDARD}")
  else()
    set(default_std 17)
  endif()
  set(std "$<TARGET_PROPERTY:${target},CXX_STANDARD>")
  set(rsp_lines
      "\"-std=c++$<IF:$<BOOL:${std}>,${std},${default_std}>\""
      "$<$<BOOL:${incs}>:\"-I$<JOIN:${incs},\"\n\"-I>\">"
      "$<$<BOOL:${defs}>:\"-D$<JOIN:${defs},\"\n\"-D>\">")
  set(option_lines "")
  foreach(opt IN LISTS arg_OPTIONS)
    list(APPEND option_lines "\"${opt}\"")
  endforeach()
  list(JOIN rsp_lines "\n" target_content)  # without OPTIONS, for the check's flags
  list(APPEND rsp_lines ${option_lines})
  list(JOIN rsp_lines "\n" rsp_content)
  get_property(multi_config GLOBAL PROPERTY GENERATOR_IS_MULTI_CONFIG)
  if(multi_config)
    set(config_suffix ".$<CONFIG>")
  else()
    set(config_suffix "")
  endif()
  set(rsp "${base}${config_suffix}.rsp")
  file(GENERATE OUTPUT "${rsp}" CONTENT "${rsp_content}\n" TARGET "${target}")

  set(fast_loads "")
  if(arg_FAST_LOADS)
    set(fast_loads --fast-loads)
  endif()

  # The stamp is the rule's output: the generator leaves an unchanged file alone, so the real
  # files are byproducts and the stamp records that the rule ran (see docs/cmake.md).
  add_custom_command(
    OUTPUT "${stamp}"
    BYPRODUCTS "${cpp}" "${manifest}"
    COMMAND NNITrace::nni-trace-gen
            -o "${cpp}" --manifest "${manifest}"
            --depfile "${depfile}" --depfile-target "${stamp}"
            --anchor "${anchor}" ${fast_loads}
            ${headers} -- "@${rsp}"
    COMMAND "${CMAKE_COMMAND}" -E touch "${stamp}"
    DEPENDS NNITrace::nni-trace-gen ${headers} "${rsp}"
    DEPFILE "${depfile}"
    COMMENT "nni-trace-gen: registrations for ${target}"
    VERBATIM)

  if(arg_CHECK_CALLS)
    _nni_trace_check_calls("${target}" "${target_dir}" "${out_dir}" "${target_content}"
                           "${option_lines}" "${config_suffix}")
  endif()

  set_source_files_properties("${cpp}" "${stamp}" PROPERTIES GENERATED TRUE)
  # Every generated file defines the same names in its unnamed namespace.
  set_source_files_properties("${cpp}" PROPERTIES SKIP_UNITY_BUILD_INCLUSION TRUE)
  # First among the target's sources, not last: Ninja (1.11) and Make start ready jobs in the
  # order the target lists them, and the generated source is the target's longest compile. Last,
  # it started when every other source was done and ran alone on one CPU (docs/performance.md).
  get_target_property(sources_before "${target}" SOURCES)
  if(NOT sources_before)
    set(sources_before "")
  endif()
  set_property(TARGET "${target}" PROPERTY SOURCES "${cpp}" "${stamp}" ${sources_before})
  set_property(TARGET "${target}" PROPERTY NNI_TRACE_GENERATED TRUE)

  # The target's headers include <nni/trace.h>: the runtime is a public dependency. Set the
  # properties directly so the caller may use either target_link_libraries signature.
  set_property(TARGET "${target}" APPEND PROPERTY LINK_LIBRARIES NNITrace::runtime)
  set_property(TARGET "${target}" APPEND PROPERTY INTERFACE_LINK_LIBRARIES NNITrace::runtime)

  # Nothing refers to the generated object file, so a linker pulling members out of a static
  # library would drop it with its registrations; an undefined reference to its anchor keeps it.
  if(NOT type STREQUAL "EXECUTABLE" AND NOT type STREQUAL "MODULE_LIBRARY" AND NOT APPLE AND NOT WIN32)
    target_link_options("${target}" INTERFACE "LINKER:--undefined=nni_trace_anchor_${anchor}")
    # --undefined alone does not make a shared library needed under --as-needed (GCC's default
    # on Debian 12): the linker drops it, and its registrations with it.
    if(type STREQUAL "SHARED_LIBRARY")
      target_link_options("${target}" INTERFACE "LINKER:--no-as-needed")
    endif()
  endif()

  # The compilers do not know [[nni::trace]]. GCC can ignore one attribute namespace; Clang can
  # only ignore all unknown attributes.
  set(quiet "$<$<COMPILE_LANG_AND_ID:CXX,GNU>:-Wno-attributes=nni::>"
            "$<$<COMPILE_LANG_AND_ID:CXX,Clang,AppleClang>:-Wno-unknown-attributes>")
  target_compile_options("${target}" PRIVATE ${quiet} INTERFACE ${quiet})
endfunction()

# CHECK_CALLS: one `nni-trace-gen --check-calls` per C++ source of the target, each a custom
# command with its own stamp and depfile, so that a build runs the check of a source only when
# the source, a file its parse read, its flags or the generator changed. The stamps are sources
# of the target: the target's build waits for them and fails when a check fails.
function(_nni_trace_check_calls target target_dir out_dir target_content option_lines
         config_suffix)
  get_target_property(sources "${target}" SOURCES)
  set(checked "")
  foreach(s IN LISTS sources)
    if(s MATCHES "^\\$<" OR NOT s MATCHES "\\.(cc|cxx|cpp|CPP|c\\+\\+|C)$")
      continue()
    endif()
    get_filename_component(s "${s}" ABSOLUTE BASE_DIR "${target_dir}")
    get_source_file_property(header_only "${s}" HEADER_FILE_ONLY)
    if(NOT header_only)
      list(APPEND checked "${s}")
    endif()
  endforeach()
  list(REMOVE_DUPLICATES checked)
  if(NOT checked)
    message(SEND_ERROR "nni_trace_generate(${target}): CHECK_CALLS, but the target lists no C++ "
                       "source (.cpp, .cc, .cxx, ...) to check; add them before the call")
    return()
  endif()

  # The generation's flags with the target's compile options (transitive, as the compiler gets
  # them; `SHELL:` groups left out) before OPTIONS. The check ignores warning options.
  set(copts "$<FILTER:$<TARGET_PROPERTY:${target},COMPILE_OPTIONS>,EXCLUDE,^SHELL:>")
  set(lines "${target_content}" "$<$<BOOL:${copts}>:\"$<JOIN:${copts},\"\n\">\">" ${option_lines})
  list(JOIN lines "\n" content)
  set(check_rsp "${out_dir}/${target}.nni_calls${config_suffix}.rsp")
  file(GENERATE OUTPUT "${check_rsp}" CONTENT "${content}\n" TARGET "${target}")

  set(dir "${out_dir}/${target}.nni_calls")
  file(MAKE_DIRECTORY "${dir}")
  set(stamps "")
  foreach(src IN LISTS checked)
    # One stamp per source, unique even for sources of the same name in two directories.
    get_filename_component(name "${src}" NAME)
    string(MD5 key "${src}")
    string(SUBSTRING "${key}" 0 8 key)
    set(check_base "${dir}/${name}.${key}")
    # The source's own properties, as a compile command has them (as set when this is called).
    set(src_flags "")
    foreach(prop_prefix IN ITEMS "INCLUDE_DIRECTORIES;-I" "COMPILE_DEFINITIONS;-D" "COMPILE_OPTIONS;")
      list(GET prop_prefix 0 prop)
      list(LENGTH prop_prefix n)
      set(prefix "")
      if(n GREATER 1)
        list(GET prop_prefix 1 prefix)
      endif()
      get_source_file_property(values "${src}" ${prop})
      if(values)
        foreach(v IN LISTS values)
          list(APPEND src_flags "${prefix}${v}")
        endforeach()
      endif()
    endforeach()
    file(RELATIVE_PATH shown "${CMAKE_SOURCE_DIR}" "${src}")
    if(shown MATCHES "^\\.\\./")
      set(shown "${src}")
    endif()
    add_custom_command(
      OUTPUT "${check_base}.stamp"
      COMMAND NNITrace::nni-trace-gen --check-calls
              --depfile "${check_base}.d" --depfile-target "${check_base}.stamp"
              "${src}" -- "@${check_rsp}" ${src_flags}
      COMMAND "${CMAKE_COMMAND}" -E touch "${check_base}.stamp"
      DEPENDS NNITrace::nni-trace-gen "${src}" "${check_rsp}"
      DEPFILE "${check_base}.d"
      COMMENT "nni-trace-gen: checking the nni calls of ${shown}"
      VERBATIM)
    list(APPEND stamps "${check_base}.stamp")
  endforeach()
  set_source_files_properties(${stamps} PROPERTIES GENERATED TRUE)
  target_sources("${target}" PRIVATE ${stamps})
endfunction()
