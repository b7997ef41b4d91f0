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
// CHECK: {{\[\[}}gnu::cold]] ::std::shared_ptr<void> load_0_0(const ::nni::detail::ArgList& args) {
// CHECK-NEXT:   switch (args.count()) {
// CHECK-NEXT:     case 0:
// CHECK-NEXT:       return args.adopt(new ::cfg::Options());
// CHECK-NEXT:     default:
// CHECK-NEXT:       return args.bad_count();
// CHECK: const ::nni::detail::Signature kSignatures_0[] = {
// CHECK-NEXT:     {nullptr, 0, 0, &load_0_0, &kResult_0, nullptr, nullptr},
// CHECK-NEXT: };

// CHECK: // ---- cfg::Defaulted (no_constructor.h:13) ----
// CHECK: case 0:
// CHECK-NEXT: return args.adopt(new ::cfg::Defaulted());
// CHECK: {nullptr, 0, 0, &load_1_0, &kResult_1, nullptr, nullptr},
// CHECK-NOT: case 1:
