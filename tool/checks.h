// What the generator refuses (or warns about) in the model, reported as data.
//
// checkModel() is pure: it judges the model only. reportFindings() prints findings through
// Clang's DiagnosticsEngine, so they read like compiler diagnostics (file:line:col: error: ...,
// the source line, notes, fix-its) and count as errors of the parse.
#pragma once

#include <string>
#include <vector>

#include "model.h"

namespace clang {
class DiagnosticsEngine;
}  // namespace clang

namespace nni_gen {

enum class Severity { Note, Warning, Error };

struct FindingNote {
  Location location;
  std::string message;
  std::string insert_text;  // a fix-it inserting this text at `location`, when not empty
};

struct Finding {
  Severity severity = Severity::Error;
  Location location;
  std::string message;
  std::vector<FindingNote> notes;
};

struct CheckOptions {
  // A parameter that only the runtime's binary fallback can serialize is an error, not a warning.
  bool fallback_is_error = false;
};

// Checks of this stage: a traced class without a usable public constructor, an abstract class,
// an unnamed parameter, a parameter whose type cannot be serialized, a non-const reference
// parameter, a factory that does not return a class, and constructors or overloads that
// nni::make / nni::load could not tell apart, a parameter left to the binary fallback, two
// entities with one symbol, and a traced class template that no traced alias specializes.
std::vector<Finding> checkModel(const Model& model, const CheckOptions& options = {});

// Prints `findings` through `diags`; locations are decoded from Location::opaque.
void reportFindings(clang::DiagnosticsEngine& diags, const std::vector<Finding>& findings);

}  // namespace nni_gen
