// Registers [[nni::trace]] and [[nni::trace("symbol")]] with Clang's attribute machinery, so that
// the parser accepts them, Sema checks where they appear, and the AST carries them as an
// AnnotateAttr that the reader finds.
#include "attribute.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/Basic/DiagnosticIDs.h>
#include <clang/Sema/ParsedAttr.h>
#include <clang/Sema/Sema.h>

namespace nni_gen {
namespace {

using namespace clang;

unsigned errorID(Sema& sema, llvm::StringRef format) {
  return sema.getDiagnostics().getDiagnosticIDs()->getCustomDiagID(DiagnosticIDs::Error, format);
}

unsigned warningID(Sema& sema, llvm::StringRef format) {
  return sema.getDiagnostics().getDiagnosticIDs()->getCustomDiagID(DiagnosticIDs::Warning, format);
}

bool isNniScoped(const ParsedAttr& attr) {
  return attr.hasScope() && attr.getScopeName() && attr.getScopeName()->getName() == "nni";
}

// What a declaration is, for the message that says the attribute does not belong there.
const char* describe(const Decl* decl) {
  if (isa<VarDecl>(decl) || isa<FieldDecl>(decl)) return "a variable";
  if (const auto* function = dyn_cast<FunctionDecl>(decl)) {
    if (function->getDescribedFunctionTemplate())
      return isa<CXXConstructorDecl>(function) ? "a constructor template" : "a function template";
    if (isa<CXXMethodDecl>(function)) return "a member function";
  }
  if (const auto* record = dyn_cast<CXXRecordDecl>(decl)) {
    if (isa<ClassTemplatePartialSpecializationDecl>(record))
      return "a class template partial specialization";
  }
  if (isa<TypedefDecl>(decl)) return "a typedef";
  if (isa<EnumDecl>(decl)) return "an enumeration";
  if (isa<NamespaceDecl>(decl)) return "a namespace";
  return "this declaration";
}

bool appertains(const Decl* decl) {
  if (const auto* record = dyn_cast<CXXRecordDecl>(decl)) {
    if (record->isUnion()) return false;
    // A class template may be marked (its specializations are traced by aliases); a partial
    // specialization may not.
    return !isa<ClassTemplatePartialSpecializationDecl>(record);
  }
  if (const auto* ctor = dyn_cast<CXXConstructorDecl>(decl))
    return !ctor->getDescribedFunctionTemplate();
  if (const auto* function = dyn_cast<FunctionDecl>(decl)) {
    return !isa<CXXMethodDecl>(function) && !function->getDescribedFunctionTemplate() &&
           !function->isDependentContext();
  }
  return isa<TypeAliasDecl>(decl);
}

struct TraceAttrInfo : ParsedAttrInfo {
  static constexpr Spelling kSpellings[] = {
      {AttributeCommonInfo::AS_CXX11, "nni::trace"},
      // Without the unscoped spelling Clang 19's parser drops the argument list of the scoped
      // one (it looks plugin attributes up without their scope). The scope is checked below.
      {AttributeCommonInfo::AS_CXX11, "trace"},
  };

  TraceAttrInfo() {
    OptArgs = 1;
    Spellings = kSpellings;
  }

  bool diagAppertainsToDecl(Sema& sema, const ParsedAttr& attr, const Decl* decl) const override {
    if (!isNniScoped(attr)) return true;  // handleDeclAttribute ignores it with a warning
    if (appertains(decl)) return true;
    const char* hint = "";
    if (isa<CXXRecordDecl>(decl) && !cast<CXXRecordDecl>(decl)->isUnion())
      hint =
          "; trace a specialization with an alias declaration instead "
          "(using FloatBox [[nni::trace]] = Box<float>;)";
    sema.Diag(attr.getLoc(),
              errorID(sema,
                      "'nni::trace' attribute only applies to classes, free functions, "
                      "constructors and alias declarations, not to %0%1"))
        << describe(decl) << hint << attr.getRange();
    return false;
  }

