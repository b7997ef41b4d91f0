// The reader of --check-calls: Clang AST of one source -> CallSite (model.h), one per call of
// the runtime's API that names a class or function.
#include "call_checker.h"

#include <memory>
#include <set>
#include <utility>

#include <clang/AST/ASTConsumer.h>
#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/Expr.h>
#include <clang/AST/QualTypeNames.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendAction.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/raw_ostream.h>

#include "attribute.h"
#include "checks.h"
#include "model.h"
#include "parse.h"

namespace nni_gen {
namespace {

using namespace clang;

// Whether any declaration of `decl` carries [[nni::trace]] (the attribute is inherited only by
// later declarations).
bool tracedAnywhere(const Decl* decl) {
  for (const Decl* redecl : decl->redecls())
    if (hasTraceAttribute(redecl)) return true;
  return false;
}

// A specialization that a template instantiated (Clang copies the template's attributes to it):
// traced only through an alias.
bool isImplicitSpecialization(const CXXRecordDecl* record) {
  const auto* spec = dyn_cast<ClassTemplateSpecializationDecl>(record);
  return spec && spec->getSpecializationKind() != TSK_ExplicitSpecialization;
}

bool isNamespace(const DeclContext* dc, llvm::StringRef name) {
  const auto* ns = dyn_cast<NamespaceDecl>(dc);
  return ns && ns->getName() == name && !ns->isInline() &&
         ns->getParent()->getRedeclContext()->isTranslationUnit();
}

// The entry points of the runtime's API that name a class or function (include/nni/api.h).
std::optional<CallApi> apiOf(const FunctionTemplateDecl* tmpl) {
  if (!isNamespace(tmpl->getDeclContext()->getRedeclContext(), "nni")) return std::nullopt;
  llvm::StringRef name = tmpl->getName();
  if (name == "make") return CallApi::Make;
  if (name == "make_unique") return CallApi::MakeUnique;
  if (name == "call") return CallApi::Call;
  if (name == "load" || name == "load_file") return CallApi::Load;
  return std::nullopt;
}

// The class a traced factory creates: X for X, std::shared_ptr<X>, std::unique_ptr<X> and
// nni::Traced<X> (as the reader of headers sees it).
const CXXRecordDecl* createdClass(QualType returned) {
  const CXXRecordDecl* record = returned.getNonReferenceType()->getAsCXXRecordDecl();
  const auto* spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(record);
  if (!spec || spec->getTemplateArgs().size() == 0 ||
      spec->getTemplateArgs()[0].getKind() != TemplateArgument::Type)
    return record;
  std::string name = spec->getSpecializedTemplate()->getQualifiedNameAsString();
  if (name == "std::shared_ptr" || name == "std::unique_ptr" || name == "nni::Traced")
    return spec->getTemplateArgs()[0].getAsType()->getAsCXXRecordDecl();
  return record;
}

// The classes the source sees traced (marked ones, and those a traced alias names) and those
// traced functions create. Declarations only (no function bodies): a traced entity in a
// function is refused anyway.
class TracedIndex : public RecursiveASTVisitor<TracedIndex> {
 public:
  bool TraverseStmt(Stmt*, DataRecursionQueue* = nullptr) { return true; }

  bool VisitCXXRecordDecl(CXXRecordDecl* record) {
    if (record->isThisDeclarationADefinition() && !record->getDescribedClassTemplate() &&
        !isImplicitSpecialization(record) && hasTraceAttribute(record))
      created.insert(record->getCanonicalDecl());
    return true;
  }

  bool VisitTypeAliasDecl(TypeAliasDecl* alias) {
    if (!hasTraceAttribute(alias)) return true;
    if (const CXXRecordDecl* record = alias->getUnderlyingType()->getAsCXXRecordDecl()) {
      created.insert(record->getCanonicalDecl());
      aliased.insert(record->getCanonicalDecl());
    }
    return true;
  }

  bool VisitFunctionDecl(FunctionDecl* function) {
    if (!isa<CXXMethodDecl>(function) && hasTraceAttribute(function))
      if (const CXXRecordDecl* record = createdClass(function->getReturnType()))
        created.insert(record->getCanonicalDecl());
    return true;
  }

  std::set<const CXXRecordDecl*> created;  // canonical declarations
  std::set<const CXXRecordDecl*> aliased;  // canonical declarations
};

class CallReader : public RecursiveASTVisitor<CallReader> {
  using Base = RecursiveASTVisitor<CallReader>;

 public:
  CallReader(ASTContext& ctx, const TracedIndex& index)
      : ctx_(ctx), sm_(ctx.getSourceManager()), index_(index), policy_(ctx.getPrintingPolicy()) {
    policy_.SuppressTagKeyword = true;
    policy_.SuppressUnwrittenScope = true;
    policy_.FullyQualifiedName = true;
    policy_.SplitTemplateClosers = false;
  }

