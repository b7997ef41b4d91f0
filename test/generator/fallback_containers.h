// The binary-fallback warning for an untraced type inside a container, a tuple, a variant or a
// std::shared_ptr. The runtime's codecs for these write each element with the element's own
// codec, so the parameter stays JSON and each such element is a size-limited blob inside it
// (a std::shared_ptr to an object without a record is one too); the warning is at the parameter
// and names the inner type, with the note (and, for a class of the user's, the fix-it) at that
// type. Containers of traced objects, of polymorphic bases and of types with a JSON codec get
// nothing. An element type with no codec at all makes the parameter an error.
// RUN: not %nni-trace-gen %s -o %t.cpp -- -std=c++17 -fdiagnostics-parseable-fixits 2> %t.err
// RUN: FileCheck %s --input-file %t.err --check-prefixes=CHECK,ERRORS --implicit-check-not=warning: --implicit-check-not=error: --implicit-check-not=note:
// RUN: %nni-trace-gen %s -o %t.cpp -- -std=c++17 -DNO_ERRORS 2> %t.ok
// RUN: FileCheck %s --input-file %t.ok --check-prefixes=CHECK,OK --implicit-check-not=warning: --implicit-check-not=error:
// RUN: not %nni-trace-gen %s -o %t.cpp --fallback-is-error -- -std=c++17 -DNO_ERRORS 2> %t.strict
// RUN: FileCheck %s --input-file %t.strict --check-prefix=STRICT
#pragma once
#include <array>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <variant>
#include <vector>

namespace nni {
template <class T>
class Traced {};
}  // namespace nni

namespace data {
struct Dataset {
  std::vector<float> samples;
  template <class Archive>
  void serialize(Archive& archive);
};
// A polymorphic base: a std::shared_ptr to it holds traced subclasses.
struct Module {
  virtual ~Module() = default;
  template <class Archive>
  void serialize(Archive& archive);
};
class [[nni::trace]] Layer : public Module {
 public:
  Layer(int width);
  template <class Archive>
  void serialize(Archive& archive);
};
struct Opaque {
  int handle;
};
enum class Color { Red, Green };

class [[nni::trace]] Shapes {
 public:
  Shapes(std::vector<Dataset> datasets,
         // CHECK: fallback_containers.h:[[#@LINE-1]]:31: warning: parameter 'datasets' of type 'std::vector<Dataset>' holds the untraced type 'data::Dataset': each one in it will be dumped as a size-limited binary blob ({"__nni_obj__": ...}); trace it with {{\[\[}}nni::trace]]{{$}}
         // CHECK-NEXT: Shapes(std::vector<Dataset> datasets,
         // CHECK-NEXT: {{^ +\| +\^$}}
         // CHECK-NEXT: fallback_containers.h:[[#@LINE-28]]:8: note: 'data::Dataset' declared here; a traced class is held as std::shared_ptr<data::Dataset> or nni::Traced<data::Dataset>{{$}}
         // CHECK-NEXT: struct Dataset {
         // CHECK-NEXT: {{^ +\| +\^$}}
         // CHECK-NEXT: {{^ +\| +\[\[nni::trace\]\] $}}
         // ERRORS-NEXT: fix-it:"{{.*}}fallback_containers.h":{[[#@LINE-32]]:8-[[#@LINE-32]]:8}:"{{\[\[}}nni::trace]] "
         std::map<std::string, Dataset> by_name,
         // CHECK: fallback_containers.h:[[#@LINE-1]]:41: warning: parameter 'by_name' of type 'std::map<std::string, Dataset>' holds the untraced type 'data::Dataset'
         // CHECK: note: 'data::Dataset' declared here
         std::pair<int, Dataset> pair,
         // CHECK: fallback_containers.h:[[#@LINE-1]]:34: warning: parameter 'pair' of type 'std::pair<int, Dataset>' holds the untraced type 'data::Dataset'
         // CHECK: note: 'data::Dataset' declared here
         std::tuple<int, std::string, Dataset> tuple,
         // CHECK: fallback_containers.h:[[#@LINE-1]]:48: warning: parameter 'tuple' of type 'std::tuple<int, std::string, Dataset>' holds the untraced type 'data::Dataset'
         // CHECK: note: 'data::Dataset' declared here
         std::variant<int, Dataset> either,
         // CHECK: fallback_containers.h:[[#@LINE-1]]:37: warning: parameter 'either' of type 'std::variant<int, Dataset>' holds the untraced type 'data::Dataset'
         // CHECK: note: 'data::Dataset' declared here
         std::array<Dataset, 2> two,
         // CHECK: fallback_containers.h:[[#@LINE-1]]:33: warning: parameter 'two' of type 'std::array<Dataset, 2>' holds the untraced type 'data::Dataset'
         // CHECK: note: 'data::Dataset' declared here
         std::vector<std::optional<Dataset>> maybes,
         // CHECK: fallback_containers.h:[[#@LINE-1]]:46: warning: parameter 'maybes' of type 'std::vector<std::optional<Dataset>>' holds the untraced type 'data::Dataset'
         // CHECK: note: 'data::Dataset' declared here
         std::optional<std::vector<Dataset>> maybe,
         // CHECK: fallback_containers.h:[[#@LINE-1]]:46: warning: parameter 'maybe' of type 'std::optional<std::vector<Dataset>>' holds the untraced type 'data::Dataset'
         // CHECK: note: 'data::Dataset' declared here
         std::map<std::string, std::vector<Dataset>> nested,
         // CHECK: fallback_containers.h:[[#@LINE-1]]:54: warning: parameter 'nested' of type 'std::map<std::string, std::vector<Dataset>>' holds the untraced type 'data::Dataset'
         // CHECK: note: 'data::Dataset' declared here
         // A std::shared_ptr to an object of an untraced class is written by the fallback too;
         // tracing the class is the whole fix there, so the note says nothing of holding it.
         std::shared_ptr<Dataset> shared,
         // CHECK: fallback_containers.h:[[#@LINE-1]]:35: warning: parameter 'shared' of type 'std::shared_ptr<Dataset>' holds the untraced type 'data::Dataset'
         // CHECK: note: 'data::Dataset' declared here{{$}}
         std::vector<nni::Traced<Dataset>> traced,
         // CHECK: fallback_containers.h:[[#@LINE-1]]:44: warning: parameter 'traced' of type 'std::vector<nni::Traced<Dataset>>' holds the untraced type 'data::Dataset'
         // CHECK: note: 'data::Dataset' declared here{{$}}
         // A traced class held by value: its codec writes it, not its trace, and tracing is not
         // the fix.
         std::vector<Layer> layers);
  // CHECK: fallback_containers.h:[[#@LINE-1]]:29: warning: parameter 'layers' of type 'std::vector<Layer>' holds the traced class 'data::Layer' by value: each one in it will be dumped as a size-limited binary blob ({"__nni_obj__": ...}); hold it as std::shared_ptr<data::Layer> or nni::Traced<data::Layer>{{$}}
  // CHECK: fallback_containers.h:[[#@LINE-58]]:22: note: 'data::Layer' declared here; a traced class is held as std::shared_ptr<data::Layer> or nni::Traced<data::Layer>{{$}}

