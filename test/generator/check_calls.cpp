// --check-calls: a source's nni::make, nni::make_unique, nni::call and nni::load (load_file) of a
// class or function that is not traced is an error at the call, with a note at the declaration
// and, for a class or function of the user's own sources, a fix-it that traces it. A traced
// class, a class a traced alias names, and (for loads) a polymorphic base or a base of a traced
// class are accepted. A template's calls are judged in its instantiations, with a note at the
// point of instantiation; a template that is never instantiated is not judged.
// RUN: not %nni-trace-gen --check-calls %s --depfile %t.d --depfile-target %t.stamp -- -std=c++17 -I%nni-include -fdiagnostics-parseable-fixits 2> %t.err
// RUN: FileCheck %s --input-file %t.err --implicit-check-not=error: --implicit-check-not=note: --implicit-check-not=warning:
// RUN: test ! -e %t.d
// Without the refused calls: success, and a depfile of every file the parse read.
// RUN: %nni-trace-gen --check-calls %s --depfile %t.d --depfile-target %t.stamp -- -std=c++17 -I%nni-include -DNO_ERRORS -Wall -Werror -Wlogical-op 2> %t.ok
// RUN: FileCheck %s --input-file %t.ok --check-prefix=OK --allow-empty --implicit-check-not=error: --implicit-check-not=warning:
// RUN: FileCheck %s --input-file %t.d --check-prefix=DEP
// RUN: not %nni-trace-gen --check-calls %s -o %t.cpp -- -std=c++17 2>&1 | FileCheck %s --check-prefix=USAGE
// RUN: not %nni-trace-gen --check-calls %s --depfile %t.d -- -std=c++17 2>&1 | FileCheck %s --check-prefix=USAGE-DEP
#include <nni/trace.h>

#include <memory>
#include <string>

namespace demo {
struct Plain {
  Plain(int size);
};
class [[nni::trace]] Net {
 public:
  Net(int width);
};
template <class T>
class [[nni::trace]] Box {
 public:
  Box(T value);
};
using FloatBox [[nni::trace]] = Box<float>;
struct Base {
  virtual ~Base() = default;
};
class [[nni::trace]] Derived : public Base {
 public:
  Derived(int depth);
};
struct Tag {};
class [[nni::trace]] Tagged : public Tag {
 public:
  Tagged(int id);
};
struct Made {};
std::shared_ptr<Net> build(int width);
[[nni::trace]] std::shared_ptr<Net> build_traced(int width);
[[nni::trace]] std::unique_ptr<Made> make_made(int id);

template <class T>
nni::Traced<T> create(int value);  // defined below
template <class T>
nni::Traced<T> never_used(int value) {
  return nni::make<T>(value);  // never instantiated: nothing to judge
}
}  // namespace demo

