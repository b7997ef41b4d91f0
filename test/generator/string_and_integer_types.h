// Only the string and integer types the runtime has codecs for are strings and numbers:
// std::string, std::string_view and char pointers (not std::pmr::string, whose allocator the
// codec does not take, nor std::wstring); every integer type but __int128. The others are errors
// at the parameter; the supported ones generate code that compiles against the runtime.
// RUN: not %nni-trace-gen %s -o %t.cpp -- -std=gnu++17 -I%nni-include 2> %t.err
// RUN: FileCheck %s --input-file %t.err --implicit-check-not=error:
// RUN: %nni-trace-gen %s -o %t.ok.cpp -- -std=gnu++17 -I%nni-include -DSUPPORTED_ONLY
// RUN: FileCheck %s --input-file %t.ok.cpp --check-prefix=KINDS
// RUN: %if runtime-headers %{ %clangxx -std=gnu++17 -fsyntax-only -Wall -Wextra -Werror -Wno-unknown-attributes -Wno-unused-parameter -I%nni-include -DSUPPORTED_ONLY %t.ok.cpp %}
#pragma once
#include <memory_resource>
#include <string>
#include <string_view>

namespace strs {

class [[nni::trace]] Supported {
 public:
  Supported(std::string a, std::string_view b, const char* c, char16_t d, unsigned char e) {}
};

// KINDS: {{[{][{]}}"a", 1}, ::nni::Kind::String,
// KINDS: {{[{][{]}}"b", 1}, ::nni::Kind::String,
// KINDS: {{[{][{]}}"c", 1}, ::nni::Kind::String,
// KINDS: {{[{][{]}}"d", 1}, ::nni::Kind::Number, ::nni::NumberHint::UInt,
// KINDS: {{[{][{]}}"e", 1}, ::nni::Kind::Number, ::nni::NumberHint::UInt,

#ifndef SUPPORTED_ONLY
class [[nni::trace]] Unsupported {
 public:
  Unsupported(std::pmr::string pmr, std::wstring wide, __int128 big) {}
  // CHECK: string_and_integer_types.h:[[#@LINE-1]]:32: error: parameter 'pmr' of type 'std::pmr::string' cannot be serialized
  // CHECK: string_and_integer_types.h:[[#@LINE-2]]:50: error: parameter 'wide' of type 'std::wstring' cannot be serialized
  // CHECK: string_and_integer_types.h:[[#@LINE-3]]:65: error: parameter 'big' of type '__int128' cannot be serialized
};
// CHECK: nni-trace-gen: error: errors in the input; no output written
#endif

}  // namespace strs
