// A std::unique_ptr<T> parameter owns an object that a load creates, with its record, and that
// nothing else owns (take_unique): T must be traced (by its attribute or an alias), polymorphic
// (a traced subclass may be passed), or returned by a traced function by value or as a
// std::unique_ptr. Else no payload can fill it and a dump of it has no trace to write: an error at
// the parameter, with the note (and, for a class of the user's, the fix-it) at T. The runtime
// loads a std::unique_ptr only as a parameter's own type, never inside a container, an optional,
// a pair, a tuple or a variant, and passes it with the default deleter. A std::shared_ptr<T> or
// nni::Traced<T> of a class that nothing creates (not traced, not polymorphic, no cereal hooks,
// no traced class or function making it or a class derived from it) is an error too.
// RUN: not %nni-trace-gen %s -o %t.cpp -- -std=c++17 -I%nni-include -fdiagnostics-parseable-fixits 2> %t.err
// RUN: FileCheck %s --input-file %t.err --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note: --implicit-check-not=fix-it:
// RUN: test ! -e %t.cpp
// RUN: %nni-trace-gen %s -o %t.cpp -- -std=c++17 -I%nni-include -DNO_ERRORS 2> %t.ok
// RUN: count 0 < %t.ok
// RUN: FileCheck %s --input-file %t.cpp --check-prefix=CPP
// RUN: %if runtime-headers %{ %clangxx -std=c++17 -fsyntax-only -Wall -Wextra -Werror -Wno-unknown-attributes -I%nni-include -DNO_ERRORS %t.cpp %}
#pragma once
#include <nni/trace.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vendor {
struct Engine {
  explicit Engine(int cylinders);
};
}  // namespace vendor

