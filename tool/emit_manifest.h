// Model -> the YAML manifest: every traced entity with its symbol, C++ name, declaration,
// signatures and bases, for people and tools that want to know what a target registers.
#pragma once

#include <string>

#include "model.h"

namespace nni_gen {

std::string emitManifest(const Model& model);

}  // namespace nni_gen
