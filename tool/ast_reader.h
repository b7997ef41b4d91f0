// Parses the input headers once with Clang and turns their [[nni::trace]] declarations into the
// model (model.h). Runs the checks (checks.h) on the model and prints every diagnostic.
#pragma once

#include <string>
#include <vector>

#include <llvm/Support/Error.h>

#include "model.h"

namespace nni_gen {

struct ReadOptions {
  std::vector<std::string> headers;     // absolute, canonical paths, in command-line order
  std::vector<std::string> clang_args;  // the target's compiler flags
  std::string resource_dir;             // Clang's resource directory (builtin headers)
  bool fallback_is_error = false;       // a parameter left to the binary fallback is an error
  std::string pch_dir;                  // where to look for a precompiled <nni/trace.h>; "": none
  bool verbose = false;                 // say whether the precompiled <nni/trace.h> was read
};

// One parse of all headers. Fails when the parse or the checks reported an error (the
// diagnostics are already printed then).
llvm::Expected<Model> readModel(const ReadOptions& options);

}  // namespace nni_gen
