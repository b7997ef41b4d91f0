// Default arguments are re-printed from the AST with every name fully qualified (other
// namespaces, enumerators, static members, braced lists, template specializations), the last
// parameter's too (ParamInfo::default_in_loader). Those that read back from JSON as the same
// value are written as JSON (ParamInfo::default_json, json_defaults.h); defaults_i_j constructs
// the others.
// The runtime passes such a default itself when a payload omits the parameter but gives a later
// argument, and when every parameter from the payload's count on has one: with all defaults
// re-printed, one case with all the arguments serves every count (no `case k:` per count, no
// call_i_j_k for a factory). The manifest keeps both spellings.
// RUN: %nni-trace-gen %s -o %t.cpp --manifest %t.yaml -- -std=c++17 2> %t.err
// RUN: FileCheck %s --input-file %t.cpp
// RUN: FileCheck %s --input-file %t.yaml --check-prefix=YAML
// RUN: FileCheck %s --input-file %t.err --check-prefix=ERR --allow-empty --implicit-check-not=warning:
#pragma once
#include <chrono>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace other {
constexpr int kOther = 5;
enum Mode { Fast, Slow };
struct Cfg {
  static constexpr double kRate = 0.25;
  int width;
};
constexpr Cfg kCfg{3};
constexpr int twice(int x = 2) { return 2 * x; }
}  // namespace other

namespace defaults {
constexpr int kBase = 3;
enum class Color { Red, Green };
enum { kAnonymous = 4 };

class [[nni::trace]] Layer {
 public:
  static constexpr int kLimit = 10;
  Layer(int width, int depth = kBase * 2 + 1, std::vector<int> sizes = {1, 2, 3},
        std::string name = "layer");
};

class [[nni::trace]] Scoped {
 public:
  static constexpr int kLimit = 10;
  Scoped(other::Mode mode = other::Fast, Color color = Color::Green, int limit = kLimit,
         double rate = other::Cfg::kRate, int width = other::kCfg.width,
         int anonymous = kAnonymous, int calls = other::twice(), int big = std::numeric_limits<int>::max(),
         long cast = static_cast<long>(kBase), std::string text = std::string(3, 'a'),
         std::chrono::milliseconds wait = std::chrono::milliseconds(10),
         std::optional<int> maybe = std::nullopt, bool last = true);
};

template <class T>
class Box {
 public:
  explicit Box(T scale = T(1), std::vector<T> items = {});
};
using FloatBox [[nni::trace]] = Box<float>;

struct [[nni::trace]] AllDefault {
  AllDefault(bool flag = true, double rate = 0.5);
};

// A factory called with fewer arguments than parameters would be called by name, from a
// function of its own (a call through a function pointer knows no defaults); with every default
// re-printed, it is always called with all of them.
[[nni::trace]] AllDefault make_all(bool flag, int depth = kBase, const std::string& name = "all");
}  // namespace defaults

// CHECK: // ---- defaults::Layer
// CHECK: {{[{][{]}}"width", 5}, ::nni::Kind::Number, ::nni::NumberHint::Int, false, false, &::nni::detail::arg_ops<int>, nullptr},
// CHECK-NEXT: {{[{][{]}}"depth", 5}, ::nni::Kind::Number, ::nni::NumberHint::Int, true, true, &::nni::detail::arg_ops<int>, "7"},
// CHECK-NEXT: {{[{][{]}}"sizes", 5}, ::nni::Kind::Array, ::nni::NumberHint::None, true, true, &::nni::detail::arg_ops<::std::vector<int>>, "[1, 2, 3]"},
// CHECK-NEXT: {{[{][{]}}"name", 4}, ::nni::Kind::String, ::nni::NumberHint::None, true, true, &::nni::detail::arg_ops<::std::string>, "\"layer\""},
// CHECK-NOT: defaults_0_0
// Every parameter after the required one has a re-printed default: one case serves 1 to 4 arguments.
// CHECK: switch (args.count()) {
// CHECK-NEXT: case 4:
// CHECK-NEXT: ::new (place) ::defaults::Layer(args.take<int>(0), args.take<int>(1), args.take<::std::vector<int>>(2), args.take<::std::string>(3));
// CHECK-NEXT: return;
// CHECK-NEXT: default:
// CHECK: {kParams_0_0, 4, 1, nullptr, &kResult_0, nullptr, nullptr, &construct_0_0, &::nni::detail::object_ops<::defaults::Layer>, nullptr},

