// The generator: model -> the C++ source of docs/internals/generated-code.md.
#pragma once

#include <string>

#include "model.h"

namespace nni_gen {

struct CppOptions {
  std::string anchor;  // already an identifier suffix; empty: no anchor symbol
  // Also a typed build from simdjson's tape per constructor (a TapeLoadFn): faster loads, at
  // the cost of a typed record and constructor call per argument count to compile.
  bool fast_loads = false;
};

std::string emitCpp(const Model& model, const CppOptions& options);

// `name` with every character that cannot appear in an identifier replaced by '_'.
std::string sanitizeIdentifier(const std::string& name);

}  // namespace nni_gen