void use(const std::string& payload) {
  nni::make<demo::Net>(1);
  nni::make<demo::FloatBox>(1.f);
  nni::make<demo::Box<float>>(2.f);  // the type the traced alias names
  nni::call<&demo::build_traced>(3);
  nni::load<demo::Net>(payload);
  nni::load<demo::Base>(payload);  // a polymorphic base: any traced subclass loads
  nni::load<demo::Tag>(payload);   // a base of a traced class this source sees
  nni::load<demo::Made>(payload);  // what a traced function creates
  demo::create<demo::Derived>(4);
#ifndef NO_ERRORS
  nni::make<demo::Plain>(1);
  // CHECK: check_calls.cpp:[[#@LINE-1]]:8: error: nni::make<demo::Plain>: 'demo::Plain' is not traced, so the call throws nni::NotTraced; mark it {{\[\[}}nni::trace]] (or trace it through an alias), list its header in nni_trace_generate, and link the target that holds it{{$}}
  // CHECK-NEXT: nni::make<demo::Plain>(1);
  // CHECK-NEXT: {{^ +\| +\^$}}
  // CHECK-NEXT: check_calls.cpp:[[#@LINE-53]]:8: note: 'demo::Plain' declared here{{$}}
  // CHECK-NEXT: struct Plain {
  // CHECK-NEXT: {{^ +\| +\^$}}
  // CHECK-NEXT: {{^ +\| +\[\[nni::trace\]\] $}}
  // CHECK-NEXT: fix-it:"{{.*}}check_calls.cpp":{[[#@LINE-57]]:8-[[#@LINE-57]]:8}:"{{\[\[}}nni::trace]] "
  nni::make_unique<demo::Plain>(2);
  // CHECK: check_calls.cpp:[[#@LINE-1]]:8: error: nni::make_unique<demo::Plain>: 'demo::Plain' is not traced, so the call throws nni::NotTraced;
  // CHECK: note: 'demo::Plain' declared here
  // CHECK: fix-it:
  nni::call<&demo::build>(3);
  // CHECK: check_calls.cpp:[[#@LINE-1]]:8: error: nni::call<&demo::build>: the function is not traced, so the call throws nni::NotTraced; mark it {{\[\[}}nni::trace]], list its header in nni_trace_generate, and link the target that holds it{{$}}
  // CHECK: check_calls.cpp:[[#@LINE-38]]:1: note: 'demo::build' declared here{{$}}
  // CHECK: fix-it:"{{.*}}check_calls.cpp":{[[#@LINE-39]]:1-[[#@LINE-39]]:1}:"{{\[\[}}nni::trace]] "
  nni::load<demo::Plain>(payload);
  // CHECK: check_calls.cpp:[[#@LINE-1]]:8: error: nni::load<demo::Plain>: 'demo::Plain' is not traced, not created by a traced function and not a polymorphic base, so the load throws nni::NotTraced; mark it {{\[\[}}nni::trace]] (or trace it through an alias), list its header in nni_trace_generate, and link the target that holds it{{$}}
  // CHECK: note: 'demo::Plain' declared here
  // CHECK: fix-it:
  nni::load_file<demo::Plain>("plain.json");
  // CHECK: check_calls.cpp:[[#@LINE-1]]:8: error: nni::load_file<demo::Plain>: 'demo::Plain' is not traced
  // CHECK: note: 'demo::Plain' declared here
  // CHECK: fix-it:
  // A specialization that no traced alias names: the note is at the template, with no fix-it.
  nni::make<demo::Box<int>>(5);
  // CHECK: check_calls.cpp:[[#@LINE-1]]:8: error: nni::make<demo::Box<int>>: 'demo::Box<int>' is not traced, so the call throws nni::NotTraced; trace it through an alias (using Name {{\[\[}}nni::trace]] = demo::Box<int>;), list its header
  // CHECK: check_calls.cpp:[[#@LINE-69]]:22: note: 'demo::Box<int>' declared here{{$}}
  // A class from a system header: a note, no fix-it.
  nni::make<std::string>("text");
  // CHECK: check_calls.cpp:[[#@LINE-1]]:8: error: nni::make<std::string>: 'std::string' is not traced
  // CHECK: basic_string.h:{{[0-9]+}}:{{[0-9]+}}: note: 'std::string' declared here{{$}}
  nni::make<int>(6);
  // CHECK: check_calls.cpp:[[#@LINE-1]]:8: error: nni::make<int>: 'int' is not a class, so it cannot be traced and the call throws nni::NotTraced; make a traced class{{$}}
  // In a template: the error at the call inside it (below), a note where it was instantiated.
  demo::create<demo::Plain>(7);
#endif
}

template <class T>
nni::Traced<T> demo::create(int value) {
  return nni::make<T>(value);
  // CHECK: check_calls.cpp:[[#@LINE-1]]:15: error: nni::make<demo::Plain>: 'demo::Plain' is not traced
  // CHECK-NEXT: return nni::make<T>(value);
  // CHECK-NEXT: {{^ +\| +\^$}}
  // CHECK-NEXT: check_calls.cpp:[[#@LINE-10]]:9: note: in instantiation of 'demo::create<demo::Plain>' requested here{{$}}
  // CHECK: note: 'demo::Plain' declared here
  // CHECK: fix-it:
}

// CHECK: 9 errors generated.
// CHECK-NEXT: nni-trace-gen: error: errors in the checked sources

// OK-NOT: dropped
// DEP: check_calls.cpp.tmp.stamp: \
// DEP: /include/nni/api.h \
// The files are sorted by path, so the source need not be the last one (it is not when the
// project lives in a directory that sorts before /usr).
// DEP: /check_calls.cpp{{( \\)?$}}

// USAGE: nni-trace-gen: error: --check-calls writes no code: -o, --manifest and --anchor do not apply
// USAGE-DEP: nni-trace-gen: error: --depfile needs --depfile-target with --check-calls
