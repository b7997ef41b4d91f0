// A default argument as the JSON a payload would give for it, when that is certain to load as
// the same value: then the runtime loads it like a payload's argument, and the generated file
// needs no code for it (docs/internals/generated-code.md, "Defaults").
#pragma once

#include <optional>
#include <string>

namespace clang {
class ASTContext;
class Expr;
class QualType;
}  // namespace clang

namespace nni_gen {

// Literal bools, integers and finite floating-point numbers (any constant expression of those
// types), std::string from a string literal, std::vector of such elements, and empty
// (`{}`) strings, vectors and maps, and null std::shared_ptr. std::nullopt for anything else.
std::optional<std::string> defaultAsJson(clang::ASTContext& ctx, const clang::Expr& init,
                                         clang::QualType type);

}  // namespace nni_gen
