// The argument functions of the common parameter types (NNI_TRACE_RUNTIME_ARG_TYPES in
// nni/generated.h) come from the runtime: a generated file refers to them ("U") and compiles
// none of them, which took 0.45 of the 2.6 s the synthetic 200-class file took to compile
// (docs/performance.md). A type outside the list is still compiled there ("W").
// REQUIRES: runtime-headers
// RUN: %nni-trace-gen %s -o %t.cpp -- -std=c++17 -I%nni-include
// RUN: %clangxx -std=c++17 -O2 -c -Wno-unknown-attributes -I%nni-include %t.cpp -o %t.clang.o
// RUN: llvm-nm -C %t.clang.o | FileCheck %s
// RUN: %if gxx %{ %gxx -std=c++17 -O2 -c -Wno-attributes=nni:: -I%nni-include %t.cpp -o %t.gcc.o %}
// RUN: %if gxx %{ llvm-nm -C %t.gcc.o | FileCheck %s %}
// CHECK-DAG: U nni::detail::arg_ops_of<std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char>>>::load(
// CHECK-DAG: U nni::detail::arg_ops_of<std::vector<double, std::allocator<double>>>::load(
// CHECK-DAG: U nni::detail::arg_ops_of<std::map<{{.*}}>>::dump(
// CHECK-DAG: U nni::detail::arg_ops_of<int>::load(
// CHECK-DAG: W nni::detail::arg_ops_of<std::vector<short, std::allocator<short>>>::load(
#pragma once
#include <nni/trace.h>

#include <map>
#include <string>
#include <vector>

namespace codecs {

class [[nni::trace]] Layer {
 public:
  Layer(std::string name, std::vector<double> weights, std::map<std::string, int> table,
        int depth, std::vector<short> codes);
};

}  // namespace codecs
