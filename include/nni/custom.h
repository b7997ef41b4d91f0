// Custom hooks: a type that brings its own dump/load pair, encoded as json-tricks encodes an
// object with __json_encode__ / __json_decode__ (and NNI's _dump / _load):
//   {"__instance_type__": ["demo", "Point"], "attributes": {"x": 1, "y": 2}}
// Either specialize nni::Custom<T> next to the type (as fmt::formatter<T>):
//   template <> struct nni::Custom<demo::Point> {
//     static nni::Value::Object dump(const demo::Point& p) { return {{"x", p.x}, {"y", p.y}}; }
//     static demo::Point load(const nni::Value::Object& attributes);
//   };
// or give the type the members  Value::Object _dump() const  and  static T _load(const
// Value::Object&). Optionally `static constexpr const char* name = "demo::Point";` (either
// place) names the type in the payload; by default it is the demangled C++ name.
#pragma once

#include <string>
#include <type_traits>
#include <utility>

#include "nni/codec.h"
#include "nni/value.h"

namespace nni {

template <class T, class Enable = void>
struct Custom;  // specialize for a type to give it custom hooks

namespace detail {

template <class T, class = void>
struct has_custom_specialization : std::false_type {};
template <class T>
struct has_custom_specialization<
    T, std::void_t<decltype(Custom<T>::dump(std::declval<const T&>())),
                   decltype(Custom<T>::load(std::declval<const Value::Object&>()))>>
    : std::true_type {};

template <class T, class = void>
struct has_member_hooks : std::false_type {};
template <class T>
struct has_member_hooks<T, std::void_t<decltype(std::declval<const T&>()._dump()),
                                       decltype(T::_load(std::declval<const Value::Object&>()))>>
    : std::true_type {};

template <class T>
inline constexpr bool has_hooks_v =
    has_custom_specialization<T>::value || has_member_hooks<T>::value;

template <class Source, class = void>
struct has_name : std::false_type {};
template <class Source>
struct has_name<Source, std::void_t<decltype(Source::name)>> : std::true_type {};

template <class T>
std::string instance_type_name() {
  if constexpr (has_custom_specialization<T>::value && has_name<Custom<T>>::value) {
    return Custom<T>::name;
  } else if constexpr (has_name<T>::value) {
    return T::name;
  } else {
    return type_name(typeid(T));
  }
}

// ["demo", "Point"] for "demo::Point": module and name, as json-tricks writes them.
void write_instance(JsonWriter& w, const std::string& cpp_name, const Value::Object& attributes,
                    DumpContext& ctx);
Value::Object read_instance(const JsonNode& node, const std::string& cpp_name);

}  // namespace detail

template <class T>
struct Codec<T, std::enable_if_t<detail::has_hooks_v<T>>> {
  static constexpr Kind kind = Kind::Instance;
  static void dump(JsonWriter& w, const T& value, DumpContext& ctx) {
    if constexpr (detail::has_custom_specialization<T>::value) {
      detail::write_instance(w, detail::instance_type_name<T>(), Custom<T>::dump(value), ctx);
    } else {
      detail::write_instance(w, detail::instance_type_name<T>(), value._dump(), ctx);
    }
  }
  static T load(const JsonNode& node, LoadContext&) {
    Value::Object attributes = detail::read_instance(node, detail::instance_type_name<T>());
    if constexpr (detail::has_custom_specialization<T>::value) {
      return Custom<T>::load(attributes);
    } else {
      return T::_load(attributes);
    }
  }
};

}  // namespace nni
