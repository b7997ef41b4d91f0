// std::variant: written as its active alternative, with nothing added, so Python reads the plain
// value. A load picks the first alternative whose kind matches the JSON (for numbers, integral
// alternatives for integer literals and floating ones for the others) and that loads; if none
// does, the first alternative of a compatible kind that loads; else a LoadError.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "nni/codec.h"

namespace nni {

namespace detail {

// The kind a JSON value has: its JSON type, or the json-tricks / nni encoding an object carries.
Kind json_kind(const JsonNode& node) noexcept;

// Whether `node` is a value of an alternative of this kind (and, for numbers, this number type).
template <class T>
bool exactly_fits(const JsonNode& node) {
  Kind kind = json_kind(node);
  if (kind != Codec<T>::kind) return false;
  if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>) {
    return std::is_integral_v<T> == (node.is_int64() || node.is_uint64());
  }
  return true;
}

template <class Variant, std::size_t I>
bool try_load(const JsonNode& node, LoadContext& ctx, bool exact, std::optional<Variant>& out) {
  using Alternative = std::variant_alternative_t<I, Variant>;
  if (out || (exact && !exactly_fits<Alternative>(node))) return false;
  try {
    out.emplace(std::in_place_index<I>, Codec<Alternative>::load(node, ctx));
    return true;
  } catch (const LoadError&) {
    return false;
  }
}

}  // namespace detail

template <>
struct Codec<std::monostate> {
  static constexpr Kind kind = Kind::Null;
  static void dump(JsonWriter& w, std::monostate, DumpContext&) { w.null(); }
  static std::monostate load(const JsonNode& node, LoadContext&) {
    if (!node.is(JsonType::Null)) node.fail_expected("null");
    return {};
  }
};

template <class... T>
struct Codec<std::variant<T...>> {
  using Variant = std::variant<T...>;
  static constexpr Kind kind = Kind::Other;

  static void dump(JsonWriter& w, const Variant& v, DumpContext& ctx) {
    if (v.valueless_by_exception()) throw DumpError("a std::variant without a value");
    std::visit([&](const auto& alt) { Codec<std::decay_t<decltype(alt)>>::dump(w, alt, ctx); }, v);
  }

  static Variant load(const JsonNode& node, LoadContext& ctx) {
    std::optional<Variant> out;
    for (bool exact : {true, false}) {
      load_first(node, ctx, exact, out, std::index_sequence_for<T...>{});
      if (out) return std::move(*out);
    }
    std::string kinds;
    ((kinds += (kinds.empty() ? "" : ", ") + std::string(kind_name(Codec<T>::kind))), ...);
    node.fail_expected("a value of one of the variant's alternatives (" + kinds + ")");
  }

 private:
  template <std::size_t... I>
  static void load_first(const JsonNode& node, LoadContext& ctx, bool exact,
                         std::optional<Variant>& out, std::index_sequence<I...>) {
    (detail::try_load<Variant, I>(node, ctx, exact, out) || ...);
  }
};

}  // namespace nni
