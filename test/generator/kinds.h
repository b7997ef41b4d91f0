// The JSON kind and number hint of each parameter type (references and cv removed), and the
// type args.get<P> names: fully qualified, as written (typedefs kept).
// RUN: %nni-trace-gen %s -o %t.cpp -- -std=c++17
// RUN: FileCheck %s --input-file %t.cpp
#pragma once
#include <array>
#include <chrono>
#include <complex>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <list>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace nni {
template <class T>
class Traced {};
}  // namespace nni

namespace k {
struct Base {
  virtual ~Base() = default;
};
using Sizes = std::vector<std::size_t>;
class [[nni::trace]] Everything {
 public:
  Everything(bool b, char c, short s, unsigned short us, int i, unsigned u, long l,
             unsigned long ul, std::int64_t i64, std::uint8_t u8, float f, double d,
             long double ld, const std::string& str, std::string_view sv, const char* cstr,
             std::vector<double> vec, std::list<int> lst, std::deque<int> dq,
             std::array<int, 3> arr, std::set<std::string> st, Sizes sizes,
             std::map<std::string, int> m, std::unordered_map<std::string, double> um,
             std::shared_ptr<Base> sp, std::unique_ptr<Base> up, nni::Traced<Base> tr,
             std::nullptr_t np, const volatile int cvi, std::string&& moved);
};
class [[nni::trace]] JsonTricks {
 public:
  JsonTricks(std::pair<int, double> pr, std::tuple<int, std::string> tu,
             std::unordered_set<int> us, std::complex<double> cx,
             std::chrono::milliseconds dur, std::chrono::system_clock::time_point when,
             std::filesystem::path where, std::optional<int> maybe,
             std::optional<std::vector<int>> maybe_list);
};
}  // namespace k

// CHECK: {"b", ::nni::Kind::Bool, ::nni::NumberHint::None, false, false},
// CHECK-NEXT: {"c", ::nni::Kind::Number, ::nni::NumberHint::Int, false, false},
// CHECK-NEXT: {"s", ::nni::Kind::Number, ::nni::NumberHint::Int, false, false},
// CHECK-NEXT: {"us", ::nni::Kind::Number, ::nni::NumberHint::UInt, false, false},
// CHECK-NEXT: {"i", ::nni::Kind::Number, ::nni::NumberHint::Int, false, false},
// CHECK-NEXT: {"u", ::nni::Kind::Number, ::nni::NumberHint::UInt, false, false},
// CHECK-NEXT: {"l", ::nni::Kind::Number, ::nni::NumberHint::Int, false, false},
// CHECK-NEXT: {"ul", ::nni::Kind::Number, ::nni::NumberHint::UInt, false, false},
// CHECK-NEXT: {"i64", ::nni::Kind::Number, ::nni::NumberHint::Int, false, false},
// CHECK-NEXT: {"u8", ::nni::Kind::Number, ::nni::NumberHint::UInt, false, false},
// CHECK-NEXT: {"f", ::nni::Kind::Number, ::nni::NumberHint::Float32, false, false},
// CHECK-NEXT: {"d", ::nni::Kind::Number, ::nni::NumberHint::Float64, false, false},
// CHECK-NEXT: {"ld", ::nni::Kind::Number, ::nni::NumberHint::Float64, false, false},
// CHECK-NEXT: {"str", ::nni::Kind::String, ::nni::NumberHint::None, false, false},
// CHECK-NEXT: {"sv", ::nni::Kind::String, ::nni::NumberHint::None, false, false},
// CHECK-NEXT: {"cstr", ::nni::Kind::String, ::nni::NumberHint::None, false, false},
// CHECK-NEXT: {"vec", ::nni::Kind::Array, ::nni::NumberHint::None, false, false},
// CHECK-NEXT: {"lst", ::nni::Kind::Array, ::nni::NumberHint::None, false, false},
// CHECK-NEXT: {"dq", ::nni::Kind::Array, ::nni::NumberHint::None, false, false},
// CHECK-NEXT: {"arr", ::nni::Kind::Array, ::nni::NumberHint::None, false, false},
// CHECK-NEXT: {"st", ::nni::Kind::Set, ::nni::NumberHint::None, false, false},
// CHECK-NEXT: {"sizes", ::nni::Kind::Array, ::nni::NumberHint::None, false, false},
// CHECK-NEXT: {"m", ::nni::Kind::Object, ::nni::NumberHint::None, false, false},
// CHECK-NEXT: {"um", ::nni::Kind::Object, ::nni::NumberHint::None, false, false},
// CHECK-NEXT: {"sp", ::nni::Kind::Traced, ::nni::NumberHint::None, false, false},
// CHECK-NEXT: {"up", ::nni::Kind::Traced, ::nni::NumberHint::None, false, false},
// CHECK-NEXT: {"tr", ::nni::Kind::Traced, ::nni::NumberHint::None, false, false},
// CHECK-NEXT: {"np", ::nni::Kind::Null, ::nni::NumberHint::None, false, false},
// CHECK-NEXT: {"cvi", ::nni::Kind::Number, ::nni::NumberHint::Int, false, false},
// CHECK-NEXT: {"moved", ::nni::Kind::String, ::nni::NumberHint::None, false, false},
// CHECK-NEXT: };

