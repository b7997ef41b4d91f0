// A class template marked [[nni::trace]] is traced through aliases of its specializations. When
// no traced alias in the headers read names one, nothing is registered for it: a warning (the
// build goes on), which says how to trace a specialization. A traced template that an alias
// specializes is silent.
// RUN: %nni-trace-gen %s -o %t.cpp --manifest %t.yaml -- -std=c++17 2> %t.err
// RUN: FileCheck %s --input-file %t.err --implicit-check-not=warning: --implicit-check-not=error:
// RUN: FileCheck %s --input-file %t.yaml --check-prefix=YAML
#pragma once
#include <vector>

namespace demo {
template <class T>
class [[nni::trace]] Box {
 public:
  explicit Box(std::vector<T> items);
};
using FloatBox [[nni::trace]] = Box<float>;

template <class T, int N>
struct [[nni::trace]] Grid {
  // CHECK: template_unspecialized.h:[[#@LINE-1]]:23: warning: class template 'demo::Grid' is marked {{\[\[}}nni::trace]] but no traced alias in these headers names a specialization of it, so nothing is registered for it; trace each specialization that payloads use: using X {{\[\[}}nni::trace]] = demo::Grid<Args>;
  Grid(T fill);
};
// An alias without the attribute registers nothing either.
using IntGrid = Grid<int, 3>;
}  // namespace demo

// CHECK: 1 warning generated.

// YAML: - symbol: "demo::Box<float>"
// YAML-NOT: Grid
