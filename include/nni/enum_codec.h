// Enums travel by enumerator name, as json-tricks encodes Python enum members:
//   {"__enum__": {"__enum_instance_type__": ["demo", "Color"], "name": "GREEN"}}
// The generator registers the names of every enum a traced signature uses; map keys of an enum
// type are written as the enumerator's name.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <typeinfo>

#include "nni/codec.h"
#include "nni/detail/metadata.h"
#include "nni/std_codecs.h"

namespace nni {

namespace detail {

void write_enum(JsonWriter& w, const std::type_info& type, std::int64_t value);
std::int64_t read_enum(const JsonNode& node, const std::type_info& type);
std::string_view enum_name(const std::type_info& type, std::int64_t value);  // DumpError
std::int64_t enum_value(const std::type_info& type, std::string_view name);  // LoadError

template <class E>
std::int64_t enum_to_int(E e) {
  return static_cast<std::int64_t>(static_cast<std::underlying_type_t<E>>(e));
}

template <class E>
struct KeyCodec<E, std::enable_if_t<std::is_enum_v<E>>> {
  static std::string to_text(E e) { return std::string(enum_name(typeid(E), enum_to_int(e))); }
  static E from_text(std::string_view text) {
    return static_cast<E>(static_cast<std::underlying_type_t<E>>(enum_value(typeid(E), text)));
  }
};

}  // namespace detail

template <class E>
struct Codec<E, std::enable_if_t<std::is_enum_v<E>>> {
  static constexpr Kind kind = Kind::Enum;
  static void dump(JsonWriter& w, E e, DumpContext&) {
    detail::write_enum(w, typeid(E), detail::enum_to_int(e));
  }
  static E load(const JsonNode& node, LoadContext&) {
    return static_cast<E>(
        static_cast<std::underlying_type_t<E>>(detail::read_enum(node, typeid(E))));
  }
};

}  // namespace nni
