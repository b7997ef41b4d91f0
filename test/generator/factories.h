// Traced factory functions: overloads form one entity with one signature each; every return
// shape (value, std::shared_ptr, std::unique_ptr) names the class it creates.
// RUN: %nni-trace-gen %s -o %t.cpp --manifest %t.yaml -- -std=c++17
// RUN: FileCheck %s --input-file %t.cpp
// RUN: FileCheck %s --input-file %t.yaml --check-prefix=YAML
#pragma once
#include <memory>
#include <string>

namespace zoo {
struct Animal {
  virtual ~Animal() = default;
};
struct Cat : Animal {
  Cat(std::string name);
};
struct Point {
  int x, y;
};

[[nni::trace]] std::shared_ptr<Cat> make_cat(std::string name);
[[nni::trace]] std::shared_ptr<Cat> make_cat(std::string name, int lives);
[[nni::trace]] std::unique_ptr<Animal> make_animal(const std::string& kind) noexcept;
[[nni::trace]] Point make_point(int x, int y = 0);
// Not traced: an overload without the attribute stays out.
std::shared_ptr<Cat> make_cat(double weight);
}  // namespace zoo

// CHECK: // Traced entities: zoo::make_cat, zoo::make_animal, zoo::make_point

// CHECK: // ---- zoo::make_cat (factories.h:21) ----
// CHECK-EMPTY:
// CHECK-NEXT: const ::nni::detail::Upcast kUpcasts_0[] = {
// CHECK-NEXT:     {&typeid(::zoo::Cat), &::nni::detail::same_object},
// CHECK-NEXT:     {&typeid(::zoo::Animal), &::nni::detail::upcast<::zoo::Cat, ::zoo::Animal>},
// CHECK-NEXT: };
// A std::shared_ptr, std::unique_ptr or nni::Traced result is adopted as it is.
// CHECK: return args.adopt_result((static_cast<::std::shared_ptr<::zoo::Cat> (*)(::std::string)>(&::zoo::make_cat))(args.take<::std::string>(0)));
// CHECK: return args.adopt_result((static_cast<::std::shared_ptr<::zoo::Cat> (*)(::std::string, int)>(&::zoo::make_cat))(args.take<::std::string>(0), args.take<int>(1)));
// CHECK: const ::nni::detail::Signature kSignatures_0[] = {
// CHECK-NEXT: {kParams_0_0, 1, 1, &load_0_0, &kResult_0, ::nni::detail::function_key<static_cast<::std::shared_ptr<::zoo::Cat> (*)(::std::string)>(&::zoo::make_cat)>(), nullptr, nullptr, nullptr, nullptr},
// CHECK-NEXT: {kParams_0_1, 2, 2, &load_0_1, &kResult_0, ::nni::detail::function_key<static_cast<::std::shared_ptr<::zoo::Cat> (*)(::std::string, int)>(&::zoo::make_cat)>(), nullptr, nullptr, nullptr, nullptr},
// CHECK-NEXT: };
// CHECK-NEXT: const ::nni::detail::Entity kEntity_0 = {{[{][{]}}"zoo::make_cat", 13}, ::nni::detail::EntityKind::Function, nullptr, kSignatures_0, 2};

// CHECK: // ---- zoo::make_animal (factories.h:23) ----
// CHECK: kResult_1 = {&typeid(::zoo::Animal), "zoo::Animal", kUpcasts_1, 1};
// CHECK: {{[{][{]}}"kind", 4}, ::nni::Kind::String, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::string>, nullptr},
// CHECK: return args.adopt_result((static_cast<::std::unique_ptr<::zoo::Animal> (*)(const ::std::string &) noexcept>(&::zoo::make_animal))(args.take<::std::string>(0)));

// CHECK: // ---- zoo::make_point (factories.h:24) ----
// CHECK: kResult_2 = {&typeid(::zoo::Point), "zoo::Point", kUpcasts_2, 1};
// CHECK: {{[{][{]}}"y", 1}, ::nni::Kind::Number, ::nni::NumberHint::Int, true, true, &::nni::detail::arg_ops<int>, "0"},
// A call through a function pointer knows no defaults, but y's is re-printed: the runtime passes
// it, and the call with both arguments serves a payload without y (no call_2_0_1 by name).
// CHECK-NOT: call_2_0_
// CHECK: switch (args.count()) {
// CHECK-NEXT: case 2:
// A result by value is built in place by the new-expression.
// CHECK-NEXT: ::new (place) ::zoo::Point((static_cast<::zoo::Point (*)(int, int)>(&::zoo::make_point))(args.take<int>(0), args.take<int>(1)));
// CHECK-NEXT: return;
// CHECK-NEXT: default:
// CHECK: {kParams_2_0, 2, 1, nullptr, &kResult_2, ::nni::detail::function_key<static_cast<::zoo::Point (*)(int, int)>(&::zoo::make_point)>(), nullptr, &construct_2_0, &::nni::detail::object_ops<::zoo::Point>, nullptr},
// CHECK-NOT: double

// YAML:      - symbol: "zoo::make_cat"
// YAML:        kind: function
// YAML:        signatures:
// YAML-NEXT:     - line: 21
// YAML-NEXT:       function_type: "::std::shared_ptr<::zoo::Cat> (*)(::std::string)"
// YAML-NEXT:       returns: shared_ptr
// YAML-NEXT:       result: zoo::Cat
// YAML-NEXT:       result_bases: [zoo::Animal]
// YAML:          - line: 22
// YAML:      - symbol: "zoo::make_animal"
// YAML:          returns: unique_ptr
// YAML:      - symbol: "zoo::make_point"
// YAML:          returns: value
