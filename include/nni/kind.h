// The JSON kind of a C++ type: one definition shared by the generator's checks and the runtime's
// choice of constructor (DESIGN.md "Which constructor").
#pragma once

namespace nni {

enum class Kind : unsigned char {
  Null,    // std::nullptr_t
  Bool,    // bool
  Number,  // integers and floating point alike
  String,  // std::string, string literals
  Array,   // std::vector and other sequences
  Object,  // maps with string keys
  Traced,  // nni::Traced<T>, std::shared_ptr<T>: a nested trace (or null)
  Other,   // anything else: matches only itself
  // json-tricks encodings, each a kind of its own:
  Set,       // {"__set__": [...]}: std::set, std::unordered_set
  Complex,   // {"__complex__": [re, im]}: std::complex
  Duration,  // {"__timedelta__": null, ...}: std::chrono::duration
  DateTime,  // {"__datetime__": null, ...}: std::chrono::system_clock::time_point
  Path,      // {"__pathlib__": "..."}: std::filesystem::path
  NDArray,   // {"__ndarray__": [...], "dtype": ..., "shape": [...]}: nni::NDArray<T>
  Instance,  // {"__instance_type__": [...], "attributes": {...}}: custom hooks (nni/custom.h)
  Enum,      // {"__enum__": {"__enum_instance_type__": [module, name], "name": ...}}: enums
  TypeRef,   // {"__nni_type__": "path:..."}: nni::TypeRef
};

inline constexpr Kind kLastKind = Kind::TypeRef;

// How an arithmetic argument prints: the parameter's type decides, not the argument's, so that
// make<Normalize>(1) and a reload of its dump print the same payload.
enum class NumberHint : unsigned char { None, Int, UInt, Float32, Float64 };

const char* kind_name(Kind kind) noexcept;

}  // namespace nni
