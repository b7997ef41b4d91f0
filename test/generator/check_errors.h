// What the generator refuses in a traced declaration: each error is at the declaration or
// parameter at fault, in the compiler's format, and nothing is written.
// RUN: not %nni-trace-gen %s -o %t.cpp -- -std=c++17 2> %t.err
// RUN: FileCheck %s --input-file %t.err --implicit-check-not=error:
// RUN: test ! -e %t.cpp
#pragma once
#include <memory>
#include <string>

namespace errs {
struct Opaque {};
enum class Color { Red, Green };

class [[nni::trace]] Unserializable {
 public:
  Unserializable(std::string name, Opaque blob, Color color);
  // CHECK: check_errors.h:[[#@LINE-1]]:43: error: parameter 'blob' of type 'Opaque' cannot be serialized
  // CHECK-NEXT: {{.*}}Unserializable(std::string name, Opaque blob, Color color);
  // CHECK-NEXT: {{^ +\| +\^$}}
  // (an enum is serializable: json-tricks' __enum__ encoding)
};

class [[nni::trace]] Unnamed {
 public:
  Unnamed(int, double scale);
  // CHECK: check_errors.h:[[#@LINE-1]]:14: error: parameter 1 of traced constructor 'errs::Unnamed' has no name; traced arguments are recorded by parameter name
};

class [[nni::trace]] Abstract {
  // CHECK: check_errors.h:[[#@LINE-1]]:22: error: traced class 'errs::Abstract' is abstract; only a concrete class can be traced
 public:
  Abstract(int size);
  virtual void run() = 0;
};

class [[nni::trace]] NoPublic {
  // CHECK: check_errors.h:[[#@LINE-1]]:22: error: traced class 'errs::NoPublic' has no usable public constructor (copy and move constructors do not count)
  NoPublic(int hidden);
  [[nni::trace]] NoPublic(double marked);
  // CHECK: check_errors.h:[[#@LINE-1]]:18: error: constructor of 'errs::NoPublic' marked {{\[\[}}nni::trace]] is not public
 public:
  NoPublic(const NoPublic&) = default;
};

class [[nni::trace]] MutableRef {
 public:
  MutableRef(std::string& out);
  // CHECK: check_errors.h:[[#@LINE-1]]:27: error: parameter 'out' is a non-const reference ('std::string &'); a traced constructor must take its arguments by value or const reference
};

class [[nni::trace]] SameNames {
 public:
  SameNames(int size, std::string name);
  SameNames(std::string name, int size);
  // CHECK: check_errors.h:[[#@LINE-1]]:3: error: constructors of traced class 'errs::SameNames' take the same parameter names, so nni::load could not tell them apart
  // CHECK: check_errors.h:[[#@LINE-3]]:3: note: the other constructor is here
  // CHECK: check_errors.h:[[#@LINE-4]]:3: note: mark the constructor to trace with {{\[\[}}nni::trace]]
  // CHECK-NEXT: SameNames(int size, std::string name);
  // CHECK-NEXT: {{^ +\| +\^$}}
  // CHECK-NEXT: {{^ +\| +\[\[nni::trace\]\] $}}
};

class [[nni::trace]] SameKinds {
 public:
  explicit SameKinds(int width, double ratio = 1.0);
  SameKinds(long count, float scale);
  // CHECK: check_errors.h:[[#@LINE-1]]:3: error: constructors of traced class 'errs::SameKinds' accept the same number and kinds of arguments, so nni::make could not tell them apart
  // CHECK: check_errors.h:[[#@LINE-3]]:12: note: the other constructor is here
  // CHECK: check_errors.h:[[#@LINE-4]]:3: note: mark the constructor to trace with {{\[\[}}nni::trace]]
};

[[nni::trace]] int not_a_factory(int x);
// CHECK: check_errors.h:[[#@LINE-1]]:20: error: traced function 'errs::not_a_factory' must return a class, or a std::shared_ptr, std::unique_ptr or nni::Traced of one; it returns 'int'

namespace {
class [[nni::trace]] Anonymous {};
// CHECK: check_errors.h:[[#@LINE-1]]:22: error: traced entity 'errs::Anonymous' is in an anonymous namespace or a function; generated code cannot name it
}  // namespace

class [[nni::trace]] OnlyDeclared;
// CHECK: check_errors.h:[[#@LINE-1]]:22: error: traced class 'errs::OnlyDeclared' is declared but never defined in the headers read
}  // namespace errs

// CHECK: nni-trace-gen: error: errors in the input; no output written
