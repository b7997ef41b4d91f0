// --check-calls: the uses of nni::make, nni::make_unique, nni::call and nni::load in a target's
// sources, each of which the runtime would refuse at run time (nni::NotTraced) when the class or
// function it names is not traced.
//
// One full parse per source (function bodies are read, templates instantiated, unlike the
// header parse); the reader turns each call into a CallSite (model.h), checkCalls (checks.h)
// judges them, and the findings are printed as the header checks' are.
#pragma once

#include <string>
#include <vector>

#include <llvm/Support/Error.h>

#include "checks.h"
#include "model.h"

namespace nni_gen {

// The judgement (in checks.cpp, beside the header checks): a call of nni::make,
// nni::make_unique or nni::call that names a class or function that is not traced, and a
// nni::load<T> whose T is not traced, not a polymorphic class, and not (a base of) a class that a
// traced class or function creates.
std::vector<Finding> checkCalls(const std::vector<CallSite>& calls);

struct CheckCallsOptions {
  std::vector<std::string> sources;     // absolute, canonical paths
  std::vector<std::string> clang_args;  // the target's compiler flags
  std::string resource_dir;             // Clang's resource directory (builtin headers)
};

// Parses each source on its own and reports its calls. Every source is parsed even after one
// fails. The files the parses read (for the depfile), or an error when any parse failed or
// any call was refused (the diagnostics are already printed then).
llvm::Expected<std::vector<std::string>> checkSourceCalls(const CheckCallsOptions& options);

// The compiler flags without warning options (-W<warning>, -w, -pedantic, ...): the check
// parse shows none of Clang's own warnings about the user's code (the user's compiler reports
// its own), so they need not be known to Clang either. -Wl, -Wa and -Wp options are kept.
std::vector<std::string> withoutWarningFlags(const std::vector<std::string>& flags);

}  // namespace nni_gen
