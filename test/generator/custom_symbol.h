// [[nni::trace("...")]] sets the symbol (so payloads can be shared with Python); "path:" is
// added by the runtime, so a leading "path:" in the argument is dropped.
// RUN: %nni-trace-gen %s -o %t.cpp --manifest %t.yaml -- -std=c++17
// RUN: FileCheck %s --input-file %t.cpp
// RUN: FileCheck %s --input-file %t.yaml --check-prefix=YAML
#pragma once
#include <vector>

namespace demo {
class [[nni::trace("torchvision.transforms.Normalize")]] Normalize {
 public:
  Normalize(std::vector<double> mean, std::vector<double> std);
};
class [[nni::trace("path:my_module.Quoted\"Name")]] Quoted {};
template <class T>
struct Box {
  Box(T value);
};
using IntBox [[nni::trace("boxes.IntBox")]] = Box<int>;
[[nni::trace("datasets.make")]] Normalize make_normalize(double mean);
}  // namespace demo

// CHECK: // Traced entities: torchvision.transforms.Normalize, my_module.Quoted"Name, boxes.IntBox, datasets.make
// CHECK: kResult_0 = {&typeid(::demo::Normalize), "demo::Normalize", kUpcasts_0, 1};
// CHECK: kEntity_0 = {{[{][{]}}"torchvision.transforms.Normalize", 32}, ::nni::detail::EntityKind::Class, &typeid(::demo::Normalize),
// CHECK: kEntity_1 = {{[{][{]}}"my_module.Quoted\"Name", 21}, ::nni::detail::EntityKind::Class, &typeid(::demo::Quoted),
// CHECK: kEntity_2 = {{[{][{]}}"boxes.IntBox", 12}, ::nni::detail::EntityKind::Class, &typeid(::demo::Box<int>),
// CHECK: kEntity_3 = {{[{][{]}}"datasets.make", 13}, ::nni::detail::EntityKind::Function, nullptr,

// YAML: - symbol: "torchvision.transforms.Normalize"
// YAML-NEXT: payload_symbol: "path:torchvision.transforms.Normalize"
// YAML-NEXT: cpp_name: "::demo::Normalize"
