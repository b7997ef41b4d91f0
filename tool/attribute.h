// The [[nni::trace]] attribute as Clang sees it (registered in attribute.cpp).
//
// Sema attaches an AnnotateAttr named kTraceAnnotation to each declaration that carries the
// attribute; its single optional argument is the custom symbol, a StringLiteral.
#pragma once

#include <optional>
#include <string>

namespace clang {
class Decl;
}  // namespace clang

namespace nni_gen {

inline constexpr const char* kTraceAnnotation = "nni::trace";

// Whether `decl` itself (or an earlier declaration it inherits from) carries [[nni::trace]].
bool hasTraceAttribute(const clang::Decl* decl);

// The attribute's string argument on `decl`, if it has one.
std::optional<std::string> traceAttributeSymbol(const clang::Decl* decl);

}  // namespace nni_gen
