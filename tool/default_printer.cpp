// Default arguments re-printed from the AST with every name fully qualified (default_printer.h).
#include "default_printer.h"

#include <optional>
#include <set>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/PrettyPrinter.h>
#include <clang/AST/TemplateBase.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>
#include <llvm/Support/raw_ostream.h>

namespace nni_gen {
namespace {

using namespace clang;

// The declaration's name as generated code spells it: "::a::b::name". Inline and anonymous
// namespaces are left out (their names are reachable from the enclosing namespace), unnamed
// enums too (their enumerators belong to the enclosing scope). Empty for a local name.
class Qualifier {
 public:
  Qualifier(ASTContext& ctx, const std::function<std::string(QualType)>& typeName)
      : ctx_(ctx), typeName_(typeName) {}

  std::optional<std::string> name(const NamedDecl* decl) {
    std::optional<std::string> scope = prefix(decl->getDeclContext());
    if (!scope) return std::nullopt;
    return *scope + decl->getDeclName().getAsString();
  }

 private:
  std::optional<std::string> prefix(const DeclContext* dc) {
    if (isa<TranslationUnitDecl>(dc)) return std::string("::");
    if (isa<LinkageSpecDecl, ExportDecl>(dc)) return prefix(dc->getParent());
    if (const auto* ns = dyn_cast<NamespaceDecl>(dc)) {
      std::optional<std::string> outer = prefix(dc->getParent());
      if (!outer || ns->isInline() || ns->isAnonymousNamespace()) return outer;
      return *outer + ns->getName().str() + "::";
    }
    if (const auto* enumDecl = dyn_cast<EnumDecl>(dc)) {
      if (enumDecl->getName().empty()) return prefix(dc->getParent());
      return typeName_(ctx_.getEnumType(enumDecl)) + "::";
    }
    if (const auto* record = dyn_cast<CXXRecordDecl>(dc)) {
      if (record->getName().empty() && !record->getTypedefNameForAnonDecl()) return std::nullopt;
      return typeName_(ctx_.getRecordType(record)) + "::";
    }
    return std::nullopt;  // a function's local scope, a block, ...
  }

  ASTContext& ctx_;
  const std::function<std::string(QualType)>& typeName_;
};

// Walks the default before printing and finds the first reason it cannot be re-printed.
class Inspector {
 public:
  Inspector(ASTContext& ctx, const ParmVarDecl& parm, Qualifier& qualifier)
      : ctx_(ctx), sm_(ctx.getSourceManager()), qualifier_(qualifier) {
    // The macro expansions that produced the parameter itself (a class declared by a macro):
    // tokens from these are the declaration's own text, not a macro used in the default.
    for (SourceLocation loc = parm.getLocation(); loc.isMacroID();) {
      if (sm_.isMacroArgExpansion(loc)) {
        loc = sm_.getImmediateSpellingLoc(loc);
        continue;
      }
      declaringExpansions_.insert(sm_.getFileID(loc));
      loc = sm_.getImmediateExpansionRange(loc).getBegin();
    }
  }

  std::string problem(const Stmt* stmt) {
    if (containsLambda(stmt)) return "is or calls a lambda";
    visit(stmt);
    return problem_;
  }

 private:
  void visit(const Stmt* stmt) {
    if (!stmt || !problem_.empty()) return;
    if (const auto* expr = dyn_cast<Expr>(stmt)) {
      if (expr->containsErrors()) return fail("contains errors");
      if (expr->isValueDependent() || expr->isTypeDependent())
        return fail("depends on a template parameter");
    }
    for (SourceLocation loc : {stmt->getBeginLoc(), stmt->getEndLoc()}) {
      if (std::string macro = macroIn(loc); !macro.empty())
        return fail("uses the macro '" + macro + "'");
    }
    if (isa<StmtExpr>(stmt)) return fail("is a statement expression");
    if (isa<SourceLocExpr>(stmt))
      return fail("takes the caller's source location, which depends on where it is evaluated");
    if (const auto* call = dyn_cast<CallExpr>(stmt)) {
      // std::source_location::current() takes the location through its own default argument.
      for (const Expr* arg : call->arguments()) {
        const auto* defaulted = dyn_cast<CXXDefaultArgExpr>(arg);
        if (defaulted && containsSourceLocation(defaulted->getExpr())) {
          const FunctionDecl* callee = call->getDirectCallee();
          return fail("calls '" + (callee ? callee->getQualifiedNameAsString() : "a function") +
                      "', which takes the caller's source location");
        }
      }
    }
    if (const auto* ref = dyn_cast<DeclRefExpr>(stmt)) checkName(ref->getDecl());
    if (const auto* member = dyn_cast<MemberExpr>(stmt)) checkAccess(member->getMemberDecl());
    if (const auto* expr = dyn_cast<Expr>(stmt);
        expr && isa<CXXTemporaryObjectExpr, ExplicitCastExpr, CXXScalarValueInitExpr>(expr)) {
      if (const TagDecl* tag = expr->getType()->getAsTagDecl()) checkAccess(tag);
    }
    if (const auto* construct = dyn_cast<CXXConstructExpr>(stmt))
      checkAccess(construct->getConstructor());
    for (const Stmt* child : stmt->children()) visit(child);
  }

  void checkName(const ValueDecl* decl) {
    if (isa<ParmVarDecl>(decl)) return fail("uses the parameter '" + decl->getNameAsString() + "'");
    if (const auto* var = dyn_cast<VarDecl>(decl); var && !var->hasGlobalStorage())
      return fail("uses the local name '" + decl->getNameAsString() + "'");
    if (!isa<VarDecl, EnumConstantDecl, FunctionDecl>(decl))
      return fail("uses '" + decl->getNameAsString() + "', which generated code cannot name");
    if (!qualifier_.name(decl))
      return fail("uses the local name '" + decl->getNameAsString() + "'");
    checkAccess(decl);
  }

  // A member that is not public, or a public member of a class or enum that is not.
  void checkAccess(const Decl* decl) {
    for (const Decl* at = decl; at && problem_.empty();
         at = dyn_cast_or_null<Decl>(at->getDeclContext())) {
      if (isa<TranslationUnitDecl, NamespaceDecl>(at)) break;
      AccessSpecifier access = at->getAccess();
      if (access != AS_private && access != AS_protected) continue;
      const auto* named = dyn_cast<NamedDecl>(at);
      return fail(std::string("uses the ") + (access == AS_private ? "private" : "protected") +
                  " " + (isa<TagDecl>(at) ? "type" : "member") + " '" +
                  (named ? named->getQualifiedNameAsString() : "") + "'");
    }
  }

  static bool containsLambda(const Stmt* stmt) {
    if (!stmt) return false;
    if (isa<LambdaExpr, BlockExpr>(stmt)) return true;
    for (const Stmt* child : stmt->children())
      if (containsLambda(child)) return true;
    return false;
  }

  bool containsSourceLocation(const Stmt* stmt) {
    if (!stmt) return false;
    if (isa<SourceLocExpr>(stmt)) return true;
    if (const auto* defaulted = dyn_cast<CXXDefaultArgExpr>(stmt))
      return containsSourceLocation(defaulted->getExpr());
    if (const auto* defaulted = dyn_cast<CXXDefaultInitExpr>(stmt))
      return containsSourceLocation(defaulted->getExpr());
    for (const Stmt* child : stmt->children())
      if (containsSourceLocation(child)) return true;
    return false;
  }

  // The name of the macro a token at `loc` comes from, unless that macro is one that declared
  // the parameter itself (or the token was written as a macro argument in the file).
  std::string macroIn(SourceLocation loc) {
    while (loc.isMacroID()) {
      if (sm_.isMacroArgExpansion(loc)) {
        loc = sm_.getImmediateSpellingLoc(loc);
        continue;
      }
      if (declaringExpansions_.count(sm_.getFileID(loc))) return {};
      llvm::StringRef name = Lexer::getImmediateMacroName(loc, sm_, ctx_.getLangOpts());
      return name.empty() ? std::string("?") : name.str();
    }
    return {};
  }

  void fail(std::string why) {
    if (problem_.empty()) problem_ = std::move(why);
  }

  ASTContext& ctx_;
  SourceManager& sm_;
  Qualifier& qualifier_;
  std::set<FileID> declaringExpansions_;
  std::string problem_;
};

// Prints names and written types fully qualified; the rest as Clang prints it.
class QualifyingHelper : public PrinterHelper {
 public:
  QualifyingHelper(Qualifier& qualifier, const PrintingPolicy& policy,
                   const std::function<std::string(QualType)>& typeName)
      : qualifier_(qualifier), policy_(policy), typeName_(typeName) {}

  bool handledStmt(Stmt* stmt, llvm::raw_ostream& os) override {
    if (auto* ref = dyn_cast<DeclRefExpr>(stmt)) {
      os << qualifier_.name(ref->getDecl()).value_or(ref->getDecl()->getNameAsString());
      if (ref->hasExplicitTemplateArgs())
        printTemplateArgumentList(os, ref->template_arguments(), policy_);
      return true;
    }
    if (auto* literal = dyn_cast<UserDefinedLiteral>(stmt)) {
      // "10ms" needs a using-directive in scope; the call it stands for does not.
      const FunctionDecl* op = literal->getDirectCallee();
      if (!op) return false;
      os << qualifier_.name(op).value_or(op->getNameAsString());
      if (const TemplateArgumentList* args = op->getTemplateSpecializationArgs())
        printTemplateArgumentList(os, args->asArray(), policy_);
      printArgs(literal->arguments(), "(", ")", os);
      return true;
    }
    if (auto* cast = dyn_cast<CXXFunctionalCastExpr>(stmt)) {
      os << typeName_(cast->getTypeAsWritten());
      bool parens = cast->getLParenLoc().isValid();
      if (parens) os << "(";
      print(cast->getSubExpr(), os);
      if (parens) os << ")";
      return true;
    }
    if (auto* temporary = dyn_cast<CXXTemporaryObjectExpr>(stmt)) {
      os << typeName_(temporary->getTypeSourceInfo()->getType());
      if (temporary->isStdInitListInitialization())
        printArgs(temporary->arguments(), "", "", os);  // the braces are the argument's
      else if (temporary->isListInitialization())
        printArgs(temporary->arguments(), "{", "}", os);
      else
        printArgs(temporary->arguments(), "(", ")", os);
      return true;
    }
    if (auto* init = dyn_cast<CXXScalarValueInitExpr>(stmt)) {
      os << typeName_(init->getType()) << "()";
      return true;
    }
    if (auto* named = dyn_cast<CXXNamedCastExpr>(stmt)) {
      os << named->getCastName() << "<" << typeName_(named->getTypeAsWritten()) << ">(";
      print(named->getSubExpr(), os);
      os << ")";
      return true;
    }
    if (auto* cast = dyn_cast<CStyleCastExpr>(stmt)) {
      os << "(" << typeName_(cast->getTypeAsWritten()) << ")";
      print(cast->getSubExpr(), os);
      return true;
    }
    return false;
  }

 private:
  void print(const Stmt* stmt, llvm::raw_ostream& os) { stmt->printPretty(os, this, policy_); }

  // Arguments up to the first one left to its own default (the compiler applies those again).
  template <class Range>
  void printArgs(Range args, const char* open, const char* close, llvm::raw_ostream& os) {
    os << open;
    bool first = true;
    for (const Expr* arg : args) {
      if (isa<CXXDefaultArgExpr>(arg)) break;
      if (!first) os << ", ";
      first = false;
      print(arg, os);
    }
    os << close;
  }

  Qualifier& qualifier_;
  const PrintingPolicy& policy_;
  const std::function<std::string(QualType)>& typeName_;
};

}  // namespace

PrintedDefault printQualifiedDefault(ASTContext& ctx, const ParmVarDecl& parm, const Expr& init,
                                     const PrintingPolicy& basePolicy,
                                     const std::function<std::string(QualType)>& typeName) {
  PrintedDefault out;
  Qualifier qualifier(ctx, typeName);
  out.problem = Inspector(ctx, parm, qualifier).problem(&init);
  if (!out.problem.empty()) return out;
  // Types the helper does not print itself (sizeof(T), template arguments) print with their
  // full scope rather than as written.
  PrintingPolicy policy = basePolicy;
  policy.SuppressElaboration = true;
  policy.SuppressScope = false;
  QualifyingHelper helper(qualifier, policy, typeName);
  llvm::raw_string_ostream os(out.text);
  init.printPretty(os, &helper, policy);
  os.flush();
  return out;
}

}  // namespace nni_gen