  // A template's calls are judged in each of its instantiations, where T is known.
  bool shouldVisitTemplateInstantiations() const { return true; }

  // The runtime's own code (nni::make_unique calls nni::make) and system headers are not the
  // user's; the enclosing function is kept to tell where an instantiation was required.
  bool TraverseDecl(Decl* decl) {
    if (!decl) return true;
    if (!isa<TranslationUnitDecl>(decl)) {
      if (isa<NamespaceDecl>(decl) && isNamespace(cast<NamespaceDecl>(decl), "nni")) return true;
      SourceLocation loc = decl->getLocation();
      if (loc.isValid() && sm_.isInSystemHeader(sm_.getFileLoc(loc))) return true;
    }
    auto* function = dyn_cast<FunctionDecl>(decl);
    if (function) functions_.push_back(function);
    bool result = Base::TraverseDecl(decl);
    if (function) functions_.pop_back();
    return result;
  }

  // A generic lambda's instantiations are not declarations the traversal meets.
  bool TraverseLambdaExpr(LambdaExpr* lambda, DataRecursionQueue* queue = nullptr) {
    if (!Base::TraverseLambdaExpr(lambda, queue)) return false;
    if (FunctionTemplateDecl* tmpl = lambda->getDependentCallOperator())
      for (FunctionDecl* instance : tmpl->specializations())
        if (!TraverseDecl(instance)) return false;
    return true;
  }

  // Unevaluated operands call nothing: decltype(nni::make<T>()), sizeof, noexcept.
  bool TraverseDecltypeTypeLoc(DecltypeTypeLoc) { return true; }
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr*, DataRecursionQueue* = nullptr) {
    return true;
  }
  bool TraverseCXXNoexceptExpr(CXXNoexceptExpr*, DataRecursionQueue* = nullptr) { return true; }

  bool VisitCallExpr(CallExpr* call) {
    const FunctionDecl* callee = call->getDirectCallee();
    if (!callee) return true;  // a dependent call: judged in the instantiations
    const FunctionTemplateDecl* tmpl = callee->getPrimaryTemplate();
    std::optional<CallApi> api = tmpl ? apiOf(tmpl) : std::nullopt;
    const TemplateArgumentList* args = callee->getTemplateSpecializationArgs();
    if (!api || !args || args->size() == 0) return true;

    CallSite site;
    site.api = *api;
    site.callee = "nni::" + tmpl->getName().str();
    const auto* ref = dyn_cast<DeclRefExpr>(call->getCallee()->IgnoreParenImpCasts());
    site.location = toLocation(sm_, ref ? ref->getLocation() : call->getBeginLoc());
    const TemplateArgument& first = args->get(0);
    if (*api == CallApi::Call) {
      if (first.getKind() != TemplateArgument::Declaration) return true;
      const auto* function = dyn_cast<FunctionDecl>(first.getAsDecl());
      if (!function) return true;
      describeFunction(function, site);
    } else {
      if (first.getKind() != TemplateArgument::Type) return true;
      QualType written = first.getAsType();
      if (ref && ref->getNumTemplateArgs() > 0 &&
          ref->getTemplateArgs()[0].getArgument().getKind() == TemplateArgument::Type)
        written = ref->getTemplateArgs()[0].getArgument().getAsType();  // typedefs kept
      while (const auto* subst = written->getAs<SubstTemplateTypeParmType>())
        written = subst->getReplacementType();
      if (written->isDependentType()) return true;
      describeClass(written, site);
    }
    if (!functions_.empty() && functions_.back()->isTemplateInstantiation() &&
        functions_.back()->getPointOfInstantiation().isValid()) {
      const FunctionDecl* instance = functions_.back();
      llvm::raw_string_ostream name(site.instantiation);
      instance->getNameForDiagnostic(name, policy_, /*Qualified=*/true);
      site.instantiated_at = toLocation(sm_, instance->getPointOfInstantiation());
    }
    // A call that does not depend on the template's parameters is met in the template and in
    // each instantiation: once is enough.
    if (seen_.emplace(site.location.opaque, site.target).second) calls.push_back(std::move(site));
    return true;
  }

  std::vector<CallSite> calls;

