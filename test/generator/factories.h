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
// CHECK-NEXT:     {&typeid(::zoo::Cat), &::nni::detail::upcast<::zoo::Cat, ::zoo::Cat>},
// CHECK-NEXT:     {&typeid(::zoo::Animal), &::nni::detail::upcast<::zoo::Cat, ::zoo::Animal>},
// CHECK-NEXT: };
// CHECK: return args.call<static_cast<::std::shared_ptr<::zoo::Cat> (*)(::std::string)>(&::zoo::make_cat)>(args.get<::std::string>(0));
// CHECK: return args.call<static_cast<::std::shared_ptr<::zoo::Cat> (*)(::std::string, int)>(&::zoo::make_cat)>(args.get<::std::string>(0), args.get<int>(1));
// CHECK: const ::nni::detail::Signature kSignatures_0[] = {
// CHECK-NEXT: {kParams_0_0, 1, 1, &load_0_0, &kResult_0, ::nni::detail::function_key<static_cast<::std::shared_ptr<::zoo::Cat> (*)(::std::string)>(&::zoo::make_cat)>()},
// CHECK-NEXT: {kParams_0_1, 2, 2, &load_0_1, &kResult_0, ::nni::detail::function_key<static_cast<::std::shared_ptr<::zoo::Cat> (*)(::std::string, int)>(&::zoo::make_cat)>()},
// CHECK-NEXT: };
// CHECK-NEXT: const ::nni::detail::Entity kEntity_0 = {"zoo::make_cat", ::nni::detail::EntityKind::Function, nullptr, kSignatures_0, 2};

// CHECK: // ---- zoo::make_animal (factories.h:23) ----
// CHECK: kResult_1 = {&typeid(::zoo::Animal), "zoo::Animal", kUpcasts_1, 1};
// CHECK: {"kind", ::nni::Kind::String, ::nni::NumberHint::None, false, false},
// CHECK: return args.call<static_cast<::std::unique_ptr<::zoo::Animal> (*)(const ::std::string &) noexcept>(&::zoo::make_animal)>(args.get<::std::string>(0));

// CHECK: // ---- zoo::make_point (factories.h:24) ----
// CHECK: kResult_2 = {&typeid(::zoo::Point), "zoo::Point", kUpcasts_2, 1};
// A call through a function pointer knows no defaults: with the default left out, by name.
// CHECK: decltype(auto) call_2_0_1(int a0) {
// CHECK-NEXT: return ::zoo::make_point(::std::forward<int>(a0));
// CHECK: case 1:
// CHECK-NEXT: return args.call<&call_2_0_1>(args.get<int>(0));
// CHECK-NEXT: case 2:
// CHECK-NEXT: return args.call<static_cast<::zoo::Point (*)(int, int)>(&::zoo::make_point)>(args.get<int>(0), args.get<int>(1));
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