  AttrHandling handleDeclAttribute(Sema& sema, Decl* decl, const ParsedAttr& attr) const override {
    if (!isNniScoped(attr)) {
      sema.Diag(attr.getLoc(), warningID(sema, "unknown attribute '%0' ignored"))
          << attr.getNormalizedFullName() << attr.getRange();
      return AttributeNotApplied;
    }
    llvm::SmallVector<Expr*, 1> args;
    if (attr.getNumArgs() > 1) {
      sema.Diag(attr.getLoc(),
                errorID(sema, "'nni::trace' takes at most one argument, the symbol string"))
          << attr.getRange();
      return AttributeNotApplied;
    }
    if (attr.getNumArgs() == 1) {
      const auto* literal =
          attr.isArgExpr(0)
              ? dyn_cast_or_null<StringLiteral>(
                    attr.getArgAsExpr(0) ? attr.getArgAsExpr(0)->IgnoreParens() : nullptr)
              : nullptr;
      SourceLocation where = attr.isArgExpr(0) && attr.getArgAsExpr(0)
                                 ? attr.getArgAsExpr(0)->getBeginLoc()
                                 : attr.getLoc();
      if (attr.isArgIdent(0)) where = attr.getArgAsIdent(0)->Loc;
      if (!literal || !literal->isOrdinary()) {
        sema.Diag(where, errorID(sema,
                                 "the argument of 'nni::trace' must be a string literal "
                                 "(the symbol payloads use)"));
        return AttributeNotApplied;
      }
      if (literal->getString().trim().empty()) {
        sema.Diag(where, errorID(sema, "'nni::trace' symbol must not be empty"));
        return AttributeNotApplied;
      }
      if (const auto* record = dyn_cast<CXXRecordDecl>(decl);
          record && record->getDescribedClassTemplate()) {
        sema.Diag(where, errorID(sema,
                                 "a class template's specializations need symbols of their own; "
                                 "give the symbol on each traced alias instead"));
        return AttributeNotApplied;
      }
      args.push_back(attr.getArgAsExpr(0));
    }
    if (const auto* alias = dyn_cast<TypeAliasDecl>(decl)) {
      QualType aliased = alias->getUnderlyingType();
      if (aliased->isDependentType()) {
        sema.Diag(attr.getLoc(), errorID(sema,
                                         "'nni::trace' alias must name a concrete class, not a "
                                         "dependent type"))
            << attr.getRange();
        return AttributeNotApplied;
      }
      if (!aliased->getAsCXXRecordDecl() || aliased->isUnionType()) {
        sema.Diag(attr.getLoc(),
                  errorID(sema, "'nni::trace' alias must name a class; %0 is not a class"))
            << aliased << attr.getRange();
        return AttributeNotApplied;
      }
      // Instantiates a template specialization so that its constructors can be read.
      if (!sema.isCompleteType(attr.getLoc(), aliased)) {
        sema.Diag(attr.getLoc(), errorID(sema, "'nni::trace' alias names the incomplete class %0"))
            << aliased << attr.getRange();
        return AttributeNotApplied;
      }
    }
    decl->addAttr(AnnotateAttr::Create(sema.Context, kTraceAnnotation, args.data(), args.size(),
                                       attr.getRange()));
    return AttributeApplied;
  }
};

ParsedAttrInfoRegistry::Add<TraceAttrInfo> registerTrace("nni-trace", "[[nni::trace]]");

const AnnotateAttr* findTraceAnnotation(const Decl* decl) {
  for (const auto* annotate : decl->specific_attrs<AnnotateAttr>())
    if (annotate->getAnnotation() == kTraceAnnotation) return annotate;
  return nullptr;
}

}  // namespace

bool hasTraceAttribute(const clang::Decl* decl) { return findTraceAnnotation(decl) != nullptr; }

std::optional<std::string> traceAttributeSymbol(const clang::Decl* decl) {
  const auto* annotate = findTraceAnnotation(decl);
  if (!annotate || annotate->args_size() == 0) return std::nullopt;
  const auto* literal =
      llvm::dyn_cast<clang::StringLiteral>((*annotate->args_begin())->IgnoreParenImpCasts());
  if (!literal) return std::nullopt;
  return literal->getString().str();
}

}  // namespace nni_gen
