// Inheriting constructors (`using Base::Base;`) are traced constructors of the derived class,
// with the base constructor's parameter names and defaults: public, non-deleted ones only, no
// copy or move constructor, none hidden by a derived constructor with the same parameter
// types. Also explicit, constexpr and noexcept constructors, and nested classes.
// RUN: %nni-trace-gen %s -o %t.cpp --manifest %t.yaml -- -std=c++17
// RUN: FileCheck %s --input-file %t.cpp
// RUN: FileCheck %s --input-file %t.yaml --check-prefix=YAML
// RUN: %if runtime-headers %{ %clangxx -std=c++17 -fsyntax-only -Wall -Wextra -Werror -Wno-unknown-attributes -I%nni-include %t.cpp %}
#pragma once
#include <string>

namespace inh {
constexpr int kDepth = 4;
class Base {
 public:
  Base(std::string path, int depth = kDepth, bool strict = false);
  explicit Base(double ratio);
  Base(const Base&) = default;
  Base(int hidden, int other);
  Base(char deleted) = delete;

 protected:
  Base(float guarded);
};

class [[nni::trace]] Derived : public Base {
 public:
  using Base::Base;
  Derived(int hidden, int other);  // hides Base(int, int)
};

template <class T>
struct Holder {
  constexpr explicit Holder(T value, int copies = 1) noexcept : value(value), copies(copies) {}
  T value;
  int copies;
};
template <class T>
struct Wrapper : Holder<T> {
  using Holder<T>::Holder;
};
using IntWrapper [[nni::trace]] = Wrapper<int>;

struct Outer {
  struct [[nni::trace]] Inner : Base {
    using Base::Base;
    [[nni::trace]] Inner(std::string path, long seed);
  };
};
}  // namespace inh

// CHECK: // ---- inh::Derived
// CHECK: kParams_0_0[] = {
// CHECK-NEXT: {{[{][{]}}"hidden", 6}, ::nni::Kind::Number, ::nni::NumberHint::Int, false, false, &::nni::detail::arg_ops<int>, nullptr},
// CHECK-NEXT: {{[{][{]}}"other", 5}, ::nni::Kind::Number, ::nni::NumberHint::Int, false, false, &::nni::detail::arg_ops<int>, nullptr},
// CHECK: kParams_0_1[] = {
// CHECK-NEXT: {{[{][{]}}"path", 4}, ::nni::Kind::String, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::string>, nullptr},
// CHECK-NEXT: {{[{][{]}}"depth", 5}, ::nni::Kind::Number, ::nni::NumberHint::Int, true, true, &::nni::detail::arg_ops<int>, "4"},
// CHECK-NEXT: {{[{][{]}}"strict", 6}, ::nni::Kind::Bool, ::nni::NumberHint::None, true, true, &::nni::detail::arg_ops<bool>, "false"},
// CHECK-NEXT: }
// CHECK: switch (args.count()) {
// CHECK-NEXT: case 3:
// CHECK-NEXT: ::new (place) ::inh::Derived(args.take<::std::string>(0), args.take<int>(1), args.take<bool>(2));
// CHECK-NEXT: return;
// CHECK-NEXT: default:
// CHECK: kParams_0_2[] = {
// CHECK-NEXT: {{[{][{]}}"ratio", 5}, ::nni::Kind::Number, ::nni::NumberHint::Float64, false, false, &::nni::detail::arg_ops<double>, nullptr},
// CHECK-NOT: kParams_0_3
// CHECK: kSignatures_0[] = {
// CHECK-NEXT: {kParams_0_0, 2, 2, nullptr, &kResult_0, nullptr, nullptr, &construct_0_0, &::nni::detail::object_ops<::inh::Derived>, nullptr},
// CHECK-NEXT: {kParams_0_1, 3, 1, nullptr, &kResult_0, nullptr, nullptr, &construct_0_1, &::nni::detail::object_ops<::inh::Derived>, nullptr},
// CHECK-NEXT: {kParams_0_2, 1, 1, nullptr, &kResult_0, nullptr, nullptr, &construct_0_2, &::nni::detail::object_ops<::inh::Derived>, nullptr},
// CHECK-NEXT: };

// CHECK: // ---- inh::Wrapper<int>
// CHECK: {{[{][{]}}"value", 5}, ::nni::Kind::Number, ::nni::NumberHint::Int, false, false, &::nni::detail::arg_ops<int>, nullptr},
// CHECK-NEXT: {{[{][{]}}"copies", 6}, ::nni::Kind::Number, ::nni::NumberHint::Int, true, true, &::nni::detail::arg_ops<int>, "1"},
// CHECK: switch (args.count()) {
// CHECK-NEXT: case 2:
// CHECK-NEXT: ::new (place) ::inh::Wrapper<int>(args.take<int>(0), args.take<int>(1));
// CHECK-NEXT: return;
// CHECK-NEXT: default:

// Only the marked constructor of Outer::Inner (the inherited ones are not marked).
// CHECK: // ---- inh::Outer::Inner
// CHECK: {{[{][{]}}"path", 4}, ::nni::Kind::String, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::string>, nullptr},
// CHECK-NEXT: {{[{][{]}}"seed", 4}, ::nni::Kind::Number, ::nni::NumberHint::Int, false, false, &::nni::detail::arg_ops<long>, nullptr},
// CHECK: kSignatures_2[] = {
// CHECK-NEXT: {kParams_2_0, 2, 2,
// CHECK-NEXT: };

// YAML: - symbol: "inh::Derived"
// YAML: signatures:
// YAML-NEXT: - line: 29
// YAML-NOT: inherited_from
// YAML: - line: 28
// YAML-NEXT: inherited_from: inh::Base
// YAML: - line: 28
// YAML-NEXT: inherited_from: inh::Base
// YAML: - symbol: "inh::Wrapper<int>"
// YAML: inherited_from: inh::Holder<int>
