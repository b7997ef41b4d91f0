// A struct with no declared constructor is created with its implicit default constructor: one
// signature, zero parameters. An explicitly defaulted one counts the same.
// RUN: %nni-trace-gen %s -o %t.cpp -- -std=c++17
// RUN: FileCheck %s --input-file %t.cpp
#pragma once
#include <string>

namespace cfg {
struct [[nni::trace]] Options {
  int epochs = 10;
  std::string name;
};
class [[nni::trace]] Defaulted {
 public:
  Defaulted() = default;
  Defaulted(const Defaulted&) = default;
};
}  // namespace cfg

// CHECK: // ---- cfg::Options (no_constructor.h:9) ----
// CHECK-NOT: kParams_0_0
// CHECK-NOT: defaults_0_0
// CHECK: NNI_TRACE_LOADER void construct_0_0(void* place, const ::nni::detail::ArgList& args) {
// CHECK-NEXT:   switch (args.count()) {
// CHECK-NEXT:     case 0:
// CHECK-NEXT:       ::new (place) ::cfg::Options();
// CHECK-NEXT:       return;
// CHECK-NEXT:     default:
// CHECK-NEXT:       args.bad_count();
// CHECK: const ::nni::detail::Signature kSignatures_0[] = {
// CHECK-NEXT:     {nullptr, 0, 0, nullptr, &kResult_0, nullptr, nullptr, &construct_0_0, &::nni::detail::object_ops<::cfg::Options>, nullptr},
// CHECK-NEXT: };

// CHECK: // ---- cfg::Defaulted (no_constructor.h:13) ----
// CHECK: case 0:
// CHECK-NEXT: ::new (place) ::cfg::Defaulted();
// CHECK-NEXT: return;
// CHECK: {nullptr, 0, 0, nullptr, &kResult_1, nullptr, nullptr, &construct_1_0, &::nni::detail::object_ops<::cfg::Defaulted>, nullptr},
// CHECK-NOT: case 1:
