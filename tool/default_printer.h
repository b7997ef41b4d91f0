// Re-prints a default argument from its AST so that it compiles in the generated file: every
// name a DeclRefExpr refers to (variables, static members, enumerators, functions) and every
// type written in a cast or temporary is fully qualified with a leading "::".
//
// Some defaults cannot be re-printed, and the reason is returned instead: a name that generated
// code may not use (private, protected, local), text that comes from a macro expanded in the
// default itself (the generator parses with Clang and -D__NNI_TRACE_GEN__, the user's compiler
// may expand it differently), the caller's source location (std::source_location::current(),
// __builtin_LINE(), ...: its value depends on where it is evaluated) and lambdas.
#pragma once

#include <functional>
#include <string>

namespace clang {
class ASTContext;
class Expr;
class ParmVarDecl;
class QualType;
struct PrintingPolicy;
}  // namespace clang

namespace nni_gen {

struct PrintedDefault {
  std::string text;     // the qualified expression, empty when it cannot be printed
  std::string problem;  // why not ("uses the private member 'demo::Foo::kSecret'"), else empty
};

// `typeName` spells a type fully qualified with a leading "::" (the reader's own spelling).
// `policy` prints what the printer does not handle itself (literals, operators).
PrintedDefault printQualifiedDefault(clang::ASTContext& ctx, const clang::ParmVarDecl& parm,
                                     const clang::Expr& init, const clang::PrintingPolicy& policy,
                                     const std::function<std::string(clang::QualType)>& typeName);

}  // namespace nni_gen
