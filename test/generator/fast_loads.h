// --fast-loads: a typed build from the tape per constructor, one case per argument count from the
// required ones to all, behind a variable template that is nullptr unless every parameter type
// is read from the tape; factories and classes with their own operator new get none.
// RUN: %nni-trace-gen %s -o %t.cpp --fast-loads -- -std=c++17
// RUN: FileCheck %s --input-file %t.cpp --match-full-lines --strict-whitespace
// RUN: %nni-trace-gen %s -o %t.default.cpp -- -std=c++17
// RUN: FileCheck %s --input-file %t.default.cpp --check-prefix=DEFAULT
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace fast {
struct Transform {
  virtual ~Transform() = default;
};
class [[nni::trace]] Normalize : public Transform {
 public:
  Normalize(std::vector<double> mean, std::vector<double> std, bool inplace = false);
};
class [[nni::trace]] Pooled {
 public:
  explicit Pooled(int size);
  static void* operator new(std::size_t size);
  static void operator delete(void* p);
};
[[nni::trace]] std::shared_ptr<Normalize> make_normalize(std::vector<double> mean);
}  // namespace fast

// CHECK:template <class A>
// CHECK-NEXT:NNI_TRACE_LOADER ::std::shared_ptr<void> tape_load_0_0(const A& args) {
// CHECK-NEXT:  switch (args.count()) {
// CHECK-NEXT:    case 2:
// CHECK-NEXT:      return args.template make<::fast::Normalize, ::std::vector<double>, ::std::vector<double>>();
// CHECK-NEXT:    case 3:
// CHECK-NEXT:      return args.template make<::fast::Normalize, ::std::vector<double>, ::std::vector<double>, bool>();
// CHECK-NEXT:    default:
// CHECK-NEXT:      return args.bad_count();
// CHECK-NEXT:  }
// CHECK-NEXT:}
// CHECK-NEXT:template <bool Readable, class A = ::nni::detail::TapeArgs>
// CHECK-NEXT:constexpr ::nni::detail::TapeLoadFn kTapeLoad_0_0 = nullptr;
// CHECK-NEXT:template <class A>
// CHECK-NEXT:constexpr ::nni::detail::TapeLoadFn kTapeLoad_0_0<true, A> = &tape_load_0_0<A>;
// CHECK-EMPTY:
// CHECK-NEXT:const ::nni::detail::Signature kSignatures_0[] = {
// CHECK-NEXT:    {kParams_0_0, 3, 2, nullptr, &kResult_0, nullptr, nullptr, &construct_0_0, &::nni::detail::object_ops<::fast::Normalize>, kTapeLoad_0_0<::nni::detail::tape_readable_v<::std::vector<double>, ::std::vector<double>, bool>>},

// Its own operator new: built by a LoadFn with a new-expression, so no typed build.
// CHECK:    {kParams_1_0, 1, 1, &load_1_0, &kResult_1, nullptr, nullptr, nullptr, nullptr, nullptr},

// A factory: none either.
// CHECK:    {kParams_2_0, 1, 1, &load_2_0, &kResult_0, ::nni::detail::function_key<static_cast<::std::shared_ptr<::fast::Normalize> (*)(::std::vector<double>)>(&::fast::make_normalize)>(), nullptr, nullptr, nullptr, nullptr},

// DEFAULT-NOT: tape_load
// DEFAULT: {kParams_0_0, 3, 2, nullptr, &kResult_0, nullptr, nullptr, &construct_0_0, &::nni::detail::object_ops<::fast::Normalize>, nullptr},
