// An alias-declaration traces a class the user cannot edit (another namespace's class) or a
// class template specialization; the symbol is the aliased class's fully qualified name.
// RUN: %nni-trace-gen %s -o %t.cpp --manifest %t.yaml -- -std=c++17
// RUN: FileCheck %s --input-file %t.cpp
// RUN: FileCheck %s --input-file %t.yaml --check-prefix=YAML
#pragma once
#include <string>
#include <vector>

namespace vendor {
class Engine {
 public:
  Engine(std::string model, int cylinders = 4);
};
}  // namespace vendor

namespace demo {
template <class T>
class Box {
 public:
  explicit Box(std::vector<T> items, T scale = T(1));
};

using Engine [[nni::trace]] = vendor::Engine;
using FloatBox [[nni::trace]] = Box<float>;
}  // namespace demo

// CHECK: // Traced entities: vendor::Engine, demo::Box<float>

// CHECK: // ---- vendor::Engine (alias.h:24) ----
// CHECK: kResult_0 = {&typeid(::vendor::Engine), "vendor::Engine", kUpcasts_0, 1};
// CHECK: {{[{][{]}}"model", 5}, ::nni::Kind::String, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::string>, nullptr},
// CHECK: {{[{][{]}}"cylinders", 9}, ::nni::Kind::Number, ::nni::NumberHint::Int, true, true, &::nni::detail::arg_ops<int>, "4"},
// CHECK: switch (args.count()) {
// CHECK-NEXT: case 2:
// CHECK-NEXT: ::new (place) ::vendor::Engine(args.take<::std::string>(0), args.take<int>(1));
// CHECK-NEXT: return;
// CHECK-NEXT: default:
// CHECK: kEntity_0 = {{[{][{]}}"vendor::Engine", 14}, ::nni::detail::EntityKind::Class, &typeid(::vendor::Engine), kSignatures_0, 1};

// CHECK: // ---- demo::Box<float> (alias.h:25) ----
// CHECK: {&typeid(::demo::Box<float>), &::nni::detail::same_object},
// CHECK: {{[{][{]}}"items", 5}, ::nni::Kind::Array, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::vector<float>>, nullptr},
// CHECK: {{[{][{]}}"scale", 5}, ::nni::Kind::Number, ::nni::NumberHint::Float32, true, true, &::nni::detail::arg_ops<float>, "1.0"},
// CHECK: switch (args.count()) {
// CHECK-NEXT: case 2:
// CHECK-NEXT: ::new (place) ::demo::Box<float>(args.take<::std::vector<float>>(0), args.take<float>(1));
// CHECK-NEXT: return;
// CHECK-NEXT: default:
// CHECK: kEntity_1 = {{[{][{]}}"demo::Box<float>", 16}, ::nni::detail::EntityKind::Class, &typeid(::demo::Box<float>), kSignatures_1, 1};

// YAML: - symbol: "vendor::Engine"
// YAML-NEXT: payload_symbol: "path:vendor::Engine"
// YAML-NEXT: cpp_name: "::vendor::Engine"
// YAML: - symbol: "demo::Box<float>"
// YAML-NEXT: payload_symbol: "path:demo::Box<float>"
// YAML: default: "T(1)"
