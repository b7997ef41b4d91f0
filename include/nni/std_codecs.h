// Codecs for the standard library's value types, in the encodings Python's json / json-tricks
// use: sequences and tuples as arrays, maps as objects (non-string keys written as strings),
// sets, complex numbers, durations, time points and paths as json-tricks objects.
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
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "nni/codec.h"

namespace nni {

namespace detail {

[[noreturn]] void throw_wrong_length(std::size_t expected, std::size_t got);

template <class T>
T load_element(const JsonNode& node, std::size_t i, LoadContext& ctx) {
  return at_path(i, [&] { return Codec<T>::load(node[i], ctx); });
}

template <class Container>
struct SequenceCodec {
  static constexpr Kind kind = Kind::Array;
  static void dump(JsonWriter& w, const Container& c, DumpContext& ctx) {
    dump_elements(w, c, ctx);
  }
  static Container load(const JsonNode& node, LoadContext& ctx) {
    Container out;
    for (std::size_t i = 0, n = node.size(); i < n; ++i) {
      out.push_back(load_element<typename Container::value_type>(node, i, ctx));
    }
    return out;
  }
};

// Fixed-length arrays of heterogeneous types: std::pair, std::tuple.
template <class Tuple>
struct TupleCodec {
  static constexpr Kind kind = Kind::Array;
  static constexpr std::size_t size = std::tuple_size_v<Tuple>;
  static void dump(JsonWriter& w, const Tuple& t, DumpContext& ctx) {
    w.begin_array();
    dump_each(w, t, ctx, std::make_index_sequence<size>{});
    w.end_array();
  }
  static Tuple load(const JsonNode& node, LoadContext& ctx) {
    if (node.size() != size) throw_wrong_length(size, node.size());
    return load_each(node, ctx, std::make_index_sequence<size>{});
  }

