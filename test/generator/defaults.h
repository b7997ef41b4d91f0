// Default arguments: one `case k:` per count from the required parameters to all of them, so the
// compiler applies the defaults of the rest. A default followed by another parameter is also
// re-printed from the AST with every name fully qualified (other namespaces, enumerators, static
// members, braced lists, template specializations), and the loader passes it itself when a
// payload omits it but gives a later argument (ParamInfo::default_in_loader, args.get_or). The
// last parameter's default is never needed that way. The manifest keeps both spellings.
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

// A factory called with fewer arguments than parameters is called by name, from a function of
// its own: a call through a function pointer knows no defaults.
[[nni::trace]] AllDefault make_all(bool flag, int depth = kBase, const std::string& name = "all");
}  // namespace defaults

// CHECK: // ---- defaults::Layer
// CHECK: {"width", ::nni::Kind::Number, ::nni::NumberHint::Int, false, false},
// CHECK-NEXT: {"depth", ::nni::Kind::Number, ::nni::NumberHint::Int, true, true},
// CHECK-NEXT: {"sizes", ::nni::Kind::Array, ::nni::NumberHint::None, true, true},
// CHECK-NEXT: {"name", ::nni::Kind::String, ::nni::NumberHint::None, true, false},
// CHECK: switch (args.count()) {
// CHECK-NEXT: case 1:
// CHECK-NEXT: return args.construct<::defaults::Layer>(args.get<int>(0));
// CHECK-NEXT: case 2:
// CHECK-NEXT: return args.construct<::defaults::Layer>(args.get<int>(0), args.get<int>(1));
// CHECK-NEXT: case 3:
// CHECK-NEXT: return args.construct<::defaults::Layer>(args.get<int>(0), args.get_or<int>(1, []() -> int { return ::defaults::kBase * 2 + 1; }), args.get<::std::vector<int>>(2));
// CHECK-NEXT: case 4:
// CHECK-NEXT: return args.construct<::defaults::Layer>(args.get<int>(0), args.get_or<int>(1, []() -> int { return ::defaults::kBase * 2 + 1; }), args.get_or<::std::vector<int>>(2, []() -> ::std::vector<int> { return {1, 2, 3}; }), args.get<::std::string>(3));
// CHECK-NEXT: default:
// CHECK: {kParams_0_0, 4, 1, &load_0_0, &kResult_0, nullptr},

// CHECK: // ---- defaults::Scoped
// CHECK: case 13:
// CHECK-NEXT: args.get_or<::other::Mode>(0, []() -> ::other::Mode { return ::other::Mode::Fast; })
// CHECK-SAME: args.get_or<::defaults::Color>(1, []() -> ::defaults::Color { return ::defaults::Color::Green; })
// CHECK-SAME: args.get_or<int>(2, []() -> int { return ::defaults::Scoped::kLimit; })
// CHECK-SAME: args.get_or<double>(3, []() -> double { return ::other::Cfg::kRate; })
// CHECK-SAME: args.get_or<int>(4, []() -> int { return ::other::kCfg.width; })
// CHECK-SAME: args.get_or<int>(5, []() -> int { return ::defaults::kAnonymous; })
// CHECK-SAME: args.get_or<int>(6, []() -> int { return ::other::twice(); })
// CHECK-SAME: args.get_or<int>(7, []() -> int { return ::std::numeric_limits<int>::max(); })
// CHECK-SAME: args.get_or<long>(8, []() -> long { return static_cast<long>(::defaults::kBase); })
// CHECK-SAME: args.get_or<::std::string>(9, []() -> ::std::string { return ::std::string(3, 'a'); })
// CHECK-SAME: args.get_or<::std::chrono::milliseconds>(10, []() -> ::std::chrono::milliseconds { return ::std::chrono::milliseconds(10); })
// CHECK-SAME: args.get_or<::std::optional<int>>(11, []() -> ::std::optional<int> { return ::std::nullopt; })
// CHECK-SAME: args.get<bool>(12)

// A class template's defaults are instantiated for the specialization.
// CHECK: // ---- defaults::Box<float>
// CHECK: {"scale", ::nni::Kind::Number, ::nni::NumberHint::Float32, true, true},
// CHECK: case 2:
// CHECK-NEXT: args.get_or<float>(0, []() -> float { return float(1); }), args.get<::std::vector<float>>(1)

// CHECK: // ---- defaults::AllDefault
// CHECK: {"flag", ::nni::Kind::Bool, ::nni::NumberHint::None, true, true},
// CHECK-NEXT: {"rate", ::nni::Kind::Number, ::nni::NumberHint::Float64, true, false},
// CHECK: switch (args.count()) {
// CHECK-NEXT: case 0:
// CHECK-NEXT: return args.construct<::defaults::AllDefault>();
// CHECK-NEXT: case 1:
// CHECK-NEXT: return args.construct<::defaults::AllDefault>(args.get<bool>(0));
// CHECK-NEXT: case 2:
// CHECK-NEXT: return args.construct<::defaults::AllDefault>(args.get_or<bool>(0, []() -> bool { return true; }), args.get<double>(1));
// CHECK: {kParams_3_0, 2, 0, &load_3_0, &kResult_3, nullptr},

// CHECK: // ---- defaults::make_all
// CHECK: decltype(auto) call_4_0_1(bool a0) {
// CHECK-NEXT: return ::defaults::make_all(::std::forward<bool>(a0));
// CHECK-NEXT: }
// CHECK: decltype(auto) call_4_0_2(bool a0, int a1) {
// CHECK-NEXT: return ::defaults::make_all(::std::forward<bool>(a0), ::std::forward<int>(a1));
// CHECK-NEXT: }
// CHECK: case 1:
// CHECK-NEXT: return args.call<&call_4_0_1>(args.get<bool>(0));
// CHECK-NEXT: case 2:
// CHECK-NEXT: return args.call<&call_4_0_2>(args.get<bool>(0), args.get<int>(1));
// CHECK-NEXT: case 3:
// CHECK-NEXT: return args.call<static_cast<::defaults::AllDefault (*)(bool, int, const ::std::string &)>(&::defaults::make_all)>(args.get<bool>(0), args.get_or<int>(1, []() -> int { return ::defaults::kBase; }), args.get<::std::string>(2));

// YAML: - name: width
// YAML: has_default: false
// YAML-NOT: default:
// YAML: - name: depth
// YAML: has_default: true
// YAML-NEXT: default: "kBase * 2 + 1"
// YAML-NEXT: qualified_default: "::defaults::kBase * 2 + 1"
// YAML: - name: sizes
// YAML: default: "{1, 2, 3}"
// YAML-NEXT: qualified_default: "{1, 2, 3}"
// YAML: - name: name
// YAML: default: "\"layer\""
// YAML-NOT: qualified_default
// YAML: - name: mode

// ERR-NOT: warning
