// The generated tables are constant-initialized (read-only data after relocation), not filled
// by a static initializer: GCC 12 did that for string_views built from bare literals, which made
// a generated file of 200 classes take 14 s to compile instead of 5.5 s
// (docs/internals/generated-code.md). A table in .bss would show as "b".
// REQUIRES: runtime-headers
// RUN: %nni-trace-gen %s -o %t.cpp -- -std=c++17 -I%nni-include
// RUN: %clangxx -std=c++17 -O0 -c -Wno-unknown-attributes -I%nni-include %t.cpp -o %t.clang.o
// RUN: llvm-nm %t.clang.o | FileCheck %s
// RUN: %if gxx %{ %gxx -std=c++17 -O0 -c -Wno-attributes=nni:: -I%nni-include %t.cpp -o %t.gcc.o %}
// RUN: %if gxx %{ llvm-nm %t.gcc.o | FileCheck %s %}
// CHECK-DAG: {{ [rd] .*}}kParams_0_0E
// CHECK-DAG: {{ [rd] .*}}kParams_1_0E
// CHECK-DAG: {{ [rd] .*}}kEntity_0E
// CHECK-DAG: {{ [rd] .*}}kEntity_1E
#pragma once
#include <nni/trace.h>

#include <string>
#include <vector>

namespace tables {

class [[nni::trace]] Layer {
 public:
  Layer(std::string name, std::vector<double> weights, int depth = 1, bool enabled = true);
};

[[nni::trace]] Layer make_layer(std::string name, double scale = 0.5);

}  // namespace tables
