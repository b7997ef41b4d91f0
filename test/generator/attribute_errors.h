// Where [[nni::trace]] does not belong, Clang reports it at the attribute, as an error; a
// non-string argument is an error too; the unscoped [[trace]] is an unknown attribute.
// RUN: not %nni-trace-gen %s -o %t.cpp -- -std=c++17 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: test ! -e %t.cpp
#pragma once

namespace bad {
[[nni::trace]] int counter = 0;
// CHECK: attribute_errors.h:[[#@LINE-1]]:3: error: 'nni::trace' attribute only applies to classes, free functions, constructors and alias declarations, not to a variable

struct Holder {
  [[nni::trace]] void method();
  // CHECK: attribute_errors.h:[[#@LINE-1]]:5: error: {{.*}} not to a member function
};

struct Generic {
  template <class T>
  [[nni::trace]] Generic(T value);
  // CHECK: attribute_errors.h:[[#@LINE-1]]:5: error: {{.*}} not to a constructor template
};

// A class template may be marked (template_unspecialized.h); a partial specialization may not,
// and a template takes no symbol: each specialization needs its own, on its alias.
template <class T>
class Box {};
template <class T>
class [[nni::trace]] Box<T*> {};
// CHECK: attribute_errors.h:[[#@LINE-1]]:9: error: {{.*}} not to a class template partial specialization; trace a specialization with an alias declaration instead
template <class T>
class [[nni::trace("boxes.Box")]] NamedBox {};
// CHECK: attribute_errors.h:[[#@LINE-1]]:20: error: a class template's specializations need symbols of their own; give the symbol on each traced alias instead

class [[nni::trace(42)]] Numbered {};
// CHECK: attribute_errors.h:[[#@LINE-1]]:20: error: the argument of 'nni::trace' must be a string literal (the symbol payloads use)

class [[nni::trace(symbol)]] Identifier {};
// CHECK: attribute_errors.h:[[#@LINE-1]]:20: error: the argument of 'nni::trace' must be a string literal

class [[nni::trace("")]] Empty {};
// CHECK: attribute_errors.h:[[#@LINE-1]]:20: error: 'nni::trace' symbol must not be empty

class [[trace]] Unscoped {};
// CHECK: attribute_errors.h:[[#@LINE-1]]:9: warning: unknown attribute 'trace' ignored

using Number [[nni::trace]] = int;
// CHECK: attribute_errors.h:[[#@LINE-1]]:16: error: 'nni::trace' alias must name a class; 'int' is not a class
}  // namespace bad

// CHECK: nni-trace-gen: error: errors in the input; no output written
