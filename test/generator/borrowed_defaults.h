// A traced object taken by raw pointer or reference with a default: the loader passes objects it
// made, never what the default expression gives, so such a default is never re-printed. Before a
// later parameter that is a warning (a payload giving the later one must give this one too);
// as the last parameter it is silent, and the compiler applies the default.
// RUN: %nni-trace-gen %s -o %t.cpp -- -std=c++17 -I%nni-include 2>&1 | FileCheck %s --check-prefix=DIAG --implicit-check-not=warning:
// RUN: FileCheck %s --input-file %t.cpp
// RUN: %if runtime-headers %{ %clangxx -std=c++17 -fsyntax-only -Wall -Wextra -Werror -Wno-unknown-attributes -I%nni-include %t.cpp %}
#pragma once

namespace borrow {

class [[nni::trace]] Leaf {
 public:
  explicit Leaf(int n) : n(n) {}
  int n;
};

class [[nni::trace]] First {
 public:
  // DIAG: borrowed_defaults.h:[[@LINE+1]]:24: warning: the default argument of 'leaf' is a traced object passed by reference or pointer, so generated code cannot pass it
  explicit First(Leaf* leaf = nullptr, int a = 0) : leaf(leaf), a(a) {}
  Leaf* leaf;
  int a;
};

// CHECK-LABEL: // ---- borrow::First
// CHECK: {{[{][{]}}"leaf", 4}, ::nni::Kind::Traced, ::nni::NumberHint::None, true, false, &::nni::detail::arg_ops<::borrow::Leaf *>, nullptr},
// CHECK: {{[{][{]}}"a", 1}, ::nni::Kind::Number, ::nni::NumberHint::Int, true, true, &::nni::detail::arg_ops<int>, "0"},
// CHECK: case 0:
// CHECK-NEXT: ::new (place) ::borrow::First();
// CHECK-NEXT: return;
// CHECK-NEXT: case 2:
// CHECK-NEXT: ::new (place) ::borrow::First(args.take<::borrow::Leaf *>(0), args.take<int>(1));
// CHECK-NEXT: return;

class [[nni::trace]] Last {
 public:
  explicit Last(int a, const Leaf& leaf = Leaf(2)) : a(a), n(leaf.n) {}
  int a;
  int n;
};

// CHECK-LABEL: // ---- borrow::Last
// CHECK: {{[{][{]}}"leaf", 4}, ::nni::Kind::Traced, ::nni::NumberHint::None, true, false, &::nni::detail::arg_ops<const ::borrow::Leaf &>, nullptr},
// CHECK-NOT: defaults_
// CHECK: case 1:
// CHECK-NEXT: ::new (place) ::borrow::Last(args.take<int>(0));
// CHECK-NEXT: return;
// CHECK-NEXT: case 2:
// CHECK-NEXT: ::new (place) ::borrow::Last(args.take<int>(0), args.take<const ::borrow::Leaf &>(1));
// CHECK-NEXT: return;

}  // namespace borrow
