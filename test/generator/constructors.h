// Which constructors are traced: copy and move constructors never count; one public constructor
// is used; with several, those marked [[nni::trace]], else all public ones. Private and deleted
// constructors never count.
// RUN: %nni-trace-gen %s -o %t.cpp -- -std=c++17
// RUN: FileCheck %s --input-file %t.cpp
#pragma once
#include <string>

namespace ctors {
class [[nni::trace]] CopyMove {
 public:
  CopyMove(const CopyMove&);
  CopyMove(CopyMove&&) noexcept;
  CopyMove& operator=(const CopyMove&);
  explicit CopyMove(int size);
};

class [[nni::trace]] Marked {
 public:
  Marked(std::string path);
  [[nni::trace]] Marked(std::string path, int depth);
  Marked(double ratio);
};

class [[nni::trace]] AllPublic {
 public:
  AllPublic(std::string path);
  AllPublic(int a, int b);
  AllPublic(const AllPublic&) = delete;
 private:
  AllPublic(double secret);
};

class [[nni::trace]] DeletedOne {
 public:
  DeletedOne(int n) = delete;
  DeletedOne(std::string s);
};

// A constructor of a class template marked [[nni::trace]]: the specialization an alias traces
// keeps the mark.
template <class T>
class Box {
 public:
  Box(T value);
  [[nni::trace]] Box(T value, std::string label);
};
using IntBox [[nni::trace]] = Box<int>;
}  // namespace ctors

// CHECK: // ---- ctors::CopyMove
// CHECK: const ::nni::detail::ParamInfo kParams_0_0[] = {
// CHECK-NEXT: {{[{][{]}}"size", 4}, ::nni::Kind::Number, ::nni::NumberHint::Int, false, false, &::nni::detail::arg_ops<int>, nullptr},
// CHECK-NEXT: };
// CHECK-NOT: kParams_0_1
// CHECK: kEntity_0 = {{.*}}, kSignatures_0, 1};

// CHECK: // ---- ctors::Marked
// CHECK: const ::nni::detail::ParamInfo kParams_1_0[] = {
// CHECK-NEXT: {{[{][{]}}"path", 4}, ::nni::Kind::String, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::string>, nullptr},
// CHECK-NEXT: {{[{][{]}}"depth", 5}, ::nni::Kind::Number, ::nni::NumberHint::Int, false, false, &::nni::detail::arg_ops<int>, nullptr},
// CHECK-NEXT: };
// CHECK-NOT: kParams_1_1
// CHECK: kEntity_1 = {{.*}}, kSignatures_1, 1};

// CHECK: // ---- ctors::AllPublic
// CHECK: const ::nni::detail::ParamInfo kParams_2_0[] = {
// CHECK-NEXT: {{[{][{]}}"path", 4}, ::nni::Kind::String, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::string>, nullptr},
// CHECK-NEXT: };
// CHECK: const ::nni::detail::ParamInfo kParams_2_1[] = {
// CHECK-NEXT: {{[{][{]}}"a", 1}, ::nni::Kind::Number, ::nni::NumberHint::Int, false, false, &::nni::detail::arg_ops<int>, nullptr},
// CHECK-NEXT: {{[{][{]}}"b", 1}, ::nni::Kind::Number, ::nni::NumberHint::Int, false, false, &::nni::detail::arg_ops<int>, nullptr},
// CHECK-NEXT: };
// CHECK-NOT: secret
// CHECK: kEntity_2 = {{.*}}, kSignatures_2, 2};

// CHECK: // ---- ctors::DeletedOne
// CHECK: {{[{][{]}}"s", 1}, ::nni::Kind::String, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::string>, nullptr},
// CHECK: kEntity_3 = {{.*}}, kSignatures_3, 1};

// CHECK: // ---- ctors::Box<int>
// CHECK: const ::nni::detail::ParamInfo kParams_4_0[] = {
// CHECK-NEXT: {{[{][{]}}"value", 5}, ::nni::Kind::Number, ::nni::NumberHint::Int, false, false, &::nni::detail::arg_ops<int>, nullptr},
// CHECK-NEXT: {{[{][{]}}"label", 5}, ::nni::Kind::String, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::string>, nullptr},
// CHECK-NEXT: };
// CHECK: kEntity_4 = {{.*}}, kSignatures_4, 1};
