// A load builds an object in memory the runtime allocates (with its record), unless a
// new-expression would call a class-specific operator new or delete: the class's own, or one it
// inherits. Those keep a LoadFn with `new`.
// RUN: %nni-trace-gen %s -o %t.cpp -- -std=c++17
// RUN: FileCheck %s --input-file %t.cpp
#pragma once
#include <cstddef>

namespace pool {
struct Arena {
  static void* operator new(std::size_t size);
  static void operator delete(void* p) noexcept;
};

struct [[nni::trace]] Own {
  explicit Own(int id);
  static void* operator new(std::size_t size);
  static void operator delete(void* p) noexcept;
};

struct [[nni::trace]] Inherits : Arena {
  explicit Inherits(int id);
};

struct [[nni::trace]] Plain {
  explicit Plain(int id);
};

[[nni::trace]] Own make_own(int id);
[[nni::trace]] Plain make_plain(int id);
}  // namespace pool

// CHECK: // ---- pool::Own (own_allocation.h:{{[0-9]+}}) ----
// CHECK: ::std::shared_ptr<void> load_0_0(const ::nni::detail::ArgList& args) {
// CHECK: return args.adopt(new ::pool::Own(args.take<int>(0)));
// CHECK: {kParams_0_0, 1, 1, &load_0_0, &kResult_0, nullptr, nullptr, nullptr, nullptr, nullptr},

// CHECK: // ---- pool::Inherits (own_allocation.h:{{[0-9]+}}) ----
// CHECK: return args.adopt(new ::pool::Inherits(args.take<int>(0)));
// CHECK: {kParams_1_0, 1, 1, &load_1_0, &kResult_1, nullptr, nullptr, nullptr, nullptr, nullptr},

// CHECK: // ---- pool::Plain (own_allocation.h:{{[0-9]+}}) ----
// CHECK: void construct_2_0(void* place, const ::nni::detail::ArgList& args) {
// CHECK: ::new (place) ::pool::Plain(args.take<int>(0));
// CHECK: {kParams_2_0, 1, 1, nullptr, &kResult_2, nullptr, nullptr, &construct_2_0, &::nni::detail::object_ops<::pool::Plain>, nullptr},

// A factory's result by value follows its class.
// CHECK: // ---- pool::make_own (own_allocation.h:{{[0-9]+}}) ----
// CHECK: return args.adopt(new ::pool::Own((static_cast<::pool::Own (*)(int)>(&::pool::make_own))(args.take<int>(0))));
// CHECK: // ---- pool::make_plain (own_allocation.h:{{[0-9]+}}) ----
// CHECK: ::new (place) ::pool::Plain((static_cast<::pool::Plain (*)(int)>(&::pool::make_plain))(args.take<int>(0)));