namespace own {
struct Module {  // polymorphic: a traced subclass may be passed
  virtual ~Module() = default;
};
class [[nni::trace]] Layer : public Module {
 public:
  explicit Layer(int width);
};
struct Plain {  // not traced, not polymorphic, nothing creates it
  int size;
};
struct Made {  // a traced function returns it as a std::unique_ptr
  int size;
};
struct Kept {  // a traced function returns it as a std::shared_ptr (and may keep an owner)
  int size;
};
struct Base {  // a non-polymorphic public base of a traced class
  int id;
};
class [[nni::trace]] Derived : public Base {
 public:
  explicit Derived(int id);
};
using Engine [[nni::trace]] = vendor::Engine;
struct Closer {
  void operator()(Layer* layer) const;
};

[[nni::trace]] std::unique_ptr<Made> make_made(int size);
[[nni::trace]] std::shared_ptr<Kept> keep(int size);

// Accepted: all of these can be created by a load.
class [[nni::trace]] Owner {
 public:
  Owner(std::unique_ptr<Layer> layer, std::unique_ptr<Module> module, std::unique_ptr<Made> made,
        std::unique_ptr<vendor::Engine> engine, const std::unique_ptr<Layer>& by_ref,
        std::shared_ptr<Kept> kept, std::shared_ptr<Base> base, nni::Traced<Made> traced,
        std::vector<std::shared_ptr<Derived>> many, std::shared_ptr<std::string> text);
};
// CPP: {{[{][{]}}"layer", 5}, ::nni::Kind::Traced, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::unique_ptr<::own::Layer>>, nullptr},
// CPP-NEXT: {{[{][{]}}"module", 6}, ::nni::Kind::Traced, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::unique_ptr<::own::Module>>, nullptr},
// CPP-NEXT: {{[{][{]}}"made", 4}, ::nni::Kind::Traced, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::unique_ptr<::own::Made>>, nullptr},
// CPP-NEXT: {{[{][{]}}"engine", 6}, ::nni::Kind::Traced, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::unique_ptr<::vendor::Engine>>, nullptr},
// CPP-NEXT: {{[{][{]}}"by_ref", 6}, ::nni::Kind::Traced, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::unique_ptr<::own::Layer>>, nullptr},
// CPP-NEXT: {{[{][{]}}"kept", 4}, ::nni::Kind::Traced, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::shared_ptr<::own::Kept>>, nullptr},
// CPP-NEXT: {{[{][{]}}"base", 4}, ::nni::Kind::Traced, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::shared_ptr<::own::Base>>, nullptr},
// CPP-NEXT: {{[{][{]}}"traced", 6}, ::nni::Kind::Traced, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::nni::Traced<::own::Made>>, nullptr},

#ifndef NO_ERRORS
class [[nni::trace]] Refused {
 public:
  Refused(std::unique_ptr<Plain> plain,
          // CHECK: pointer_params.h:[[#@LINE-1]]:34: error: parameter 'plain' of type 'std::unique_ptr<Plain>' cannot be serialized: it holds 'own::Plain', which is not traced or polymorphic, so no load can create one for it to own{{$}}
          // CHECK-NEXT: Refused(std::unique_ptr<Plain> plain,
          // CHECK-NEXT: {{^ +\| +\^$}}
          // CHECK-NEXT: pointer_params.h:[[#@LINE-48]]:8: note: 'own::Plain' declared here{{$}}
          // CHECK-NEXT: struct Plain {
          // CHECK-NEXT: {{^ +\| +\^$}}
          // CHECK-NEXT: {{^ +\| +\[\[nni::trace\]\] $}}
          // CHECK-NEXT: fix-it:"{{.*}}pointer_params.h":{[[#@LINE-52]]:8-[[#@LINE-52]]:8}:"{{\[\[}}nni::trace]] "
          // keep() returns a std::shared_ptr, which keeps an owner: take_unique refuses it.
          std::unique_ptr<Kept> kept,
          // CHECK: pointer_params.h:[[#@LINE-1]]:33: error: parameter 'kept' of type 'std::unique_ptr<Kept>' cannot be serialized: it holds 'own::Kept', which is not traced or polymorphic, so no load can create one for it to own{{$}}
          // CHECK: pointer_params.h:[[#@LINE-50]]:8: note: 'own::Kept' declared here{{$}}
          // CHECK: fix-it:"{{.*}}pointer_params.h":{[[#@LINE-51]]:8-[[#@LINE-51]]:8}:"{{\[\[}}nni::trace]] "
          // A non-polymorphic base: a load creates the derived class, which a
          // std::unique_ptr<Base> could not delete.
          std::unique_ptr<Base> base,
          // CHECK: pointer_params.h:[[#@LINE-1]]:33: error: parameter 'base' of type 'std::unique_ptr<Base>' cannot be serialized: it holds 'own::Base', which is not traced or polymorphic, so no load can create one for it to own{{$}}
          // CHECK: pointer_params.h:[[#@LINE-53]]:8: note: 'own::Base' declared here{{$}}
          // CHECK: fix-it:"{{.*}}pointer_params.h":{[[#@LINE-54]]:8-[[#@LINE-54]]:8}:"{{\[\[}}nni::trace]] "
          std::unique_ptr<int> number,
          // CHECK: pointer_params.h:[[#@LINE-1]]:32: error: parameter 'number' of type 'std::unique_ptr<int>' cannot be serialized: it holds 'int', which is not traced or polymorphic, so no load can create one for it to own{{$}}
          // Inside another type a std::unique_ptr has no codec: the note says what to hold.
          std::vector<std::unique_ptr<Layer>> layers,
          // CHECK: pointer_params.h:[[#@LINE-1]]:47: error: parameter 'layers' of type 'std::vector<std::unique_ptr<Layer>>' cannot be serialized: it holds 'std::unique_ptr<own::Layer>', which has no codec: a std::unique_ptr is loaded only as a parameter's own type{{$}}
          // CHECK: pointer_params.h:[[#@LINE-73]]:22: note: 'own::Layer' declared here; a traced class is held as std::shared_ptr<own::Layer> or nni::Traced<own::Layer>{{$}}
          std::optional<std::unique_ptr<Module>> maybe,
          // CHECK: pointer_params.h:[[#@LINE-1]]:50: error: parameter 'maybe' of type 'std::optional<std::unique_ptr<Module>>' cannot be serialized: it holds 'std::unique_ptr<own::Module>', which has no codec: a std::unique_ptr is loaded only as a parameter's own type{{$}}
          // CHECK: pointer_params.h:[[#@LINE-79]]:8: note: 'own::Module' declared here; a traced class is held as std::shared_ptr<own::Module> or nni::Traced<own::Module>{{$}}
          std::map<std::string, std::unique_ptr<Plain>> by_name,
          // CHECK: pointer_params.h:[[#@LINE-1]]:57: error: parameter 'by_name' of type 'std::map<std::string, std::unique_ptr<Plain>>' cannot be serialized: it holds 'std::unique_ptr<own::Plain>', which has no codec: a std::unique_ptr is loaded only as a parameter's own type{{$}}
          // CHECK: pointer_params.h:[[#@LINE-75]]:8: note: 'own::Plain' declared here; a traced class is held as std::shared_ptr<own::Plain> or nni::Traced<own::Plain>{{$}}
          // CHECK: fix-it:"{{.*}}pointer_params.h":{[[#@LINE-76]]:8-[[#@LINE-76]]:8}:"{{\[\[}}nni::trace]] "
          std::unique_ptr<Layer, Closer> closed,
          // CHECK: pointer_params.h:[[#@LINE-1]]:42: error: parameter 'closed' of type 'std::unique_ptr<Layer, Closer>' cannot be serialized: a load passes a std::unique_ptr with the default deleter, not the deleter 'own::Closer'{{$}}
          // Shared pointers of a class that no load creates.
          nni::Traced<Plain> traced,
          // CHECK: pointer_params.h:[[#@LINE-1]]:30: error: parameter 'traced' of type 'nni::Traced<Plain>' cannot be serialized: it holds 'own::Plain', which is not traced or polymorphic, so no load can create one{{$}}
          // CHECK: pointer_params.h:[[#@LINE-82]]:8: note: 'own::Plain' declared here{{$}}
          // CHECK: fix-it:"{{.*}}pointer_params.h":{[[#@LINE-83]]:8-[[#@LINE-83]]:8}:"{{\[\[}}nni::trace]] "
          std::vector<std::shared_ptr<Plain>> shared);
  // CHECK: pointer_params.h:[[#@LINE-1]]:47: error: parameter 'shared' of type 'std::vector<std::shared_ptr<Plain>>' cannot be serialized: it holds 'own::Plain', which is not traced or polymorphic, so no load can create one{{$}}
  // CHECK: pointer_params.h:[[#@LINE-86]]:8: note: 'own::Plain' declared here{{$}}
  // CHECK: fix-it:"{{.*}}pointer_params.h":{[[#@LINE-87]]:8-[[#@LINE-87]]:8}:"{{\[\[}}nni::trace]] "
};
#endif
}  // namespace own

// CHECK: 10 errors generated.
// CHECK: nni-trace-gen: error: errors in the input; no output written
