// The JSON kind and number hint of each parameter type (references and cv removed), and the
// type P that arg_ops<P> and args.take<P> name: fully qualified, as written (typedefs kept).
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

// CHECK: {{[{][{]}}"b", 1}, ::nni::Kind::Bool, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<bool>, nullptr},
// CHECK-NEXT: {{[{][{]}}"c", 1}, ::nni::Kind::Number, ::nni::NumberHint::Int, false, false, &::nni::detail::arg_ops<char>, nullptr},
// CHECK-NEXT: {{[{][{]}}"s", 1}, ::nni::Kind::Number, ::nni::NumberHint::Int, false, false, &::nni::detail::arg_ops<short>, nullptr},
// CHECK-NEXT: {{[{][{]}}"us", 2}, ::nni::Kind::Number, ::nni::NumberHint::UInt, false, false, &::nni::detail::arg_ops<unsigned short>, nullptr},
// CHECK-NEXT: {{[{][{]}}"i", 1}, ::nni::Kind::Number, ::nni::NumberHint::Int, false, false, &::nni::detail::arg_ops<int>, nullptr},
// CHECK-NEXT: {{[{][{]}}"u", 1}, ::nni::Kind::Number, ::nni::NumberHint::UInt, false, false, &::nni::detail::arg_ops<unsigned int>, nullptr},
// CHECK-NEXT: {{[{][{]}}"l", 1}, ::nni::Kind::Number, ::nni::NumberHint::Int, false, false, &::nni::detail::arg_ops<long>, nullptr},
// CHECK-NEXT: {{[{][{]}}"ul", 2}, ::nni::Kind::Number, ::nni::NumberHint::UInt, false, false, &::nni::detail::arg_ops<unsigned long>, nullptr},
// CHECK-NEXT: {{[{][{]}}"i64", 3}, ::nni::Kind::Number, ::nni::NumberHint::Int, false, false, &::nni::detail::arg_ops<{{(::std)?}}::int64_t>, nullptr},
// CHECK-NEXT: {{[{][{]}}"u8", 2}, ::nni::Kind::Number, ::nni::NumberHint::UInt, false, false, &::nni::detail::arg_ops<{{(::std)?}}::uint8_t>, nullptr},
// CHECK-NEXT: {{[{][{]}}"f", 1}, ::nni::Kind::Number, ::nni::NumberHint::Float32, false, false, &::nni::detail::arg_ops<float>, nullptr},
// CHECK-NEXT: {{[{][{]}}"d", 1}, ::nni::Kind::Number, ::nni::NumberHint::Float64, false, false, &::nni::detail::arg_ops<double>, nullptr},
// CHECK-NEXT: {{[{][{]}}"ld", 2}, ::nni::Kind::Number, ::nni::NumberHint::Float64, false, false, &::nni::detail::arg_ops<long double>, nullptr},
// CHECK-NEXT: {{[{][{]}}"str", 3}, ::nni::Kind::String, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::string>, nullptr},
// CHECK-NEXT: {{[{][{]}}"sv", 2}, ::nni::Kind::String, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::string_view>, nullptr},
// CHECK-NEXT: {{[{][{]}}"cstr", 4}, ::nni::Kind::String, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<const char *>, nullptr},
// CHECK-NEXT: {{[{][{]}}"vec", 3}, ::nni::Kind::Array, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::vector<double>>, nullptr},
// CHECK-NEXT: {{[{][{]}}"lst", 3}, ::nni::Kind::Array, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::list<int>>, nullptr},
// CHECK-NEXT: {{[{][{]}}"dq", 2}, ::nni::Kind::Array, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::deque<int>>, nullptr},
// CHECK-NEXT: {{[{][{]}}"arr", 3}, ::nni::Kind::Array, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::array<int, 3>>, nullptr},
// CHECK-NEXT: {{[{][{]}}"st", 2}, ::nni::Kind::Set, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::set<::std::string>>, nullptr},
// CHECK-NEXT: {{[{][{]}}"sizes", 5}, ::nni::Kind::Array, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::k::Sizes>, nullptr},
// CHECK-NEXT: {{[{][{]}}"m", 1}, ::nni::Kind::Object, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::map<::std::string, int>>, nullptr},
// CHECK-NEXT: {{[{][{]}}"um", 2}, ::nni::Kind::Object, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::unordered_map<::std::string, double>>, nullptr},
// CHECK-NEXT: {{[{][{]}}"sp", 2}, ::nni::Kind::Traced, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::shared_ptr<::k::Base>>, nullptr},
// CHECK-NEXT: {{[{][{]}}"up", 2}, ::nni::Kind::Traced, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::unique_ptr<::k::Base>>, nullptr},
// CHECK-NEXT: {{[{][{]}}"tr", 2}, ::nni::Kind::Traced, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::nni::Traced<::k::Base>>, nullptr},
// CHECK-NEXT: {{[{][{]}}"np", 2}, ::nni::Kind::Null, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::nullptr_t>, nullptr},
// CHECK-NEXT: {{[{][{]}}"cvi", 3}, ::nni::Kind::Number, ::nni::NumberHint::Int, false, false, &::nni::detail::arg_ops<int>, nullptr},
// CHECK-NEXT: {{[{][{]}}"moved", 5}, ::nni::Kind::String, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::string>, nullptr},
// CHECK-NEXT: };