// CHECK: // ---- defaults::Scoped
// CHECK: NNI_TRACE_LOADER void defaults_1_0(::std::size_t index, void* arg) {
// CHECK-NEXT: switch (index) {
// CHECK-NEXT: case 0:
// CHECK-NEXT: ::new (arg) ::nni::detail::arg_of_t<::other::Mode>([]() -> ::other::Mode { return ::other::Mode::Fast; }());
// CHECK-NEXT: return;
// CHECK-NEXT: case 1:
// CHECK-NEXT: ::new (arg) ::nni::detail::arg_of_t<::defaults::Color>([]() -> ::defaults::Color { return ::defaults::Color::Green; }());
// CHECK-NEXT: return;
// CHECK-NEXT: case 9:
// CHECK-NEXT: ::new (arg) ::nni::detail::arg_of_t<::std::string>([]() -> ::std::string { return ::std::string(3, 'a'); }());
// CHECK-NEXT: return;
// CHECK-NEXT: case 10:
// CHECK-NEXT: ::new (arg) ::nni::detail::arg_of_t<::std::chrono::milliseconds>([]() -> ::std::chrono::milliseconds { return ::std::chrono::milliseconds(10); }());
// CHECK-NEXT: return;
// CHECK-NEXT: case 11:
// CHECK-NEXT: ::new (arg) ::nni::detail::arg_of_t<::std::optional<int>>([]() -> ::std::optional<int> { return ::std::nullopt; }());
// CHECK-NEXT: return;
// CHECK-NEXT: }
// CHECK-NEXT: }
// CHECK: switch (args.count()) {
// CHECK-NEXT: case 13:
// CHECK-NEXT: ::new (place) ::defaults::Scoped(args.take<::other::Mode>(0), args.take<::defaults::Color>(1), args.take<int>(2), args.take<double>(3), args.take<int>(4), args.take<int>(5), args.take<int>(6), args.take<int>(7), args.take<long>(8), args.take<::std::string>(9), args.take<::std::chrono::milliseconds>(10), args.take<::std::optional<int>>(11), args.take<bool>(12));
// CHECK-NEXT: return;
// CHECK-NEXT: default:
// CHECK: {kParams_1_0, 13, 0, nullptr, &kResult_1, nullptr, &defaults_1_0, &construct_1_0, &::nni::detail::object_ops<::defaults::Scoped>, nullptr},

// A class template's defaults are instantiated for the specialization.
// CHECK: // ---- defaults::Box<float>
// CHECK: {{[{][{]}}"scale", 5}, ::nni::Kind::Number, ::nni::NumberHint::Float32, true, true, &::nni::detail::arg_ops<float>, "1.0"},
// CHECK-NEXT: {{[{][{]}}"items", 5}, ::nni::Kind::Array, ::nni::NumberHint::None, true, true, &::nni::detail::arg_ops<::std::vector<float>>, "[]"},
// CHECK-NOT: defaults_2_0
// CHECK: switch (args.count()) {
// CHECK-NEXT: case 2:
// CHECK-NEXT: ::new (place) ::defaults::Box<float>(args.take<float>(0), args.take<::std::vector<float>>(1));
// CHECK-NEXT: return;
// CHECK-NEXT: default:

// CHECK: // ---- defaults::AllDefault
// CHECK: {{[{][{]}}"flag", 4}, ::nni::Kind::Bool, ::nni::NumberHint::None, true, true, &::nni::detail::arg_ops<bool>, "true"},
// CHECK-NEXT: {{[{][{]}}"rate", 4}, ::nni::Kind::Number, ::nni::NumberHint::Float64, true, true, &::nni::detail::arg_ops<double>, "0.5"},
// CHECK-NOT: defaults_3_0
// No case 0: a payload without arguments gets both defaults from the runtime.
// CHECK: switch (args.count()) {
// CHECK-NEXT: case 2:
// CHECK-NEXT: ::new (place) ::defaults::AllDefault(args.take<bool>(0), args.take<double>(1));
// CHECK-NEXT: return;
// CHECK-NEXT: default:
// CHECK: {kParams_3_0, 2, 0, nullptr, &kResult_3, nullptr, nullptr, &construct_3_0, &::nni::detail::object_ops<::defaults::AllDefault>, nullptr},

// CHECK: // ---- defaults::make_all
// CHECK: {{[{][{]}}"flag", 4}, ::nni::Kind::Bool, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<bool>, nullptr},
// CHECK-NEXT: {{[{][{]}}"depth", 5}, ::nni::Kind::Number, ::nni::NumberHint::Int, true, true, &::nni::detail::arg_ops<int>, "3"},
// CHECK-NEXT: {{[{][{]}}"name", 4}, ::nni::Kind::String, ::nni::NumberHint::None, true, true, &::nni::detail::arg_ops<::std::string>, "\"all\""},
// CHECK-NOT: call_4_0_
// CHECK-NOT: defaults_4_0
// CHECK: switch (args.count()) {
// CHECK-NEXT: case 3:
// CHECK-NEXT: ::new (place) ::defaults::AllDefault((static_cast<::defaults::AllDefault (*)(bool, int, const ::std::string &)>(&::defaults::make_all))(args.take<bool>(0), args.take<int>(1), args.take<::std::string>(2)));
// CHECK-NEXT: return;
// CHECK-NEXT: default:
// CHECK: {kParams_4_0, 3, 1, nullptr, &kResult_3, ::nni::detail::function_key<static_cast<::defaults::AllDefault (*)(bool, int, const ::std::string &)>(&::defaults::make_all)>(), nullptr, &construct_4_0, &::nni::detail::object_ops<::defaults::AllDefault>, nullptr},

// YAML: - name: width
// YAML: has_default: false
// YAML-NOT: default:
// YAML: - name: depth
// YAML: has_default: true
// YAML-NEXT: default: "kBase * 2 + 1"
// YAML-NEXT: qualified_default: "::defaults::kBase * 2 + 1"
// YAML-NEXT: json_default: "7"
// YAML: - name: sizes
// YAML: default: "{1, 2, 3}"
// YAML-NEXT: qualified_default: "{1, 2, 3}"
// YAML-NEXT: json_default: "[1, 2, 3]"
// YAML: - name: name
// YAML: default: "\"layer\""
// YAML-NEXT: qualified_default: "\"layer\""
// YAML: - name: mode

// ERR-NOT: warning
