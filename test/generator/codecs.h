// Types outside the kind table: an explicit nni::Codec<T> specialization gives its own kind;
// custom hooks (an nni::Custom<T> specialization, or _dump and _load members) are Instance; a
// class cereal can serialize (the runtime's binary fallback) is accepted as Other; anything
// else is an error at the parameter.
// RUN: not %nni-trace-gen %s -o %t.cpp -- -std=c++17 2>&1 | FileCheck %s --check-prefix=ERR --implicit-check-not=error:
// RUN: %nni-trace-gen %s -o %t.cpp -- -std=c++17 -DNO_ERRORS
// RUN: FileCheck %s --input-file %t.cpp
#pragma once
#include <string>

namespace nni {
enum class Kind : unsigned char { Null, Bool, Number, String, Array, Object, Traced, Other, Set };
template <class T, class Enable = void>
struct Codec;
template <class T, class Enable = void>
struct Custom;
}  // namespace nni

namespace geo {
struct LatLon {
  double lat, lon;
};
struct Blob {
  std::string bytes;
  template <class Archive>
  void serialize(Archive& archive);
};
struct Pixels {
  int w, h;
};
template <class Archive>
void serialize(Archive& archive, Pixels& pixels);
struct Opaque {};
struct Hooked {
  static Hooked _load(int attributes);
  int _dump() const;
};
struct Specialized {};
}  // namespace geo

template <>
struct nni::Custom<geo::Specialized> {};

template <>
struct nni::Codec<geo::LatLon> {
  static constexpr Kind kind = Kind::Array;
};

namespace geo {
class [[nni::trace]] Map {
 public:
#ifdef NO_ERRORS
  Map(LatLon center, const Blob& blob, Pixels pixels, Hooked hooked, Specialized special);
#else
  Map(LatLon center, const Blob& blob, Pixels pixels, Opaque opaque);
  // ERR: codecs.h:[[#@LINE-1]]:62: error: parameter 'opaque' of type 'Opaque' cannot be serialized
#endif
};
}  // namespace geo

// ERR: nni-trace-gen: error: errors in the input; no output written

// CHECK: {{[{][{]}}"center", 6}, ::nni::Kind::Array, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::geo::LatLon>, nullptr},
// CHECK-NEXT: {{[{][{]}}"blob", 4}, ::nni::Kind::Other, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::geo::Blob>, nullptr},
// CHECK-NEXT: {{[{][{]}}"pixels", 6}, ::nni::Kind::Other, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::geo::Pixels>, nullptr},
// CHECK-NEXT: {{[{][{]}}"hooked", 6}, ::nni::Kind::Instance, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::geo::Hooked>, nullptr},
// CHECK-NEXT: {{[{][{]}}"special", 7}, ::nni::Kind::Instance, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::geo::Specialized>, nullptr},