 private:
  template <std::size_t... I>
  static void dump_each(JsonWriter& w, const Tuple& t, DumpContext& ctx,
                        std::index_sequence<I...>) {
    (at_path(I, [&] { Codec<std::tuple_element_t<I, Tuple>>::dump(w, std::get<I>(t), ctx); }), ...);
  }
  template <std::size_t... I>
  static Tuple load_each(const JsonNode& node, LoadContext& ctx, std::index_sequence<I...>) {
    // Braced initialization evaluates left to right, so errors report the first bad element.
    return Tuple{load_element<std::tuple_element_t<I, Tuple>>(node, I, ctx)...};
  }
};

// Map keys: strings as they are; integers written as Python's json writes them ("1").
template <class K, class Enable = void>
struct KeyCodec;

template <>
struct KeyCodec<std::string> {
  static const std::string& to_text(const std::string& k) { return k; }
  static std::string from_text(std::string_view text) { return std::string(text); }
};

std::int64_t parse_int64_key(std::string_view text);
std::uint64_t parse_uint64_key(std::string_view text);

template <class K>
struct KeyCodec<K, std::enable_if_t<std::is_integral_v<K> && !std::is_same_v<K, bool>>> {
  static std::string to_text(K k) { return std::to_string(k); }
  static K from_text(std::string_view text) {
    using Limits = std::numeric_limits<K>;
    if constexpr (std::is_signed_v<K>) {
      std::int64_t v = parse_int64_key(text);
      if (v < static_cast<std::int64_t>(Limits::min()) ||
          v > static_cast<std::int64_t>(Limits::max())) {
        throw_out_of_range(std::to_string(v), std::to_string(Limits::min()),
                           std::to_string(Limits::max()));
      }
      return static_cast<K>(v);
    } else {
      std::uint64_t v = parse_uint64_key(text);
      if (v > static_cast<std::uint64_t>(Limits::max())) {
        throw_out_of_range(std::to_string(v), "0", std::to_string(Limits::max()));
      }
      return static_cast<K>(v);
    }
  }
};

template <class Map>
struct MapCodec {
  using K = typename Map::key_type;
  using V = typename Map::mapped_type;
  static constexpr Kind kind = Kind::Object;
  static void dump(JsonWriter& w, const Map& m, DumpContext& ctx) {
    w.begin_object();
    for (const auto& entry : m) {  // not a structured binding: C++17 lambdas cannot capture one
      const auto& text = KeyCodec<K>::to_text(entry.first);
      w.key(text);
      at_path(std::string_view(text), [&] { Codec<V>::dump(w, entry.second, ctx); });
    }
    w.end_object();
  }
  static Map load(const JsonNode& node, LoadContext& ctx) {
    Map out;
    for (std::size_t i = 0, n = node.member_count(); i < n; ++i) {
      std::string_view name = node.member_name(i);
      at_path(name, [&] {
        // A repeated key keeps its last value, as Python's json does.
        out.insert_or_assign(KeyCodec<K>::from_text(name),
                             Codec<V>::load(node.member_value(i), ctx));
      });
    }
    return out;
  }
};

// The value of the single json-tricks marker member ("__set__", "__complex__", ...).
JsonNode tricks_member(const JsonNode& node, const char* marker, const char* description);

template <class Set>
struct SetCodec {
  using T = typename Set::value_type;
  static constexpr Kind kind = Kind::Set;
  static void dump(JsonWriter& w, const Set& s, DumpContext& ctx) {
    w.begin_object();
    w.key("__set__");
    at_path("__set__", [&] { dump_elements(w, s, ctx); });
    w.end_object();
  }
  static Set load(const JsonNode& node, LoadContext& ctx) {
    JsonNode items = tricks_member(node, "__set__", "a set {\"__set__\": [...]}");
    return at_path("__set__", [&] {
      Set out;
      for (std::size_t i = 0, n = items.size(); i < n; ++i) {
        out.insert(load_element<T>(items, i, ctx));
      }
      return out;
    });
  }
};

// Durations and UTC time points travel as microseconds; these do the json-tricks objects.
void write_timedelta(JsonWriter& w, std::int64_t microseconds);
std::int64_t read_timedelta(const JsonNode& node);
void write_datetime(JsonWriter& w, std::int64_t microseconds_since_epoch);
std::int64_t read_datetime(const JsonNode& node);

// Microseconds as a D, refusing values D cannot hold exactly.
template <class D>
D from_microseconds(std::int64_t us) {
  using std::chrono::duration;
  using std::chrono::microseconds;
  long double wanted = static_cast<long double>(us);
  long double max_us = duration<long double, std::micro>(D::max()).count();
  long double min_us = duration<long double, std::micro>(D::min()).count();
  if (wanted > max_us || wanted < min_us) {
    throw LoadError("duration of " + std::to_string(us) + " microseconds is out of range for " +
                    type_name(typeid(D)));
  }
  D d = std::chrono::duration_cast<D>(microseconds(us));
  if constexpr (std::is_integral_v<typename D::rep>) {
    if (std::chrono::duration_cast<microseconds>(d) != microseconds(us)) {
      throw LoadError("duration of " + std::to_string(us) +
                      " microseconds is not a whole number of the parameter's unit (" +
                      type_name(typeid(D)) + ")");
    }
  }
  return d;
}

}  // namespace detail

template <class T>
struct Codec<std::optional<T>> {
  static constexpr Kind kind = Codec<T>::kind;
  static void dump(JsonWriter& w, const std::optional<T>& v, DumpContext& ctx) {
    if (v) {
      Codec<T>::dump(w, *v, ctx);
    } else {
      w.null();
    }
  }
  static std::optional<T> load(const JsonNode& node, LoadContext& ctx) {
    if (node.is(JsonType::Null)) return std::nullopt;
    return Codec<T>::load(node, ctx);
  }
};

template <>
struct Codec<std::nullopt_t> {
  static constexpr Kind kind = Kind::Null;
  static void dump(JsonWriter& w, std::nullopt_t, DumpContext&) { w.null(); }
};

template <class T, class A>
struct Codec<std::list<T, A>> : detail::SequenceCodec<std::list<T, A>> {};
template <class T, class A>
struct Codec<std::deque<T, A>> : detail::SequenceCodec<std::deque<T, A>> {};

template <class T, std::size_t N>
struct Codec<std::array<T, N>> {
  static constexpr Kind kind = Kind::Array;
  static void dump(JsonWriter& w, const std::array<T, N>& a, DumpContext& ctx) {
    detail::dump_elements(w, a, ctx);
  }
  static std::array<T, N> load(const JsonNode& node, LoadContext& ctx) {
    if (node.size() != N) detail::throw_wrong_length(N, node.size());
    return load_each(node, ctx, std::make_index_sequence<N>{});
  }