  // STRICT: fallback_containers.h:[[#@LINE-47]]:31: error: parameter 'datasets' of type 'std::vector<Dataset>' holds the untraced type 'data::Dataset': each one in it will be dumped as a size-limited binary blob ({"__nni_obj__": ...}); trace it with {{\[\[}}nni::trace]] (--fallback-is-error)
  // STRICT: nni-trace-gen: error: errors in the input; no output written
};

// No warning: traced objects (by pointer), polymorphic bases, JSON codecs, enums, strings.
class [[nni::trace]] Quiet {
 public:
  Quiet(std::vector<std::shared_ptr<Layer>> layers, std::vector<nni::Traced<Layer>> traced,
        std::map<std::string, std::shared_ptr<Module>> modules,
        std::tuple<int, std::vector<Color>, std::optional<std::string>> plain,
        std::variant<std::string, std::vector<double>> either,
        std::pair<std::shared_ptr<Module>, std::map<int, Color>> pair);
};

#ifndef NO_ERRORS
// An element type without any codec: the parameter cannot be serialized at all (the generated
// code would not compile). A class from a system header gets no note.
class [[nni::trace]] Broken {
 public:
  Broken(std::vector<Opaque> handles,
         // ERRORS: fallback_containers.h:[[#@LINE-1]]:30: error: parameter 'handles' of type 'std::vector<Opaque>' cannot be serialized: it holds 'data::Opaque', which has no codec{{$}}
         // ERRORS-NEXT: Broken(std::vector<Opaque> handles,
         // ERRORS-NEXT: {{^ +\| +\^$}}
         // ERRORS-NEXT: fallback_containers.h:[[#@LINE-77]]:8: note: 'data::Opaque' declared here; a traced class is held as std::shared_ptr<data::Opaque> or nni::Traced<data::Opaque>{{$}}
         // ERRORS-NEXT: struct Opaque {
         // ERRORS-NEXT: {{^ +\| +\^$}}
         // ERRORS-NEXT: {{^ +\| +\[\[nni::trace\]\] $}}
         // ERRORS-NEXT: fix-it:"{{.*}}fallback_containers.h":{[[#@LINE-81]]:8-[[#@LINE-81]]:8}:"{{\[\[}}nni::trace]] "
         std::map<std::string, std::function<void()>> hooks);
  // ERRORS: fallback_containers.h:[[#@LINE-1]]:55: error: parameter 'hooks' of type 'std::map<std::string, std::function<void ()>>' cannot be serialized: it holds 'std::function<void ()>', which has no codec{{$}}
};
#endif
}  // namespace data

// ERRORS: 12 warnings and 2 errors generated.
// ERRORS: nni-trace-gen: error: errors in the input; no output written
// OK: 12 warnings generated.
