// Human-readable names for messages.
#include <cxxabi.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "nni/detail/record.h"
#include "nni/errors.h"
#include "nni/json.h"
#include "nni/kind.h"

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
