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
// CHECK-NEXT: {"hidden", ::nni::Kind::Number, ::nni::NumberHint::Int, false, false},
// CHECK-NEXT: {"other", ::nni::Kind::Number, ::nni::NumberHint::Int, false, false},
// CHECK: kParams_0_1[] = {
// CHECK-NEXT: {"path", ::nni::Kind::String, ::nni::NumberHint::None, false, false},
// CHECK-NEXT: {"depth", ::nni::Kind::Number, ::nni::NumberHint::Int, true, true},
// CHECK-NEXT: {"strict", ::nni::Kind::Bool, ::nni::NumberHint::None, true, false},
// CHECK: case 3:
// CHECK-NEXT: return args.construct<::inh::Derived>(args.get<::std::string>(0), args.get_or<int>(1, []() -> int { return ::inh::kDepth; }), args.get<bool>(2));
// CHECK: kParams_0_2[] = {
// CHECK-NEXT: {"ratio", ::nni::Kind::Number, ::nni::NumberHint::Float64, false, false},
// CHECK-NOT: kParams_0_3
// CHECK: kSignatures_0[] = {
// CHECK-NEXT: {kParams_0_0, 2, 2, &load_0_0,
// CHECK-NEXT: {kParams_0_1, 3, 1, &load_0_1,
// CHECK-NEXT: {kParams_0_2, 1, 1, &load_0_2,
// CHECK-NEXT: };

// CHECK: // ---- inh::Wrapper<int>
// CHECK: {"value", ::nni::Kind::Number, ::nni::NumberHint::Int, false, false},
// CHECK-NEXT: {"copies", ::nni::Kind::Number, ::nni::NumberHint::Int, true, false},
// CHECK: return args.construct<::inh::Wrapper<int>>(args.get<int>(0));

// Only the marked constructor of Outer::Inner (the inherited ones are not marked).
// CHECK: // ---- inh::Outer::Inner
// CHECK: {"path", ::nni::Kind::String, ::nni::NumberHint::None, false, false},
// CHECK-NEXT: {"seed", ::nni::Kind::Number, ::nni::NumberHint::Int, false, false},
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
