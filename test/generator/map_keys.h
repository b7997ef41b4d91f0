// Map keys are JSON object keys, written as strings: the runtime has key codecs
// (detail::KeyCodec, include/nni/std_codecs.h and enum_codec.h) for std::string itself, for
// integer types other than bool (char types included), and for enums (by enumerator name). A
// std::map or std::unordered_map parameter with any other key type, at any depth, is an error at
// the parameter that names the key type (the generated code would not compile); a note points at
// a key class of the user's, without a fix-it (tracing it gives it no key codec).
// RUN: not %nni-trace-gen %s -o %t.cpp -- -std=c++20 -fdiagnostics-parseable-fixits 2> %t.err
// RUN: FileCheck %s --input-file %t.err --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note: --implicit-check-not=fix-it:
// RUN: %nni-trace-gen %s -o %t.cpp -- -std=c++20 -I%nni-include -DNO_ERRORS 2> %t.ok
// RUN: count 0 < %t.ok
// RUN: %if runtime-headers %{ %clangxx -std=c++20 -fsyntax-only -Wall -Wextra -Werror -Wno-unknown-attributes -I%nni-include -DNO_ERRORS %t.cpp %}
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace keys {
enum class Color { Red, Green };
enum Plain { kOne, kTwo };
struct Point {
  int x, y;
};
using Name = std::string;

// Accepted: every key type the runtime has a key codec for.
class [[nni::trace]] Fine {
 public:
  Fine(std::map<std::string, int> by_name, std::map<Name, int> aliased, std::map<int, double> ints,
       std::unordered_map<std::uint64_t, int> big, std::map<char, int> chars,
       std::map<signed char, int> bytes, std::map<wchar_t, int> wide, std::map<char8_t, int> utf8,
       std::map<char32_t, int> utf32, std::map<Color, int> colors, std::map<Plain, int> plain,
       std::map<short, std::map<long long, std::string>> nested);
};

#ifndef NO_ERRORS
class [[nni::trace]] Refused {
 public:
  Refused(std::map<double, int> weights,
          // CHECK: map_keys.h:[[#@LINE-1]]:33: error: parameter 'weights' of type 'std::map<double, int>' cannot be serialized: the map key type 'double' has no key codec; keys are std::string, integer types other than bool, and enums{{$}}
          // CHECK-NEXT: Refused(std::map<double, int> weights,
          // CHECK-NEXT: {{^ +\| +\^$}}
          std::map<Point, int> points,
          // CHECK: map_keys.h:[[#@LINE-1]]:32: error: parameter 'points' of type 'std::map<Point, int>' cannot be serialized: the map key type 'keys::Point' has no key codec; keys are std::string, integer types other than bool, and enums{{$}}
          // CHECK: map_keys.h:[[#@LINE-24]]:8: note: 'keys::Point' declared here{{$}}
          // CHECK-NEXT: struct Point {
          // CHECK-NEXT: {{^ +\| +\^$}}
          // CHECK-NOT: nni::trace
          std::unordered_map<std::pair<int, int>, double> cells,
          // CHECK: map_keys.h:[[#@LINE-1]]:59: error: parameter 'cells' of type 'std::unordered_map<std::pair<int, int>, double>' cannot be serialized: the map key type 'std::pair<int, int>' has no key codec
          std::map<bool, int> flags,
          // CHECK: map_keys.h:[[#@LINE-1]]:31: error: parameter 'flags' of type 'std::map<bool, int>' cannot be serialized: the map key type 'bool' has no key codec
          std::map<std::filesystem::path, int> files,
          // CHECK: map_keys.h:[[#@LINE-1]]:48: error: parameter 'files' of type 'std::map<std::filesystem::path, int>' cannot be serialized: the map key type 'std::filesystem::path' has no key codec
          std::map<std::string_view, int> views,
          // CHECK: map_keys.h:[[#@LINE-1]]:43: error: parameter 'views' of type 'std::map<std::string_view, int>' cannot be serialized: the map key type 'std::basic_string_view<char>' has no key codec
          std::map<std::wstring, int> wide,
          // CHECK: map_keys.h:[[#@LINE-1]]:39: error: parameter 'wide' of type 'std::map<std::wstring, int>' cannot be serialized: the map key type 'std::basic_string<wchar_t>' has no key codec
          std::map<__int128, int> huge,
          // CHECK: map_keys.h:[[#@LINE-1]]:35: error: parameter 'huge' of type 'std::map<__int128, int>' cannot be serialized: the map key type '__int128' has no key codec
          std::vector<std::map<float, int>> inside);
  // CHECK: map_keys.h:[[#@LINE-1]]:45: error: parameter 'inside' of type 'std::vector<std::map<float, int>>' cannot be serialized: the map key type 'float' has no key codec
};
#endif
}  // namespace keys

// CHECK: 9 errors generated.
// CHECK: nni-trace-gen: error: errors in the input; no output written