// CHECK: case 30:
// CHECK-NEXT: ::new (place) ::k::Everything(args.take<bool>(0), args.take<char>(1), args.take<short>(2), args.take<unsigned short>(3), args.take<int>(4), args.take<unsigned int>(5), args.take<long>(6), args.take<unsigned long>(7), args.take<{{(::std)?}}::int64_t>(8), args.take<{{(::std)?}}::uint8_t>(9), args.take<float>(10), args.take<double>(11), args.take<long double>(12), args.take<::std::string>(13), args.take<::std::string_view>(14), args.take<const char *>(15), args.take<::std::vector<double>>(16), args.take<::std::list<int>>(17), args.take<::std::deque<int>>(18), args.take<::std::array<int, 3>>(19), args.take<::std::set<::std::string>>(20), args.take<::k::Sizes>(21), args.take<::std::map<::std::string, int>>(22), args.take<::std::unordered_map<::std::string, double>>(23), args.take<::std::shared_ptr<::k::Base>>(24), args.take<::std::unique_ptr<::k::Base>>(25), args.take<::nni::Traced<::k::Base>>(26), args.take<::std::nullptr_t>(27), args.take<int>(28), args.take<::std::string>(29));
// CHECK-NEXT: return;

// CHECK: {{[{][{]}}"pr", 2}, ::nni::Kind::Array, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::pair<int, double>>, nullptr},
// CHECK-NEXT: {{[{][{]}}"tu", 2}, ::nni::Kind::Array, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::tuple<int, ::std::string>>, nullptr},
// CHECK-NEXT: {{[{][{]}}"us", 2}, ::nni::Kind::Set, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::unordered_set<int>>, nullptr},
// CHECK-NEXT: {{[{][{]}}"cx", 2}, ::nni::Kind::Complex, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::complex<double>>, nullptr},
// CHECK-NEXT: {{[{][{]}}"dur", 3}, ::nni::Kind::Duration, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::chrono::milliseconds>, nullptr},
// CHECK-NEXT: {{[{][{]}}"when", 4}, ::nni::Kind::DateTime, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::chrono::system_clock::time_point>, nullptr},
// CHECK-NEXT: {{[{][{]}}"where", 5}, ::nni::Kind::Path, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::filesystem::path>, nullptr},
// CHECK-NEXT: {{[{][{]}}"maybe", 5}, ::nni::Kind::Number, ::nni::NumberHint::Int, false, false, &::nni::detail::arg_ops<::std::optional<int>>, nullptr},
// CHECK-NEXT: {{[{][{]}}"maybe_list", 10}, ::nni::Kind::Array, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::optional<::std::vector<int>>>, nullptr},
// CHECK: case 9:
// CHECK-NEXT: ::new (place) ::k::JsonTricks(args.take<::std::pair<int, double>>(0), args.take<::std::tuple<int, ::std::string>>(1), args.take<::std::unordered_set<int>>(2), args.take<::std::complex<double>>(3), args.take<::std::chrono::milliseconds>(4), args.take<::std::chrono::system_clock::time_point>(5), args.take<::std::filesystem::path>(6), args.take<::std::optional<int>>(7), args.take<::std::optional<::std::vector<int>>>(8));
// CHECK-NEXT: return;
