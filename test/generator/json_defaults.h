// A re-printed default that reads back from JSON as the same value is written as JSON
// (ParamInfo::default_json), and the runtime loads it like a payload's argument: constant
// numbers and bools, string literals, lists of them, empty strings, vectors and maps, and null
// shared pointers. Everything else keeps generated code in defaults_i_j.
// RUN: %nni-trace-gen %s -o %t.cpp -- -std=c++17
// RUN: FileCheck %s --input-file %t.cpp
#pragma once
#include <array>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace js {
struct Node {
  virtual ~Node() = default;
};
constexpr int kTwo = 2;

struct [[nni::trace]] Json {
  Json(int a = -kTwo * 3, std::uint64_t big = std::numeric_limits<std::uint64_t>::max(),
       double third = 1.0 / 3, float tenth = 0.1f, double whole = 2, bool off = !true,
       std::string quoted = "say \"hi\"\n", std::string empty = {},
       std::vector<std::string> names = {"a", "b"}, std::vector<double> ws = {1, 2.5},
       std::map<std::string, int> table = {}, std::shared_ptr<Node> next = nullptr,
       std::shared_ptr<Node> other = {});
};

struct [[nni::trace]] Code {
  Code(std::array<int, 2> pair = {}, double inf = std::numeric_limits<double>::infinity(),
       std::string repeated = std::string(3, 'x'), char letter = 'c', long double wide = 1.5L);
};
}  // namespace js

// CHECK: // ---- js::Json
// CHECK: {"a", {{.*}}, "-6"},
// CHECK-NEXT: {"big", {{.*}}, "18446744073709551615"},
// CHECK-NEXT: {"third", {{.*}}, "0.33333333333333331"},
// CHECK-NEXT: {"tenth", {{.*}}, "0.100000001"},
// CHECK-NEXT: {"whole", {{.*}}, "2.0"},
// CHECK-NEXT: {"off", {{.*}}, "false"},
// CHECK-NEXT: {"quoted", {{.*}}, "\"say \\\"hi\\\"\\u000a\""},
// CHECK-NEXT: {"empty", {{.*}}, "\"\""},
// CHECK-NEXT: {"names", {{.*}}, "[\"a\", \"b\"]"},
// CHECK-NEXT: {"ws", {{.*}}, "[1.0, 2.5]"},
// CHECK-NEXT: {"table", {{.*}}, "{}"},
// CHECK-NEXT: {"next", {{.*}}, "null"},
// CHECK-NEXT: {"other", {{.*}}, "null"},
// CHECK-NOT: defaults_0_0
// CHECK: {kParams_0_0, 13, 0, nullptr, &kResult_0, nullptr, nullptr, &construct_0_0,

// CHECK: // ---- js::Code
// CHECK: {"pair", {{.*}}, true, true, {{.*}}, nullptr},
// CHECK-NEXT: {"inf", {{.*}}, true, true, {{.*}}, nullptr},
// CHECK-NEXT: {"repeated", {{.*}}, true, true, {{.*}}, nullptr},
// CHECK-NEXT: {"letter", {{.*}}, true, true, {{.*}}, nullptr},
// CHECK-NEXT: {"wide", {{.*}}, true, true, {{.*}}, nullptr},
// CHECK: void defaults_1_0(
// CHECK: {kParams_1_0, 5, 0, nullptr, &kResult_1, nullptr, &defaults_1_0, &construct_1_0,