// CHECK: case 30:
// CHECK-NEXT: return args.construct<::k::Everything>(args.get<bool>(0), args.get<char>(1), args.get<short>(2), args.get<unsigned short>(3), args.get<int>(4), args.get<unsigned int>(5), args.get<long>(6), args.get<unsigned long>(7), args.get<{{(::std)?}}::int64_t>(8), args.get<{{(::std)?}}::uint8_t>(9), args.get<float>(10), args.get<double>(11), args.get<long double>(12), args.get<::std::string>(13), args.get<::std::string_view>(14), args.get<const char *>(15), args.get<::std::vector<double>>(16), args.get<::std::list<int>>(17), args.get<::std::deque<int>>(18), args.get<::std::array<int, 3>>(19), args.get<::std::set<::std::string>>(20), args.get<::k::Sizes>(21), args.get<::std::map<::std::string, int>>(22), args.get<::std::unordered_map<::std::string, double>>(23), args.get<::std::shared_ptr<::k::Base>>(24), args.get<::std::unique_ptr<::k::Base>>(25), args.get<::nni::Traced<::k::Base>>(26), args.get<::std::nullptr_t>(27), args.get<int>(28), args.get<::std::string>(29));

// CHECK: {"pr", ::nni::Kind::Array, ::nni::NumberHint::None, false, false},
// CHECK-NEXT: {"tu", ::nni::Kind::Array, ::nni::NumberHint::None, false, false},
// CHECK-NEXT: {"us", ::nni::Kind::Set, ::nni::NumberHint::None, false, false},
// CHECK-NEXT: {"cx", ::nni::Kind::Complex, ::nni::NumberHint::None, false, false},
// CHECK-NEXT: {"dur", ::nni::Kind::Duration, ::nni::NumberHint::None, false, false},
// CHECK-NEXT: {"when", ::nni::Kind::DateTime, ::nni::NumberHint::None, false, false},
// CHECK-NEXT: {"where", ::nni::Kind::Path, ::nni::NumberHint::None, false, false},
// CHECK-NEXT: {"maybe", ::nni::Kind::Number, ::nni::NumberHint::Int, false, false},
// CHECK-NEXT: {"maybe_list", ::nni::Kind::Array, ::nni::NumberHint::None, false, false},
// CHECK: args.get<::std::chrono::milliseconds>(4), args.get<::std::chrono::system_clock::time_point>(5), args.get<::std::filesystem::path>(6), args.get<::std::optional<int>>(7)
