// Human-readable names for messages.
#include <cxxabi.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "nni/detail/record.h"
#include "nni/errors.h"
#include "nni/json.h"
#include "nni/kind.h"
#include "nni/variant_codec.h"
#include "symbols.h"

namespace nni {

const char* kind_name(Kind kind) noexcept {
  switch (kind) {
    case Kind::Null: return "null";
    case Kind::Bool: return "bool";
    case Kind::Number: return "number";
    case Kind::String: return "string";
    case Kind::Array: return "array";
    case Kind::Object: return "object";
    case Kind::Traced: return "traced object";
    case Kind::Other: return "other";
    case Kind::Set: return "set";
    case Kind::Complex: return "complex";
    case Kind::Duration: return "timedelta";
    case Kind::DateTime: return "datetime";
    case Kind::Path: return "path";
    case Kind::NDArray: return "ndarray";
    case Kind::Instance: return "custom instance";
    case Kind::Enum: return "enum";
    case Kind::TypeRef: return "type reference";
  }
  return "other";
}

namespace detail {

Kind json_kind(const JsonNode& node) noexcept {
  switch (node.type()) {
    case JsonType::Null: return Kind::Null;
    case JsonType::Bool: return Kind::Bool;
    case JsonType::Number: return Kind::Number;
    case JsonType::String: return Kind::String;
    case JsonType::Array: return Kind::Array;
    case JsonType::Object: break;
  }
  static constexpr std::pair<std::string_view, Kind> kMarkers[] = {
      {"__symbol__", Kind::Traced},     {"__set__", Kind::Set},
      {"__complex__", Kind::Complex},   {"__timedelta__", Kind::Duration},
      {"__datetime__", Kind::DateTime}, {"__pathlib__", Kind::Path},
      {"__ndarray__", Kind::NDArray},   {"__instance_type__", Kind::Instance},
      {"__enum__", Kind::Enum},         {"__nni_type__", Kind::TypeRef},
      {"__nni_obj__", Kind::Other},
  };
  for (std::size_t i = 0, n = node.member_count(); i < n; ++i) {
    for (const auto& [marker, kind] : kMarkers) {
      if (node.member_name(i) == marker) return kind;
    }
  }
  return Kind::Object;
}

void throw_unexpected_traced_key(std::string_view key) {
  throw load_error_at("unexpected key '" + std::string(key) +
                          "' in a traced object (expected __symbol__, __args__, __kwargs__)",
                      {key});
}

std::string signature_text(const Entity& e, const Signature& s) {
  std::string out(e.symbol);
  out += '(';
  for (std::size_t i = 0; i < s.param_count; ++i) {
    if (i) out += ", ";
    out += s.params[i].name;
    if (s.params[i].has_default) out += "=...";
  }
  return out + ")";
}

std::string type_name(const std::type_info& type) {
  int status = 0;
  std::unique_ptr<char, void (*)(void*)> demangled(
      abi::__cxa_demangle(type.name(), nullptr, nullptr, &status), std::free);
  return status == 0 && demangled ? std::string(demangled.get()) : std::string(type.name());
}

void throw_out_of_range(std::string value, std::string min, std::string max) {
  throw LoadError("integer " + value + " is out of range [" + min + ", " + max + "]");
}

}  // namespace detail
}  // namespace nni
