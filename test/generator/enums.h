// Enums: an enum parameter is of kind Enum, and every enum the parameters use (directly or in
// a template argument at any depth) gets its enumerator names registered once per file, with
// its module (enclosing namespaces and classes joined by '.') and name.
// RUN: %nni-trace-gen %s -o %t.cpp --manifest %t.yaml -- -std=c++17
// RUN: FileCheck %s --input-file %t.cpp
// RUN: FileCheck %s --input-file %t.yaml --check-prefix=YAML
#pragma once
#include <map>
#include <optional>
#include <vector>

namespace demo {
enum class Color { RED, GREEN = 5 };
namespace a::b {
enum Shade : unsigned char { LIGHT, DARK };
}
struct Palette {
  enum class Kind { Warm, Cold };
};

class [[nni::trace]] Brush {
 public:
  Brush(Color color, std::vector<a::b::Shade> shades = {},
        std::map<Palette::Kind, std::optional<Color>> by_kind = {});
};
[[nni::trace]] Brush make_brush(Color color);
}  // namespace demo

// CHECK: {{[{][{]}}"color", 5}, ::nni::Kind::Enum, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::demo::Color>, nullptr},
// CHECK-NEXT: {{[{][{]}}"shades", 6}, ::nni::Kind::Array, ::nni::NumberHint::None, true, true, &::nni::detail::arg_ops<::std::vector<::demo::a::b::Shade>>, "[]"},
// CHECK-NEXT: {{[{][{]}}"by_kind", 7}, ::nni::Kind::Object, ::nni::NumberHint::None, true, true, &::nni::detail::arg_ops<::std::map<::demo::Palette::Kind, ::std::optional<::demo::Color>>>, "{}"},
// CHECK: case 3:
// CHECK-NEXT: ::new (place) ::demo::Brush(args.take<::demo::Color>(0), args.take<::std::vector<::demo::a::b::Shade>>(1), args.take<::std::map<::demo::Palette::Kind, ::std::optional<::demo::Color>>>(2));
// CHECK-NEXT: return;

// CHECK: // ---- enums used by traced parameters ----
// CHECK-EMPTY:
// CHECK-NEXT: const ::nni::detail::EnumeratorInfo kEnumerators_0[] = {
// CHECK-NEXT:     {"RED", static_cast<::std::int64_t>(::demo::Color::RED)},
// CHECK-NEXT:     {"GREEN", static_cast<::std::int64_t>(::demo::Color::GREEN)},
// CHECK-NEXT: };
// CHECK-NEXT: const ::nni::detail::EnumInfo kEnum_0 = {&typeid(::demo::Color), "demo", "Color", kEnumerators_0, 2};
// CHECK-EMPTY:
// CHECK-NEXT: const ::nni::detail::EnumeratorInfo kEnumerators_1[] = {
// CHECK-NEXT:     {"LIGHT", static_cast<::std::int64_t>(::demo::a::b::Shade::LIGHT)},
// CHECK-NEXT:     {"DARK", static_cast<::std::int64_t>(::demo::a::b::Shade::DARK)},
// CHECK-NEXT: };
// CHECK-NEXT: const ::nni::detail::EnumInfo kEnum_1 = {&typeid(::demo::a::b::Shade), "demo.a.b", "Shade", kEnumerators_1, 2};
// CHECK: const ::nni::detail::EnumInfo kEnum_2 = {&typeid(::demo::Palette::Kind), "demo.Palette", "Kind", kEnumerators_2, 2};
// CHECK-NOT: kEnum_3
// CHECK: const ::nni::detail::Registration kRegistration(kEntities, 2);
// CHECK-NEXT: const ::nni::detail::EnumInfo* const kEnums[] = {&kEnum_0, &kEnum_1, &kEnum_2};
// CHECK-NEXT: const ::nni::detail::EnumRegistration kEnumRegistration(kEnums, 3);

// YAML: enums:
// YAML-NEXT: - cpp_name: "::demo::Color"
// YAML-NEXT:   module: "demo"
// YAML-NEXT:   name: Color
// YAML-NEXT:   enumerators: [RED, GREEN]
