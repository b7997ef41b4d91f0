// Names of the model's enumerations, as the manifest writes them.
#include "model.h"

namespace nni_gen {

const char* to_string(ParamKind kind) {
  switch (kind) {
    case ParamKind::Null: return "null";
    case ParamKind::Bool: return "bool";
    case ParamKind::Number: return "number";
    case ParamKind::String: return "string";
    case ParamKind::Array: return "array";
    case ParamKind::Object: return "object";
    case ParamKind::Traced: return "traced";
    case ParamKind::Set: return "set";
    case ParamKind::Complex: return "complex";
    case ParamKind::Duration: return "duration";
    case ParamKind::DateTime: return "datetime";
    case ParamKind::Path: return "path";
    case ParamKind::NDArray: return "ndarray";
    case ParamKind::Instance: return "instance";
    case ParamKind::Enum: return "enum";
    case ParamKind::TypeRef: return "typeref";
    case ParamKind::Other: break;
  }
  return "other";
}

const char* to_string(NumberHint hint) {
  switch (hint) {
    case NumberHint::Int: return "int";
    case NumberHint::UInt: return "uint";
    case NumberHint::Float32: return "float32";
    case NumberHint::Float64: return "float64";
    case NumberHint::None: break;
  }
  return "none";
}

const char* to_string(ReturnShape shape) {
  switch (shape) {
    case ReturnShape::SharedPtr: return "shared_ptr";
    case ReturnShape::UniquePtr: return "unique_ptr";
    case ReturnShape::Traced: return "traced";
    case ReturnShape::Value: break;
  }
  return "value";
}

const char* to_string(EntityKind kind) { return kind == EntityKind::Class ? "class" : "function"; }

}  // namespace nni_gen
