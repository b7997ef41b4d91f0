// Default arguments: one `case k:` per count from the required parameters to all of them, so the
// compiler applies the defaults of the rest; the manifest keeps each default's source text.
// RUN: %nni-trace-gen %s -o %t.cpp --manifest %t.yaml -- -std=c++17
// RUN: FileCheck %s --input-file %t.cpp
// RUN: FileCheck %s --input-file %t.yaml --check-prefix=YAML
#pragma once
#include <string>
#include <vector>

namespace defaults {
constexpr int kBase = 3;
#define DEFAULT_NAME "macro"
class [[nni::trace]] Layer {
 public:
  Layer(int width, int depth = kBase * 2 + 1, std::vector<int> sizes = {1, 2, 3},
        std::string name = DEFAULT_NAME);
};
struct [[nni::trace]] AllDefault {
  AllDefault(bool flag = true, double rate = 0.5);
};
}  // namespace defaults

// CHECK: // ---- defaults::Layer
// CHECK: {"width", ::nni::Kind::Number, ::nni::NumberHint::Int, false, false},
// CHECK-NEXT: {"depth", ::nni::Kind::Number, ::nni::NumberHint::Int, true, false},
// CHECK-NEXT: {"sizes", ::nni::Kind::Array, ::nni::NumberHint::None, true, false},
// CHECK-NEXT: {"name", ::nni::Kind::String, ::nni::NumberHint::None, true, false},
// CHECK: switch (args.count()) {
// CHECK-NEXT: case 1:
// CHECK-NEXT: return args.construct<::defaults::Layer>(args.get<int>(0));
// CHECK-NEXT: case 2:
// CHECK-NEXT: return args.construct<::defaults::Layer>(args.get<int>(0), args.get<int>(1));
// CHECK-NEXT: case 3:
// CHECK-NEXT: return args.construct<::defaults::Layer>(args.get<int>(0), args.get<int>(1), args.get<::std::vector<int>>(2));
// CHECK-NEXT: case 4:
// CHECK-NEXT: return args.construct<::defaults::Layer>(args.get<int>(0), args.get<int>(1), args.get<::std::vector<int>>(2), args.get<::std::string>(3));
// CHECK-NEXT: default:
// CHECK: {kParams_0_0, 4, 1, &load_0_0, &kResult_0, nullptr},

// CHECK: // ---- defaults::AllDefault
// CHECK: switch (args.count()) {
// CHECK-NEXT: case 0:
// CHECK-NEXT: return args.construct<::defaults::AllDefault>();
// CHECK-NEXT: case 1:
// CHECK-NEXT: return args.construct<::defaults::AllDefault>(args.get<bool>(0));
// CHECK-NEXT: case 2:
// CHECK-NEXT: return args.construct<::defaults::AllDefault>(args.get<bool>(0), args.get<double>(1));
// CHECK: {kParams_1_0, 2, 0, &load_1_0, &kResult_1, nullptr},

// YAML: - name: width
// YAML: has_default: false
// YAML-NOT: default:
// YAML: - name: depth
// YAML: has_default: true
// YAML-NEXT: default: "kBase * 2 + 1"
// YAML: - name: sizes
// YAML: default: "{1, 2, 3}"
// YAML: - name: name
// YAML: default: "DEFAULT_NAME"