 private:
  template <std::size_t... I>
  static std::array<T, N> load_each(const JsonNode& node, LoadContext& ctx,
                                    std::index_sequence<I...>) {
    return {{detail::load_element<T>(node, I, ctx)...}};
  }
};

template <class A, class B>
struct Codec<std::pair<A, B>> : detail::TupleCodec<std::pair<A, B>> {};
template <class... T>
struct Codec<std::tuple<T...>> : detail::TupleCodec<std::tuple<T...>> {};

template <class K, class V, class C, class A>
struct Codec<std::map<K, V, C, A>> : detail::MapCodec<std::map<K, V, C, A>> {};
template <class K, class V, class H, class E, class A>
struct Codec<std::unordered_map<K, V, H, E, A>>
    : detail::MapCodec<std::unordered_map<K, V, H, E, A>> {};

template <class T, class C, class A>
struct Codec<std::set<T, C, A>> : detail::SetCodec<std::set<T, C, A>> {};
template <class T, class H, class E, class A>
struct Codec<std::unordered_set<T, H, E, A>> : detail::SetCodec<std::unordered_set<T, H, E, A>> {};

template <class T>
struct Codec<std::complex<T>> {
  static constexpr Kind kind = Kind::Complex;
  static void dump(JsonWriter& w, const std::complex<T>& c, DumpContext& ctx) {
    w.begin_object();
    w.key("__complex__");
    w.begin_array();
    Codec<T>::dump(w, c.real(), ctx);
    Codec<T>::dump(w, c.imag(), ctx);
    w.end_array();
    w.end_object();
  }
  static std::complex<T> load(const JsonNode& node, LoadContext& ctx) {
    JsonNode parts =
        detail::tricks_member(node, "__complex__", "a complex {\"__complex__\": [re, im]}");
    return detail::at_path("__complex__", [&] {
      if (parts.size() != 2) detail::throw_wrong_length(2, parts.size());
      return std::complex<T>(detail::load_element<T>(parts, 0, ctx),
                             detail::load_element<T>(parts, 1, ctx));
    });
  }
};

// Python's timedelta: days, seconds and microseconds, normalized as Python normalizes them;
// finer units round to the nearest microsecond, as timedelta() rounds.
template <class Rep, class Period>
struct Codec<std::chrono::duration<Rep, Period>> {
  using D = std::chrono::duration<Rep, Period>;
  static constexpr Kind kind = Kind::Duration;
  static void dump(JsonWriter& w, const D& d, DumpContext&) {
    detail::write_timedelta(w, std::chrono::round<std::chrono::microseconds>(d).count());
  }
  static D load(const JsonNode& node, LoadContext&) {
    return detail::from_microseconds<D>(detail::read_timedelta(node));
  }
};

// Python's naive datetime, read as UTC.
template <class Duration>
struct Codec<std::chrono::time_point<std::chrono::system_clock, Duration>> {
  using TP = std::chrono::time_point<std::chrono::system_clock, Duration>;
  static constexpr Kind kind = Kind::DateTime;
  static void dump(JsonWriter& w, const TP& t, DumpContext&) {
    detail::write_datetime(
        w, std::chrono::floor<std::chrono::microseconds>(t.time_since_epoch()).count());
  }
  static TP load(const JsonNode& node, LoadContext&) {
    return TP(detail::from_microseconds<Duration>(detail::read_datetime(node)));
  }
};

template <>
struct Codec<std::filesystem::path> {
  static constexpr Kind kind = Kind::Path;
  static void dump(JsonWriter& w, const std::filesystem::path& p, DumpContext&) {
    w.begin_object();
    w.key("__pathlib__");
    w.string(p.generic_string());
    w.end_object();
  }
  static std::filesystem::path load(const JsonNode& node, LoadContext&) {
    JsonNode text = detail::tricks_member(node, "__pathlib__", "a path {\"__pathlib__\": \"...\"}");
    return detail::at_path("__pathlib__",
                           [&] { return std::filesystem::path(std::string(text.as_string())); });
  }
};

}  // namespace nni