 private:
  void describeClass(QualType written, CallSite& site) {
    QualType type = written.getCanonicalType().getUnqualifiedType();
    // Named as written when that is a typedef (std::string), else by its class.
    QualType named = written->getAs<TypedefType>() ? written.getUnqualifiedType() : type;
    site.target = TypeName::getFullyQualifiedName(named, ctx_, policy_, false);
    const CXXRecordDecl* record = type->getAsCXXRecordDecl();
    if (!record) {
      site.judged = true;  // nni::make<int>: not a class, never traced
      site.is_class = false;
      return;
    }
    const CXXRecordDecl* definition = record->getDefinition();
    if (!definition) return;  // incomplete here: nothing to judge
    site.judged = true;
    site.specialization = isImplicitSpecialization(definition);
    site.traced = (!site.specialization && tracedAnywhere(definition)) ||
                  index_.aliased.count(definition->getCanonicalDecl()) != 0;
    site.polymorphic = definition->isPolymorphic();
    for (const CXXRecordDecl* created : index_.created) {
      const CXXRecordDecl* derived = created->getDefinition();
      if (created == definition->getCanonicalDecl() ||
          (derived && derived->isDerivedFrom(definition))) {
        site.created_by_traced = true;
        break;
      }
    }
    // The note points at the class, or at the template a specialization comes from.
    const CXXRecordDecl* shown = definition;
    if (site.specialization)
      if (const ClassTemplateDecl* pattern =
              cast<ClassTemplateSpecializationDecl>(definition)->getSpecializedTemplate())
        shown = pattern->getTemplatedDecl()->getDefinition()
                    ? pattern->getTemplatedDecl()->getDefinition()
                    : pattern->getTemplatedDecl();
    if (shown->getLocation().isValid()) site.declaration = toLocation(sm_, shown->getLocation());
    if (!site.specialization)
      if (std::optional<Location> at = traceInsertion(definition, sm_, ctx_.getLangOpts()))
        site.trace_insertion = *at;
  }

  void describeFunction(const FunctionDecl* function, CallSite& site) {
    site.function = true;
    site.judged = true;
    site.target = function->getQualifiedNameAsString();
    site.traced = tracedAnywhere(function);
    const FunctionDecl* first = function->getFirstDecl();
    if (first->getLocation().isValid()) site.declaration = toLocation(sm_, first->getLocation());
    // `[[nni::trace]] ` before the declaration, where the attribute may go: a free function, not
    // a template or its specialization, declared in the user's sources.
    SourceLocation start = first->getBeginLoc();
    if (!isa<CXXMethodDecl>(first) && first->getTemplatedKind() == FunctionDecl::TK_NonTemplate &&
        !first->isInAnonymousNamespace() && start.isValid() && !start.isMacroID() &&
        !sm_.isInSystemHeader(start))
      site.trace_insertion = toLocation(sm_, start);
  }

  ASTContext& ctx_;
  SourceManager& sm_;
  const TracedIndex& index_;
  PrintingPolicy policy_;
  std::vector<FunctionDecl*> functions_;  // the functions being traversed, innermost last
  std::set<std::pair<std::uint64_t, std::string>> seen_;
};

class Consumer : public ASTConsumer {
 public:
  Consumer(CompilerInstance& ci, std::vector<std::string>& dependencies)
      : ci_(ci), dependencies_(dependencies) {}

  void HandleTranslationUnit(ASTContext& ctx) override {
    std::vector<std::string> read = filesRead(ci_.getSourceManager());
    dependencies_.insert(dependencies_.end(), read.begin(), read.end());
    if (ci_.getDiagnostics().hasErrorOccurred()) return;  // the AST may be incomplete
    TracedIndex index;
    index.TraverseDecl(ctx.getTranslationUnitDecl());
    CallReader reader(ctx, index);
    reader.TraverseDecl(ctx.getTranslationUnitDecl());
    reportFindings(ci_.getDiagnostics(), nni_gen::checkCalls(reader.calls));
  }

 private:
  CompilerInstance& ci_;
  std::vector<std::string>& dependencies_;
};

class Action : public ASTFrontendAction {
 public:
  explicit Action(std::vector<std::string>& dependencies) : dependencies_(dependencies) {}

 protected:
  // Function bodies are read (the header parse skips them).
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance& ci, llvm::StringRef) override {
    return std::make_unique<Consumer>(ci, dependencies_);
  }

 private:
  std::vector<std::string>& dependencies_;
};

}  // namespace

llvm::Expected<std::vector<std::string>> checkSourceCalls(const CheckCallsOptions& options) {
  std::vector<std::string> dependencies;
  bool ok = true;
  for (const std::string& source : options.sources) {
    ParseInput input;
    input.main_file = source;
    input.clang_args = options.clang_args;
    input.clang_args.push_back("-w");  // the user's compiler reports its own warnings
    input.resource_dir = options.resource_dir;
    if (!runParse(input, std::make_unique<Action>(dependencies))) ok = false;
  }
  if (!ok)
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "errors in the checked sources");
  std::set<std::string> unique(dependencies.begin(), dependencies.end());
  return std::vector<std::string>(unique.begin(), unique.end());
}

std::vector<std::string> withoutWarningFlags(const std::vector<std::string>& flags) {
  std::vector<std::string> out;
  for (const std::string& flag : flags) {
    llvm::StringRef f = flag;
    bool warning = (f.starts_with("-W") && !f.starts_with("-Wl,") && !f.starts_with("-Wa,") &&
                    !f.starts_with("-Wp,")) ||
                   f == "-w" || f == "-pedantic" || f == "-pedantic-errors" || f == "-Wpedantic";
    if (!warning) out.push_back(flag);
  }
  return out;
}

}  // namespace nni_gen
