// Classes and structs in nested namespaces, nested classes, an inline namespace: symbols are
// the fully qualified names, and generated code names everything from the global namespace.
// RUN: %nni-trace-gen %s -o %t.cpp -- -std=c++17
// RUN: FileCheck %s --input-file %t.cpp
#pragma once
#include <string>

namespace a::b {
namespace c {
struct [[nni::trace]] Deep {
  explicit Deep(int depth);
};
}  // namespace c

class Outer {
 public:
  class [[nni::trace]] Inner {
   public:
    Inner(std::string name);
  };
  struct [[nni::trace]] InnerStruct {
    InnerStruct(double weight, float scale);
  };
};

inline namespace v1 {
class [[nni::trace]] Versioned {
 public:
  Versioned(long long n);
};
}  // namespace v1
}  // namespace a::b

struct [[nni::trace]] Global {
  Global(unsigned count);
};

// CHECK: // Traced entities: a::b::c::Deep, a::b::Outer::Inner, a::b::Outer::InnerStruct, a::b::Versioned, Global
// CHECK-NOT: #include {{.*}}<string>

// CHECK: // ---- a::b::c::Deep (namespaces.h:10) ----
// CHECK: {{[{][{]}}"depth", 5}, ::nni::Kind::Number, ::nni::NumberHint::Int, false, false, &::nni::detail::arg_ops<int>, nullptr},
// CHECK: ::new (place) ::a::b::c::Deep(args.take<int>(0));
// CHECK-NEXT: return;
// CHECK: kEntity_0 = {{[{][{]}}"a::b::c::Deep", 13}, ::nni::detail::EntityKind::Class, &typeid(::a::b::c::Deep),

// CHECK: // ---- a::b::Outer::Inner (namespaces.h:17) ----
// CHECK: ::new (place) ::a::b::Outer::Inner(args.take<::std::string>(0));
// CHECK-NEXT: return;
// CHECK: kEntity_1 = {{[{][{]}}"a::b::Outer::Inner", 18},

// CHECK: // ---- a::b::Outer::InnerStruct (namespaces.h:21) ----
// CHECK: {{[{][{]}}"weight", 6}, ::nni::Kind::Number, ::nni::NumberHint::Float64, false, false, &::nni::detail::arg_ops<double>, nullptr},
// CHECK: {{[{][{]}}"scale", 5}, ::nni::Kind::Number, ::nni::NumberHint::Float32, false, false, &::nni::detail::arg_ops<float>, nullptr},
// CHECK: ::new (place) ::a::b::Outer::InnerStruct(args.take<double>(0), args.take<float>(1));
// CHECK-NEXT: return;

// CHECK: // ---- a::b::Versioned (namespaces.h:27) ----
// CHECK: {{[{][{]}}"n", 1}, ::nni::Kind::Number, ::nni::NumberHint::Int, false, false, &::nni::detail::arg_ops<long long>, nullptr},
// CHECK: ::new (place) ::a::b::Versioned(args.take<long long>(0));
// CHECK-NEXT: return;

// CHECK: // ---- Global (namespaces.h:34) ----
// CHECK: {{[{][{]}}"count", 5}, ::nni::Kind::Number, ::nni::NumberHint::UInt, false, false, &::nni::detail::arg_ops<unsigned int>, nullptr},
// CHECK: ::new (place) ::Global(args.take<unsigned int>(0));
// CHECK-NEXT: return;
// CHECK: kEntity_4 = {{[{][{]}}"Global", 6}, ::nni::detail::EntityKind::Class, &typeid(::Global), kSignatures_4, 1};
// CHECK: kRegistration(kEntities, 5);
