// Upcasts: the class itself, then each public, unambiguous, direct or indirect base. Private
// bases, bases only reachable through them, and ambiguous bases are left out.
// RUN: %nni-trace-gen %s -o %t.cpp --manifest %t.yaml -- -std=c++17
// RUN: FileCheck %s --input-file %t.cpp
// RUN: FileCheck %s --input-file %t.yaml --check-prefix=YAML
#pragma once

namespace shapes {
struct Root {
  virtual ~Root() = default;
};
struct Shape : Root {};
struct Named {};
struct Hidden {};
struct Twice {};
struct Left : Twice {};
struct Right : Twice {};
struct VirtualRoot {};
struct VLeft : virtual VirtualRoot {};
struct VRight : virtual VirtualRoot {};
template <class T>
struct Mixin {};

class [[nni::trace]] Circle : public Shape, public Named, private Hidden, public Left,
                              public Right, public VLeft, public VRight, public Mixin<int> {
 public:
  Circle(double radius);
};
}  // namespace shapes

// CHECK: const ::nni::detail::Upcast kUpcasts_0[] = {
// CHECK-NEXT: {&typeid(::shapes::Circle), &::nni::detail::same_object},
// CHECK-NEXT: {&typeid(::shapes::Shape), &::nni::detail::upcast<::shapes::Circle, ::shapes::Shape>},
// CHECK-NEXT: {&typeid(::shapes::Root), &::nni::detail::upcast<::shapes::Circle, ::shapes::Root>},
// CHECK-NEXT: {&typeid(::shapes::Named), &::nni::detail::upcast<::shapes::Circle, ::shapes::Named>},
// CHECK-NEXT: {&typeid(::shapes::Left), &::nni::detail::upcast<::shapes::Circle, ::shapes::Left>},
// CHECK-NEXT: {&typeid(::shapes::Right), &::nni::detail::upcast<::shapes::Circle, ::shapes::Right>},
// CHECK-NEXT: {&typeid(::shapes::VLeft), &::nni::detail::upcast<::shapes::Circle, ::shapes::VLeft>},
// CHECK-NEXT: {&typeid(::shapes::VirtualRoot), &::nni::detail::upcast<::shapes::Circle, ::shapes::VirtualRoot>},
// CHECK-NEXT: {&typeid(::shapes::VRight), &::nni::detail::upcast<::shapes::Circle, ::shapes::VRight>},
// CHECK-NEXT: {&typeid(::shapes::Mixin<int>), &::nni::detail::upcast<::shapes::Circle, ::shapes::Mixin<int>>},
// CHECK-NEXT: };
// CHECK-NEXT: kResult_0 = {&typeid(::shapes::Circle), "shapes::Circle", kUpcasts_0, 10};

// YAML: bases: [shapes::Shape, shapes::Root, shapes::Named, shapes::Left, shapes::Right, shapes::VLeft, shapes::VirtualRoot, shapes::VRight, shapes::Mixin<int>]
