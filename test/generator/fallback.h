// A parameter of an untraced class that only the runtime's binary fallback can dump (cereal
// hooks, no JSON codec) is accepted with a warning at the parameter: it is written as a
// size-limited {"__nni_obj__": "<base64>"} blob, where tracing the class would record its
// arguments (NNI's "you forgot to trace" warning). The note at the class has a fix-it that
// traces it. --fallback-is-error makes it an error, and nothing is written.
// RUN: %nni-trace-gen %s -o %t.cpp -- -std=c++17 -fdiagnostics-parseable-fixits 2> %t.err
// RUN: FileCheck %s --input-file %t.err --check-prefixes=CHECK,WARN --implicit-check-not=warning: --implicit-check-not=error:
// RUN: FileCheck %s --input-file %t.cpp --check-prefix=CPP
// RUN: not %nni-trace-gen %s -o %t.cpp --fallback-is-error -- -std=c++17 2> %t.strict
// RUN: FileCheck %s --input-file %t.strict --check-prefixes=CHECK,ERR --implicit-check-not=warning: --implicit-check-not=error:
// RUN: test ! -e %t.cpp
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace data {
struct Dataset {
  std::vector<float> samples;
  template <class Archive>
  void serialize(Archive& archive);
};
struct Weights {
  std::vector<double> values;
  template <class Archive>
  void save(Archive& archive) const;
  template <class Archive>
  void load(Archive& archive);
};

class [[nni::trace]] Loader {
 public:
  Loader(const Dataset& dataset, int batch_size = 1);
  // WARN: fallback.h:[[#@LINE-1]]:25: warning: parameter 'dataset' of untraced type 'data::Dataset' will be dumped as a size-limited binary blob ({"__nni_obj__": ...}); trace it with {{\[\[}}nni::trace]]{{$}}
  // ERR: fallback.h:[[#@LINE-2]]:25: error: parameter 'dataset' of untraced type 'data::Dataset' will be dumped as a size-limited binary blob ({"__nni_obj__": ...}); trace it with {{\[\[}}nni::trace]] (--fallback-is-error)
  // CHECK: fallback.h:[[#@LINE-18]]:8: note: 'data::Dataset' declared here
  // CHECK-NEXT: struct Dataset {
  // CHECK-NEXT: {{^ +\| +\^$}}
  // CHECK-NEXT: {{^ +\| +\[\[nni::trace\]\] $}}
  // WARN-NEXT: fix-it:"{{.*}}fallback.h":{[[#@LINE-22]]:8-[[#@LINE-22]]:8}:"{{\[\[}}nni::trace]] "
};

[[nni::trace]] Loader make_loader(std::optional<Weights> weights);
// WARN: fallback.h:[[#@LINE-1]]:58: warning: parameter 'weights' of untraced type 'data::Weights' will be dumped as a size-limited binary blob
// ERR: fallback.h:[[#@LINE-2]]:58: error: parameter 'weights' of untraced type 'data::Weights' will be dumped as a size-limited binary blob
// CHECK: fallback.h:[[#@LINE-23]]:8: note: 'data::Weights' declared here
}  // namespace data

// WARN: 2 warnings generated.
// ERR: nni-trace-gen: error: errors in the input; no output written

// The parameters keep kind Other: the runtime's codec for them is the binary fallback.
// CPP: {{[{][{]}}"dataset", 7}, ::nni::Kind::Other, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::data::Dataset>, nullptr},
