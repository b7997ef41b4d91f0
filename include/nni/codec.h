// Value codecs: how a C++ value is written to and read from JSON. A type is taught to nni by
// specializing nni::Codec<T> (as fmt::formatter<T>), with:
//   static constexpr Kind kind;
//   static void dump(JsonWriter&, const T&, DumpContext&);
//   static T load(const JsonNode&, LoadContext&);
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <type_traits>
#include <typeinfo>
#include <vector>

#include "nni/errors.h"
#include "nni/json.h"
#include "nni/kind.h"
#include "nni/options.h"

namespace nni {

template <class T, class Enable = void>
struct Codec;  // not defined: a type without a codec cannot be an argument of a traced call

template <>
struct Codec<std::nullptr_t> {
  static constexpr Kind kind = Kind::Null;
  static void dump(JsonWriter& w, std::nullptr_t, DumpContext&) { w.null(); }
  static std::nullptr_t load(const JsonNode& node, LoadContext&) {
    if (!node.is(JsonType::Null)) node.fail_expected("null");
    return nullptr;
  }
};

template <>
struct Codec<bool> {
  static constexpr Kind kind = Kind::Bool;
  static void dump(JsonWriter& w, bool v, DumpContext&) { w.boolean(v); }
  static bool load(const JsonNode& node, LoadContext&) { return node.as_bool(); }
};

namespace detail {
[[noreturn]] void throw_out_of_range(std::string value, std::string min, std::string max);
std::string type_name(const std::type_info& type);  // demangled, for messages
}  // namespace detail

template <class T>
struct Codec<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>> {
  static constexpr Kind kind = Kind::Number;
  static void dump(JsonWriter& w, T v, DumpContext&) {
    if constexpr (std::is_signed_v<T>) {
      w.integer(static_cast<std::int64_t>(v));
    } else {
      w.unsigned_integer(static_cast<std::uint64_t>(v));
    }
  }
  static T load(const JsonNode& node, LoadContext&) {
    using Limits = std::numeric_limits<T>;
    if constexpr (std::is_signed_v<T>) {
      std::int64_t v = node.as_int64();
      if (v < static_cast<std::int64_t>(Limits::min()) ||
          v > static_cast<std::int64_t>(Limits::max())) {
        detail::throw_out_of_range(std::to_string(v), std::to_string(Limits::min()),
                                   std::to_string(Limits::max()));
      }
      return static_cast<T>(v);
    } else {
      std::uint64_t v = node.as_uint64();
      if (v > static_cast<std::uint64_t>(Limits::max())) {
        detail::throw_out_of_range(std::to_string(v), "0", std::to_string(Limits::max()));
      }
      return static_cast<T>(v);
    }
  }
};

template <class T>
struct Codec<T, std::enable_if_t<std::is_floating_point_v<T>>> {
  static constexpr Kind kind = Kind::Number;
  static void dump(JsonWriter& w, T v, DumpContext&) {
    if constexpr (std::is_same_v<T, float>) {
      w.number(v);
    } else {
      w.number(static_cast<double>(v));
    }
  }
  static T load(const JsonNode& node, LoadContext&) { return static_cast<T>(node.as_double()); }
};

template <>
struct Codec<std::string> {
  static constexpr Kind kind = Kind::String;
  static void dump(JsonWriter& w, const std::string& v, DumpContext&) { w.string(v); }
  static std::string load(const JsonNode& node, LoadContext&) {
    return std::string(node.as_string());
  }
};

// Dump-only string views: a loaded parameter of these types would outlive the payload.
template <>
struct Codec<std::string_view> {
  static constexpr Kind kind = Kind::String;
  static void dump(JsonWriter& w, std::string_view v, DumpContext&) { w.string(v); }
};

template <>
struct Codec<const char*> {
  static constexpr Kind kind = Kind::String;
  static void dump(JsonWriter& w, const char* v, DumpContext&) {
    if (v == nullptr) {
      w.null();
    } else {
      w.string(v);
    }
  }
};

template <>
struct Codec<char*> : Codec<const char*> {};

namespace detail {

// The elements [first, last) as a JSON array, element i at path /i: what the sequence and set
// codecs write (dump_elements), and a loaded object's record of a vector of numbers
// (FlatCopyOps, nni/generated.h).
template <class T, class Iterator>
void dump_array(JsonWriter& w, Iterator first, Iterator last, DumpContext& ctx) {
  w.begin_array();
  std::size_t i = 0;
  for (; first != last; ++first) {
    at_path(i++, [&] { Codec<T>::dump(w, *first, ctx); });
  }
  w.end_array();
}

template <class Container>
void dump_elements(JsonWriter& w, const Container& c, DumpContext& ctx) {
  dump_array<typename Container::value_type>(w, c.begin(), c.end(), ctx);
}

}  // namespace detail

template <class T, class Alloc>
struct Codec<std::vector<T, Alloc>> {
  static constexpr Kind kind = Kind::Array;
  static void dump(JsonWriter& w, const std::vector<T, Alloc>& v, DumpContext& ctx) {
    detail::dump_elements(w, v, ctx);
  }
  static std::vector<T, Alloc> load(const JsonNode& node, LoadContext& ctx) {
    std::size_t n = node.size();
    std::vector<T, Alloc> out;
    out.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
      out.push_back(detail::at_path(i, [&] { return Codec<T>::load(node[i], ctx); }));
    }
    return out;
  }
};

// The JSON kind of a C++ type as an argument: what nni::make matches against parameters.
template <class T>
inline constexpr Kind kind_of_v = Codec<std::decay_t<T>>::kind;

}  // namespace nni
