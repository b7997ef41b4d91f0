// The mapper: Clang AST -> model. Only declarations whose location is in one of the input headers
// are read, so a header that includes another library's traced header registers nothing twice.
#include "ast_reader.h"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <tuple>
#include <utility>

#include <clang/AST/ASTConsumer.h>
#include <clang/AST/ASTContext.h>
#include <clang/AST/CXXInheritance.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/QualTypeNames.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/FileManager.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/CompilerInvocation.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Frontend/TextDiagnosticPrinter.h>
#include <clang/Lex/Lexer.h>
#include <clang/Sema/Sema.h>
#include <clang/Tooling/ArgumentsAdjusters.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/StringSet.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/VirtualFileSystem.h>

#include "attribute.h"
#include "checks.h"
#include "default_json.h"
#include "default_printer.h"
#include "parse.h"
#include "record_names.h"
#include "trace_pch.h"

namespace nni_gen {
namespace {

using namespace clang;

// ---- Type classification (docs/internals/generated-code.md, "Rules the emitter follows") ----

bool isNniTraced(const CXXRecordDecl* record) {
  return isa_and_nonnull<ClassTemplateSpecializationDecl>(record) &&
         plainQualifiedName(record) == "nni::Traced";
}

llvm::StringRef stdSmartPointer(const CXXRecordDecl* record) {
  if (!isa_and_nonnull<ClassTemplateSpecializationDecl>(record)) return {};
  std::string name = plainQualifiedName(record);
  if (name == "std::shared_ptr") return "shared_ptr";
  if (name == "std::unique_ptr") return "unique_ptr";
  return {};
}

struct Classified {
  ParamKind kind = ParamKind::Other;
  NumberHint hint = NumberHint::None;
  bool serializable = false;     // a codec exists (always, for kinds other than Other)
  bool binary_fallback = false;  // only through the runtime's binary fallback (cereal)
  // The type inside a container, tuple, variant or std::shared_ptr that makes the whole not
  // serializable (the first without a codec) or left to the binary fallback (the first such);
  // null when that is the type itself (or the type its std::optional holds).
  QualType inner;
  bool inner_by_pointer = false;  // `inner` is held through a std::shared_ptr or nni::Traced
  // Why it is not serializable (when !serializable); `inner` is the type named, and for
  // UniquePtrInside `held` is the class that std::unique_ptr holds.
  Unserializable problem = Unserializable::NoCodec;
  QualType held;
};

Classified refused(Unserializable problem, QualType inner, bool byPointer = false) {
  Classified out;
  out.problem = problem;
  out.inner = inner;
  out.inner_by_pointer = byPointer;
  return out;
}

// The runtime's own nni::Codec, when the parse saw it; lets the reader honour codecs that user
// code declares as explicit specializations.
class CodecLookup {
 public:
  CodecLookup(ASTContext& ctx, Sema& sema) : ctx_(ctx), sema_(sema) {}

  // The definition of a class, instantiating a class template specialization that nothing has
  // instantiated yet (a declaration's parameter types need not be complete), as the generated
  // code will. Null for an incomplete class.
  const CXXRecordDecl* definition(const CXXRecordDecl* record) {
    if (const CXXRecordDecl* found = record->getDefinition()) return found;
    if (!isa<ClassTemplateSpecializationDecl>(record)) return nullptr;
    Sema::SFINAETrap trap(sema_);
    if (!sema_.isCompleteType(record->getLocation(), ctx_.getRecordType(record)) ||
        trap.hasErrorOccurred())
      return nullptr;
    return record->getDefinition();
  }

  // Whether an explicit specialization nni::Custom<T> gives T custom hooks.
  bool hasCustomHooks(QualType type) {
    return explicitSpecialization(find("Custom", custom_, searchedCustom_), type);
  }

  // Whether an explicit specialization nni::detail::KeyCodec<K> gives K a map key codec (the
  // runtime declares its std::string one so; integers and enums have partial specializations).
  bool hasExplicitKeyCodec(QualType key) {
    return explicitSpecialization(find("KeyCodec", keyCodec_, searchedKey_, "detail"), key);
  }

  // The kind an explicit specialization nni::Codec<T> declares, if there is one.
  std::optional<ParamKind> explicitKind(QualType type) {
    ClassTemplateSpecializationDecl* spec =
        explicitSpecialization(find("Codec", codec_, searched_), type);
    if (!spec) return std::nullopt;
    for (NamedDecl* member : spec->lookup(&ctx_.Idents.get("kind"))) {
      auto* var = dyn_cast<VarDecl>(member);
      if (!var || !var->getInit()) continue;
      if (const APValue* value = var->evaluateValue(); value && value->isInt()) {
        int64_t index = value->getInt().getExtValue();
        if (index >= 0 && index <= static_cast<int64_t>(nni::kLastKind))
          return static_cast<ParamKind>(index);
      }
    }
    return ParamKind::Other;
  }

 private:
  // The class template nni::<name> (or nni::<inner>::<name>), looked up once.
  ClassTemplateDecl* find(llvm::StringRef name, ClassTemplateDecl*& found, bool& searched,
                          llvm::StringRef inner = {}) {
    if (searched) return found;
    searched = true;
    for (NamedDecl* ns : ctx_.getTranslationUnitDecl()->lookup(&ctx_.Idents.get("nni"))) {
      if (!isa<NamespaceDecl>(ns)) continue;
      if (inner.empty()) {
        if ((found = templateIn(cast<NamespaceDecl>(ns), name))) return found;
        continue;
      }
      for (NamedDecl* nested : cast<NamespaceDecl>(ns)->lookup(&ctx_.Idents.get(inner))) {
        if (!isa<NamespaceDecl>(nested)) continue;
        if ((found = templateIn(cast<NamespaceDecl>(nested), name))) return found;
      }
    }
    return found;
  }

  ClassTemplateDecl* templateIn(NamespaceDecl* ns, llvm::StringRef name) {
    for (NamedDecl* decl : ns->lookup(&ctx_.Idents.get(name)))
      if (auto* found = dyn_cast<ClassTemplateDecl>(decl)) return found;
    return nullptr;
  }

  // The explicit specialization of `tmpl` for `type` that the parse saw, if any.
  ClassTemplateSpecializationDecl* explicitSpecialization(ClassTemplateDecl* tmpl, QualType type) {
    if (!tmpl) return nullptr;
    CanQualType wanted = ctx_.getCanonicalType(type);
    for (ClassTemplateSpecializationDecl* spec : tmpl->specializations()) {
      if (spec->getSpecializationKind() != TSK_ExplicitSpecialization) continue;
      QualType arg = templateArg(spec, 0);
      if (!arg.isNull() && ctx_.getCanonicalType(arg) == wanted) return spec;
    }
    return nullptr;
  }

  ASTContext& ctx_;
  Sema& sema_;
  ClassTemplateDecl* codec_ = nullptr;
  bool searched_ = false;
  ClassTemplateDecl* custom_ = nullptr;
  bool searchedCustom_ = false;
  ClassTemplateDecl* keyCodec_ = nullptr;
  bool searchedKey_ = false;
};

// A specialization that a template instantiated (Clang copies the template's attributes to it).
bool isImplicitSpecialization(const CXXRecordDecl* record) {
  const auto* spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(record);
  return spec && spec->getSpecializationKind() != TSK_ExplicitSpecialization;
}

// The public bases of a class, direct or indirect (definitions).
void collectPublicBases(const CXXRecordDecl* record, std::vector<const CXXRecordDecl*>& out,
                        std::set<const CXXRecordDecl*>& seen) {
  for (const CXXBaseSpecifier& base : record->bases()) {
    if (base.getAccessSpecifier() != AS_public) continue;
    const CXXRecordDecl* decl = base.getType()->getAsCXXRecordDecl();
    if (!decl || !(decl = decl->getDefinition())) continue;
    if (seen.insert(decl->getCanonicalDecl()).second) out.push_back(decl);
    collectPublicBases(decl, out, seen);
  }
}

// Whether a new-expression for `record` would call a class-specific operator new or delete
// (declared in the class or any base).
bool hasOwnAllocation(const CXXRecordDecl* record) {
  ASTContext& ctx = record->getASTContext();
  for (OverloadedOperatorKind op : {OO_New, OO_Delete}) {
    if (!record->lookup(ctx.DeclarationNames.getCXXOperatorName(op)).empty()) return true;
  }
  for (const CXXBaseSpecifier& base : record->bases()) {
    const CXXRecordDecl* decl = base.getType()->getAsCXXRecordDecl();
    if (decl && (decl = decl->getDefinition()) && hasOwnAllocation(decl)) return true;
  }
  return false;
}

// What the whole parse traces and creates, read before the headers' entities so that a parameter
// may name a class that a later alias traces: classes marked [[nni::trace]], classes a traced
// alias names, and what traced functions return. Every header counts, not only the input
// headers: another library's traced header registers its classes in its own generation.
class TracedIndex : public RecursiveASTVisitor<TracedIndex> {
 public:
  explicit TracedIndex(ASTContext& ctx) { TraverseDecl(ctx.getTranslationUnitDecl()); }

  // The precompiled <nni/trace.h> (trace_pch.h) declares nothing traced; walking it would load
  // every declaration it holds, which costs as much as parsing it.
  bool TraverseDecl(Decl* decl) {
    if (decl && decl->isFromASTFile()) return true;
    return RecursiveASTVisitor::TraverseDecl(decl);
  }

  bool TraverseStmt(Stmt*, DataRecursionQueue* = nullptr) { return true; }

  bool VisitCXXRecordDecl(CXXRecordDecl* record) {
    if (record->isThisDeclarationADefinition() && !record->getDescribedClassTemplate() &&
        !isImplicitSpecialization(record) && hasTraceAttribute(record))
      add(record, owned_);
    return true;
  }

  bool VisitTypeAliasDecl(TypeAliasDecl* alias) {
    if (!hasTraceAttribute(alias) || alias->getUnderlyingType()->isDependentType()) return true;
    if (const CXXRecordDecl* record = alias->getUnderlyingType()->getAsCXXRecordDecl()) {
      aliased_.insert(record->getCanonicalDecl());
      add(record, owned_);
    }
    return true;
  }

  // A factory's result: a std::unique_ptr parameter may own what it returns by value or as a
  // std::unique_ptr; a std::shared_ptr or nni::Traced result keeps an owner (take_unique).
  bool VisitFunctionDecl(FunctionDecl* function) {
    if (isa<CXXMethodDecl>(function) || function->isDependentContext() ||
        function->getDescribedFunctionTemplate() || !hasTraceAttribute(function))
      return true;
    const CXXRecordDecl* result =
        function->getReturnType().getNonReferenceType()->getAsCXXRecordDecl();
    llvm::StringRef smart = stdSmartPointer(result);
    bool owned = smart == "unique_ptr" || (smart.empty() && !isNniTraced(result));
    if (!smart.empty() || isNniTraced(result)) {
      QualType pointee = templateArg(result, 0);
      result = pointee.isNull() ? nullptr : pointee->getAsCXXRecordDecl();
    }
    if (result) add(result, owned ? owned_ : shared_);
    return true;
  }

  // Marked [[nni::trace]] itself, or named by a traced alias.
  bool traced(const CXXRecordDecl* record) const {
    const CXXRecordDecl* definition = record->getDefinition();
    return aliased_.count(record->getCanonicalDecl()) != 0 ||
           hasTraceAttribute(definition ? definition : record);
  }

  // A load may create it for a std::unique_ptr to own: traced, or returned by a traced function
  // by value or as a std::unique_ptr.
  bool ownable(const CXXRecordDecl* record) const {
    return traced(record) || owned_.count(record->getCanonicalDecl()) != 0;
  }

  // A load may create it, or a class derived from it, for a std::shared_ptr: traced, returned
  // by a traced function, or a public base of such a class (the runtime loads through bases).
  bool created(const CXXRecordDecl* record) {
    if (ownable(record)) return true;
    if (!basesDone_) {
      basesDone_ = true;
      std::set<const CXXRecordDecl*> seen;
      std::vector<const CXXRecordDecl*> bases;
      for (const std::set<const CXXRecordDecl*>* made : {&owned_, &shared_}) {
        for (const CXXRecordDecl* canonical : *made) {
          createdOrBase_.insert(canonical);
          if (const CXXRecordDecl* definition = canonical->getDefinition())
            collectPublicBases(definition, bases, seen);
        }
      }
      for (const CXXRecordDecl* base : bases) createdOrBase_.insert(base->getCanonicalDecl());
    }
    return createdOrBase_.count(record->getCanonicalDecl()) != 0;
  }

 private:
  void add(const CXXRecordDecl* record, std::set<const CXXRecordDecl*>& to) {
    to.insert(record->getCanonicalDecl());
  }

  std::set<const CXXRecordDecl*> aliased_;  // canonical declarations, as the sets below
  std::set<const CXXRecordDecl*> owned_;    // traced, or returned by value or std::unique_ptr
  std::set<const CXXRecordDecl*> shared_;   // returned as std::shared_ptr or nni::Traced
  std::set<const CXXRecordDecl*> createdOrBase_;
  bool basesDone_ = false;
};

// Whether cereal could serialize the class (the runtime's binary fallback): it declares
// serialize (or save and load) itself, or its namespace declares a serialize or save function
// taking it (where argument-dependent lookup finds them).
bool hasCerealHooks(ASTContext& ctx, const CXXRecordDecl* record) {
  auto declares = [&](const DeclContext* dc, llvm::StringRef name) {
    return !dc->lookup(&ctx.Idents.get(name)).empty();
  };
  if (declares(record, "serialize") || (declares(record, "save") && declares(record, "load")))
    return true;
  const DeclContext* ns = record->getDeclContext()->getRedeclContext();
  if (!isa<NamespaceDecl>(ns)) return false;
  CanQualType self = ctx.getCanonicalType(ctx.getRecordType(record));
  for (llvm::StringRef name : {"serialize", "save"}) {
    for (NamedDecl* found : ns->lookup(&ctx.Idents.get(name))) {
      const FunctionDecl* function = found->getAsFunction();
      if (!function) continue;
      for (const ParmVarDecl* parm : function->parameters()) {
        QualType type = parm->getType().getNonReferenceType().getUnqualifiedType();
        if (ctx.getCanonicalType(type) == self) return true;
      }
    }
  }
  return false;
}

// `nested`: the type is inside another (a container's element, an optional's value, ...), not a
// parameter's own type.
Classified classify(ASTContext& ctx, CodecLookup& codecs, TracedIndex& traced, QualType type,
                    bool nested);

// The runtime's codecs for containers, tuples and variants write each element with the element
// type's own codec (include/nni/std_codecs.h): the container is JSON, and an element type without
// a JSON codec is written by the binary fallback, one blob per element; an element type without
// any codec does not compile. So the container is what its worst element type is.
Classified classifyContainer(ASTContext& ctx, CodecLookup& codecs, TracedIndex& traced,
                             ParamKind kind, const std::vector<QualType>& elements) {
  Classified out;
  out.kind = kind;
  out.serializable = true;
  for (QualType element : elements) {
    Classified inner = classify(ctx, codecs, traced, element, /*nested=*/true);
    bool own = inner.inner.isNull();
    if (!inner.serializable) {
      out.serializable = false;
      out.binary_fallback = false;
      out.inner = own ? element : inner.inner;
      out.inner_by_pointer = !own && inner.inner_by_pointer;
      out.problem = inner.problem;
      out.held = inner.held;
      return out;
    }
    if (inner.binary_fallback && !out.binary_fallback) {
      out.binary_fallback = true;
      out.inner = own ? element : inner.inner;
      out.inner_by_pointer = !own && inner.inner_by_pointer;
    }
  }
  return out;
}

// The type arguments of a class template specialization, packs expanded.
std::vector<QualType> typeArgs(const CXXRecordDecl* record) {
  std::vector<QualType> out;
  const auto* spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(record);
  if (!spec) return out;
  for (const TemplateArgument& arg : spec->getTemplateArgs().asArray()) {
    if (arg.getKind() == TemplateArgument::Type) out.push_back(arg.getAsType());
    if (arg.getKind() == TemplateArgument::Pack)
      for (const TemplateArgument& inner : arg.pack_elements())
        if (inner.getKind() == TemplateArgument::Type) out.push_back(inner.getAsType());
  }
  return out;
}

// std::string or std::string_view themselves (the runtime's string codecs): char, the standard
// traits and, for a string, the standard allocator; not std::pmr::string, not std::wstring.
bool isStdString(const CXXRecordDecl* record, bool view = false) {
  if (plainQualifiedName(record) != (view ? "std::basic_string_view" : "std::basic_string"))
    return false;
  QualType ch = templateArg(record, 0), traits = templateArg(record, 1);
  if (ch.isNull() || !ch->isCharType() || traits.isNull() ||
      plainQualifiedName(traits->getAsCXXRecordDecl()) != "std::char_traits")
    return false;
  if (view) return true;
  QualType alloc = templateArg(record, 2);
  return !alloc.isNull() && plainQualifiedName(alloc->getAsCXXRecordDecl()) == "std::allocator";
}

// Whether the runtime can write and read K as a JSON object key (detail::KeyCodec in
// include/nni/std_codecs.h and enum_codec.h): std::string itself (not another string type, not
// a const one), an integer type but bool (char types included; not __int128, which
// std::to_string does not take), an enum; or an explicit specialization of
// nni::detail::KeyCodec<K>.
bool hasKeyCodec(CodecLookup& codecs, QualType key) {
  QualType canonical = key.getCanonicalType();
  const Type* t = canonical.getTypePtr();
  if (t->isEnumeralType()) return true;
  if (const auto* builtin = dyn_cast<BuiltinType>(t)) {
    switch (builtin->getKind()) {
      case BuiltinType::Bool:
      case BuiltinType::Int128:
      case BuiltinType::UInt128: return false;
      default: return builtin->isInteger();
    }
  }
  if (codecs.hasExplicitKeyCodec(canonical)) return true;
  return !canonical.hasQualifiers() && isStdString(t->getAsCXXRecordDecl());
}

// A std::unique_ptr<T, D>. The generated code loads one through arg_of<std::unique_ptr<T, D>>
// (include/nni/generated.h), whatever codec is declared for it: a Unique<T> made by take_unique
// from an object a load created, with no other owner, converted to std::unique_ptr<T> with the
// default deleter. Inside another type the runtime has no codec for it (a container of them is
// not even copyable into the record).
Classified classifyUnique(CodecLookup& codecs, TracedIndex& traced, QualType canonical,
                          const CXXRecordDecl* record, bool nested) {
  QualType pointee = templateArg(record, 0);
  if (nested) {
    Classified out = refused(Unserializable::UniquePtrInside, canonical);
    out.held = pointee;
    return out;
  }
  QualType deleter = templateArg(record, 1);
  if (!deleter.isNull() &&
      plainQualifiedName(deleter->getAsCXXRecordDecl()) != "std::default_delete")
    return refused(Unserializable::UniquePtrDeleter, deleter);
  Classified out;
  out.kind = ParamKind::Traced;
  out.serializable = true;
  const CXXRecordDecl* object = pointee.isNull() ? nullptr : pointee->getAsCXXRecordDecl();
  if (object) {
    object = codecs.definition(object);
    if (!object) return out;  // incomplete: nothing to judge
    if (traced.ownable(object) || object->isPolymorphic()) return out;
  }
  // An object of an untraced class has no record: a load cannot create one (take_unique wants
  // a traced object it owns alone), and a dump of one is a DumpError.
  return refused(Unserializable::NotOwnable, pointee, /*byPointer=*/true);
}

Classified classify(ASTContext& ctx, CodecLookup& codecs, TracedIndex& traced, QualType type,
                    bool nested) {
  QualType canonical = type.getCanonicalType().getUnqualifiedType();
  const Type* t = canonical.getTypePtr();
  auto known = [](ParamKind kind, NumberHint hint = NumberHint::None) {
    Classified out;
    out.kind = kind;
    out.hint = hint;
    out.serializable = true;
    return out;
  };
  if (const CXXRecordDecl* record = t->getAsCXXRecordDecl();
      stdSmartPointer(record) == "unique_ptr")
    return classifyUnique(codecs, traced, canonical, record, nested);
  if (std::optional<ParamKind> kind = codecs.explicitKind(canonical)) return known(*kind);
  if (t->isNullPtrType()) return known(ParamKind::Null);
  if (t->isBooleanType()) return known(ParamKind::Bool);
  if (t->isEnumeralType()) return known(ParamKind::Enum);
  // Every integer type the runtime's integral codec takes: not __int128 (std::to_string has
  // no overload for it) nor _BitInt.
  if (t->isIntegerType() && !t->isSpecificBuiltinType(BuiltinType::Int128) &&
      !t->isSpecificBuiltinType(BuiltinType::UInt128) && !t->isBitIntType())
    return known(ParamKind::Number, t->isSignedIntegerType() ? NumberHint::Int : NumberHint::UInt);
  if (const auto* builtin = dyn_cast<BuiltinType>(t)) {
    switch (builtin->getKind()) {
      case BuiltinType::Float: return known(ParamKind::Number, NumberHint::Float32);
      case BuiltinType::Double:
      case BuiltinType::LongDouble: return known(ParamKind::Number, NumberHint::Float64);
      default: return {};
    }
  }
  if (t->isPointerType() && t->getPointeeType()->isCharType()) return known(ParamKind::String);
  const CXXRecordDecl* record = t->getAsCXXRecordDecl();
  if (!record) return {};
  std::string name = plainQualifiedName(record);
  bool isTemplate = isa<ClassTemplateSpecializationDecl>(record);
  if (isTemplate) {
    if (isStdString(record) || isStdString(record, /*view=*/true)) return known(ParamKind::String);
    std::vector<QualType> args = typeArgs(record);
    auto first = [&](std::size_t count) {
      return std::vector<QualType>(args.begin(), args.begin() + std::min(count, args.size()));
    };
    static const llvm::StringSet<> kSequences = {"std::vector", "std::list", "std::deque",
                                                 "std::array"};
    if (kSequences.contains(name))
      return classifyContainer(ctx, codecs, traced, ParamKind::Array, first(1));
    if (name == "std::pair" || name == "std::tuple")
      return classifyContainer(ctx, codecs, traced, ParamKind::Array, args);
    // Keys are strings, integers or enums (KeyCodec); the mapped type is written as a value.
    if (name == "std::map" || name == "std::unordered_map") {
      if (!args.empty() && !hasKeyCodec(codecs, args[0]))
        return refused(Unserializable::MapKey, args[0]);
      std::vector<QualType> mapped;
      if (args.size() > 1) mapped.push_back(args[1]);
      return classifyContainer(ctx, codecs, traced, ParamKind::Object, mapped);
    }
    if (name == "std::set" || name == "std::unordered_set")
      return classifyContainer(ctx, codecs, traced, ParamKind::Set, first(1));
    if (name == "std::complex") return known(ParamKind::Complex);
    if (name == "std::chrono::duration") return known(ParamKind::Duration);
    if (name == "std::chrono::time_point" &&
        plainQualifiedName(templateArg(record, 0).isNull()
                               ? nullptr
                               : templateArg(record, 0)->getAsCXXRecordDecl()) ==
            "std::chrono::system_clock")
      return known(ParamKind::DateTime);
    if (name == "std::optional" && !templateArg(record, 0).isNull())
      return classify(ctx, codecs, traced, templateArg(record, 0), /*nested=*/true);
    if (name == "std::shared_ptr" || name == "nni::Traced") {
      // An object without a record (any object of an untraced class) that cereal can serialize
      // is written by the binary fallback (detail::dump_pointer), unless the class is
      // polymorphic: then it is a base of traced classes, and the object a traced one. A class
      // traced (by its attribute or an alias) has records. Without cereal hooks, an object
      // without a record is a DumpError, and a load creates only what a traced class or
      // function makes (or a class derived from it).
      Classified out = known(ParamKind::Traced);
      QualType pointee = args.empty() ? QualType() : args[0];
      const CXXRecordDecl* object = pointee.isNull() ? nullptr : pointee->getAsCXXRecordDecl();
      if (!object || !(object = codecs.definition(object)) || traced.traced(object) ||
          object->isPolymorphic())
        return out;
      if (hasCerealHooks(ctx, object)) {
        out.binary_fallback = true;
        out.inner = pointee;
        out.inner_by_pointer = true;
        return out;
      }
      // A standard (or the runtime's) class may have cereal support the reader cannot see
      // (<cereal/types/string.hpp>): not judged.
      std::string objectName = plainQualifiedName(object);
      if (llvm::StringRef(objectName).starts_with("std::") ||
          llvm::StringRef(objectName).starts_with("nni::") || traced.created(object))
        return out;
      return refused(Unserializable::NotCreated, pointee, /*byPointer=*/true);
    }
    if (name == "nni::NDArray") return known(ParamKind::NDArray);
    // A variant's JSON is its active alternative's: no kind of its own.
    if (name == "std::variant")
      return classifyContainer(ctx, codecs, traced, ParamKind::Other, args);
  } else {
    if (name == "std::monostate") return known(ParamKind::Null);
    if (name == "std::filesystem::path") return known(ParamKind::Path);
    if (name == "nni::Record") return known(ParamKind::Traced);
    if (name == "nni::Value") return known(ParamKind::Other);
  }
  if (codecs.hasCustomHooks(canonical)) return known(ParamKind::Instance);
  const CXXRecordDecl* definition = codecs.definition(record);
  if (definition) {
    auto declares = [&](llvm::StringRef member) {
      return !definition->lookup(&ctx.Idents.get(member)).empty();
    };
    if (declares("_dump") && declares("_load")) return known(ParamKind::Instance);
  }
  // No JSON codec: still serializable through the runtime's size-limited binary fallback.
  if (definition && hasCerealHooks(ctx, definition)) {
    Classified out;
    out.serializable = true;
    out.binary_fallback = true;
    return out;
  }
  return {};
}

// ---- The reader ----

// The attribute's symbol argument; payloads add "path:" themselves, so a user who wrote it
// gets it once.
std::optional<std::string> customSymbol(const Decl* decl) {
  std::optional<std::string> symbol = traceAttributeSymbol(decl);
  if (symbol && llvm::StringRef(*symbol).starts_with("path:")) symbol->erase(0, 5);
  return symbol;
}

class Reader {
 public:
  Reader(CompilerInstance& ci, const std::set<std::string>& headers, Model& model,
         std::vector<Finding>& findings)
      : ctx_(ci.getASTContext()),
        sema_(ci.getSema()),
        sm_(ci.getSourceManager()),
        headers_(headers),
        model_(model),
        findings_(findings),
        policy_(ctx_.getPrintingPolicy()) {
    policy_.SuppressTagKeyword = true;
    policy_.SuppressScope = false;
    policy_.SuppressUnwrittenScope = true;
    policy_.FullyQualifiedName = true;
    policy_.SplitTemplateClosers = false;
    policy_.Bool = true;
  }

  // Whether the declaration is located in one of the input headers. Macro locations count where
  // the macro was used (or where its argument was spelled).
  bool inInputHeader(const Decl* decl) {
    SourceLocation loc = decl->getLocation();
    if (loc.isInvalid()) return false;
    FileID file = sm_.getFileID(sm_.getFileLoc(loc));
    auto [it, inserted] = inputFiles_.try_emplace(file, false);
    if (inserted) {
      if (OptionalFileEntryRef entry = sm_.getFileEntryRefForID(file)) {
        llvm::SmallString<256> real;
        if (!llvm::sys::fs::real_path(entry->getName(), real))
          it->second = headers_.count(std::string(real)) != 0;
      }
    }
    return it->second;
  }

  void readClass(CXXRecordDecl* record) {
    if (record->isInjectedClassName() || !hasTraceAttribute(record)) return;
    if (ClassTemplateDecl* tmpl = record->getDescribedClassTemplate()) {
      // Traced through aliases of its specializations (readAlias); warned about when none is.
      if (templates_.count(tmpl->getCanonicalDecl())) return;
      templates_[tmpl->getCanonicalDecl()] = model_.templates.size();
      model_.templates.push_back({record->getQualifiedNameAsString(),
                                  location(record->getLocation()),
                                  specializedTemplates_.count(tmpl->getCanonicalDecl()) != 0});
      return;
    }
    CXXRecordDecl* definition = record->getDefinition();
    if (!definition) {
      if (record == record->getCanonicalDecl())
        error(record->getLocation(), "traced class '" + record->getQualifiedNameAsString() +
                                         "' is declared but never defined in the headers read");
      return;
    }
    if (definition != record || !seen_.insert(definition->getCanonicalDecl()).second) return;
    addClassEntity(definition, record->getLocation(), customSymbol(record));
  }

  void readAlias(TypeAliasDecl* alias) {
    if (!hasTraceAttribute(alias)) return;
    CXXRecordDecl* record = alias->getUnderlyingType()->getAsCXXRecordDecl();
    if (!record) return;  // refused when the attribute was applied
    if (const auto* spec = dyn_cast<ClassTemplateSpecializationDecl>(record)) {
      const Decl* tmpl = spec->getSpecializedTemplate()->getCanonicalDecl();
      specializedTemplates_.insert(tmpl);
      if (auto it = templates_.find(tmpl); it != templates_.end())
        model_.templates[it->second].specialized = true;
    }
    CXXRecordDecl* definition = record->getDefinition();
    if (!definition) return;
    if (!seen_.insert(definition->getCanonicalDecl()).second) {
      error(alias->getLocation(),
            "class '" + className(definition).name + "' is traced more than once in these headers");
      return;
    }
    addClassEntity(definition, alias->getLocation(), customSymbol(alias));
  }

  void readFunction(FunctionDecl* function) {
    if (isa<CXXMethodDecl>(function) || !hasTraceAttribute(function)) return;
    if (function->isDependentContext() || function->getDescribedFunctionTemplate()) return;
    if (!seen_.insert(function->getCanonicalDecl()).second) return;

    std::string cppName = "::" + function->getQualifiedNameAsString();
    std::optional<std::string> custom = customSymbol(function);
    auto [it, inserted] = functions_.try_emplace(cppName, model_.entities.size());
    if (inserted) {
      Entity entity;
      entity.kind = EntityKind::Function;
      entity.cpp_name = cppName;
      entity.custom_symbol = custom.has_value();
      entity.symbol = custom ? *custom : cppName.substr(2);
      entity.location = location(function->getLocation());
      entity.unnameable = function->isInAnonymousNamespace() ||
                          function->getDeclContext()->getRedeclContext()->isFunctionOrMethod();
      model_.entities.push_back(std::move(entity));
    }
    Entity& entity = model_.entities[it->second];
    if (!inserted && custom && *custom != entity.symbol) {
      error(function->getLocation(),
            "overloads of a traced function share one symbol; this one says '" + *custom +
                "' where an earlier one gives '" + entity.symbol + "'");
    }

    Signature signature;
    signature.location = location(function->getLocation());
    signature.start = location(function->getBeginLoc());
    readParams(function, signature);
    const auto* proto = function->getType()->getAs<FunctionProtoType>();
    std::string pointer = typeName(function->getReturnType()) + " (*)(";
    if (proto) {
      for (unsigned i = 0; i < proto->getNumParams(); ++i)
        pointer += (i ? ", " : "") + typeName(proto->getParamType(i));
      if (proto->isVariadic()) pointer += proto->getNumParams() ? ", ..." : "...";
    }
    pointer += ")";
    if (proto && proto->isNothrow()) pointer += " noexcept";
    signature.function_pointer_type = pointer;

    QualType returned = function->getReturnType().getNonReferenceType();
    const CXXRecordDecl* result = returned->getAsCXXRecordDecl();
    signature.shape = ReturnShape::Value;
    llvm::StringRef smart = stdSmartPointer(result);
    if (!smart.empty() || isNniTraced(result)) {
      signature.shape = smart == "shared_ptr"   ? ReturnShape::SharedPtr
                        : smart == "unique_ptr" ? ReturnShape::UniquePtr
                                                : ReturnShape::Traced;
      QualType pointee = templateArg(result, 0);
      result = pointee.isNull() ? nullptr : pointee->getAsCXXRecordDecl();
    }
    if (!result) {
      error(function->getLocation(),
            "traced function '" + cppName.substr(2) +
                "' must return a class, or a std::shared_ptr, std::unique_ptr or nni::Traced of "
                "one; it returns '" +
                function->getReturnType().getAsString(policy_) + "'");
    } else {
      if (const CXXRecordDecl* definition = result->getDefinition()) {
        signature.result = resultClass(definition);
      } else {
        error(function->getLocation(), "traced function '" + cppName.substr(2) +
                                           "' returns the incomplete class '" +
                                           result->getQualifiedNameAsString() +
                                           "'; its definition must be visible in the headers read");
      }
    }
    entity.signatures.push_back(std::move(signature));
  }

 private:
  void addClassEntity(CXXRecordDecl* record, SourceLocation where,
                      const std::optional<std::string>& custom) {
    Entity entity;
    entity.kind = EntityKind::Class;
    entity.result = resultClass(record);
    entity.cpp_name = entity.result.cls.cpp_name;
    entity.custom_symbol = custom.has_value();
    entity.symbol = custom ? *custom : entity.result.cls.name;
    entity.location = location(where);
    entity.is_abstract = record->isAbstract();
    entity.unnameable = record->isInAnonymousNamespace() ||
                        record->getDeclContext()->getRedeclContext()->isFunctionOrMethod();

    // Declares the implicit default constructor if the class has one, so that it is read like
    // any other constructor.
    sema_.ForceDeclarationOfImplicitMembers(record);
    std::vector<CXXConstructorDecl*> publicCtors;
    for (CXXConstructorDecl* ctor : record->ctors()) {
      if (ctor->isCopyOrMoveConstructor() || ctor->isDeleted()) continue;
      if (ctor->isInheritingConstructor()) continue;  // read from the using-declaration below
      if (ctor->getAccess() != AS_public) {
        if (hasTraceAttribute(ctor))
          entity.hidden_traced_constructors.push_back(location(ctor->getLocation()));
        continue;
      }
      publicCtors.push_back(ctor);
    }
    // Constructors inherited with `using Base::Base;`, each with the using-declaration that
    // brings it in: the base's parameters and defaults, as C++17 uses them.
    std::map<const CXXConstructorDecl*, const ConstructorUsingShadowDecl*> inheritedFrom;
    for (const ConstructorUsingShadowDecl* shadow : inheritedConstructors(record)) {
      auto* base = cast<CXXConstructorDecl>(shadow->getTargetDecl());
      if (inheritedFrom.emplace(base, shadow).second) publicCtors.push_back(base);
    }
    std::vector<CXXConstructorDecl*> marked;
    for (CXXConstructorDecl* ctor : publicCtors)
      if (hasTraceAttribute(ctor)) marked.push_back(ctor);
    for (CXXConstructorDecl* ctor : marked.empty() ? publicCtors : marked) {
      Signature signature;
      auto inherited = inheritedFrom.find(ctor);
      if (inherited != inheritedFrom.end()) {
        signature.location = location(inherited->second->getLocation());
        signature.start = location(inherited->second->getIntroducer()->getBeginLoc());
        signature.inherited_from = className(ctor->getParent()).name;
      } else {
        signature.location =
            location(ctor->isImplicit() ? record->getLocation() : ctor->getLocation());
        signature.start =
            location(ctor->isImplicit() ? record->getLocation() : ctor->getBeginLoc());
      }
      signature.implicit = ctor->isImplicit();
      signature.explicitly_traced = hasTraceAttribute(ctor);
      signature.result = entity.result;
      readParams(ctor, signature);
      entity.signatures.push_back(std::move(signature));
    }
    model_.entities.push_back(std::move(entity));
  }

  // The base constructors that `using Base::Base;` declarations make usable to construct
  // `record`: public, not deleted, not copy or move constructors of their class, not templates,
  // and not hidden by a constructor of `record` with the same parameter types.
  std::vector<const ConstructorUsingShadowDecl*> inheritedConstructors(
      const CXXRecordDecl* record) {
    std::vector<const ConstructorUsingShadowDecl*> out;
    auto sameParams = [&](const CXXConstructorDecl* a, const CXXConstructorDecl* b) {
      if (a->getNumParams() != b->getNumParams()) return false;
      for (unsigned i = 0; i < a->getNumParams(); ++i)
        if (ctx_.getCanonicalType(a->getParamDecl(i)->getType()) !=
            ctx_.getCanonicalType(b->getParamDecl(i)->getType()))
          return false;
      return true;
    };
    for (const Decl* member : record->decls()) {
      const auto* shadow = dyn_cast<ConstructorUsingShadowDecl>(member);
      if (!shadow) continue;
      const auto* base = dyn_cast<CXXConstructorDecl>(shadow->getTargetDecl());
      if (!base || base->isCopyOrMoveConstructor() || base->isDeleted() ||
          base->getAccess() != AS_public)
        continue;
      bool hidden = false;
      for (const CXXConstructorDecl* own : record->ctors())
        if (!own->isInheritingConstructor() && sameParams(own, base)) hidden = true;
      if (!hidden) out.push_back(shadow);
    }
    return out;
  }

  void readParams(const FunctionDecl* function, Signature& signature) {
    bool requiredDone = false;
    for (const ParmVarDecl* parm : function->parameters()) {
      Param param;
      param.name = parm->getName().str();
      param.location =
          location(parm->getLocation().isValid() ? parm->getLocation() : function->getLocation());
      QualType declared = parm->getType();
      param.written_type = declared.getAsString(policy_);
      bool borrowed = isBorrowedObject(declared);
      if (borrowed) {
        // A traced object by reference or raw pointer: the load passes one it creates, kept
        // alive by the receiving object's record. The generated code keeps the & or *.
        param.type = typeName(declared.getUnqualifiedType());
        param.kind = ParamKind::Traced;
        param.serializable = true;
      } else {
        if (const auto* ref = declared->getAs<LValueReferenceType>())
          param.mutable_ref = !ref->getPointeeType().isConstQualified();
        QualType value = declared.getNonReferenceType().getUnqualifiedType();
        param.type = typeName(value);
        Classified classified = classify(ctx_, codecs_, traced_, value, /*nested=*/false);
        param.kind = classified.kind;
        param.hint = classified.hint;
        param.serializable = classified.serializable;
        param.binary_fallback = classified.binary_fallback;
        param.by_value = !declared->isReferenceType() && !declared->isPointerType();
        param.type_name = value.getAsString(policy_);
        collectEnums(value);
        if (!param.serializable) param.unserializable = classified.problem;
        if (!classified.inner.isNull() && (!param.serializable || param.binary_fallback)) {
          // The problem is a type inside (std::vector<Dataset>): name it, and describe it.
          param.inner_type = classified.inner.getUnqualifiedType().getAsString(policy_);
          param.inner_by_value = !classified.inner_by_pointer;
          switch (param.serializable ? Unserializable::NoCodec : classified.problem) {
            case Unserializable::UniquePtrInside:
              // Named as written (no default deleter); the note is at the class it holds, which
              // a std::shared_ptr or nni::Traced would hold instead.
              if (!classified.held.isNull()) {
                param.inner_type = "std::unique_ptr<" + classified.held.getAsString(policy_) + ">";
                describeUserClass(classified.held, param);
                // No fix-it where a std::shared_ptr of the class needs no trace.
                const CXXRecordDecl* held = classified.held->getAsCXXRecordDecl();
                if (held && (held = held->getDefinition()) &&
                    (held->isPolymorphic() || traced_.created(held)))
                  param.trace_insertion = {};
              }
              break;
            case Unserializable::UniquePtrDeleter: break;
            case Unserializable::MapKey:
              // Qualifiers kept (a const std::string key has no key codec). A note at a key class
              // of the user's, without a fix-it: tracing it gives it no key codec.
              param.inner_type = classified.inner.getAsString(policy_);
              describeUserClass(classified.inner, param);
              param.trace_insertion = {};
              break;
            default:
              describeUserClass(classified.inner, param);
              if (!param.type_decl.file.empty()) param.inner_type = param.type_name;
          }
        }
      }
      if ((!param.serializable || param.binary_fallback) && param.inner_type.empty())
        describeUserClass(declared, param);
      param.has_default = parm->hasDefaultArg();
      if (param.has_default) param.default_text = defaultText(parm);
      // A default followed by another parameter may have to be passed by the loader itself. The
      // last one never has to be, but when it can be, loads need one generated case less.
      if (param.has_default)
        qualifyDefault(function, parm, param, parm != function->parameters().back(), borrowed);
      if (!param.has_default && !requiredDone) ++signature.required;
      if (param.has_default) requiredDone = true;
      signature.params.push_back(std::move(param));
    }
  }

  // The class a parameter takes (by value, reference or pointer), when the user's sources declare
  // it: where a note points, and where a fix-it would insert `[[nni::trace]] ` (right after the
  // class-key of its definition; not for a template specialization or a macro).
  void describeUserClass(QualType declared, Param& param) {
    QualType type = declared.getNonReferenceType();
    if (const auto* pointer = type->getAs<PointerType>()) type = pointer->getPointeeType();
    const CXXRecordDecl* record = type->getAsCXXRecordDecl();
    // std::optional<T> is T's codec.
    while (plainQualifiedName(record) == "std::optional" && !templateArg(record, 0).isNull())
      record = templateArg(record, 0)->getAsCXXRecordDecl();
    if (!record || record->isLambda()) return;
    const CXXRecordDecl* decl = record->getDefinition() ? record->getDefinition() : record;
    if (const auto* spec = dyn_cast<ClassTemplateSpecializationDecl>(decl);
        spec && spec->getSpecializationKind() != TSK_ExplicitSpecialization) {
      if (const ClassTemplateDecl* tmpl = spec->getSpecializedTemplate())
        decl = tmpl->getTemplatedDecl();
    }
    SourceLocation where = decl->getLocation();
    if (where.isInvalid() || sm_.isInSystemHeader(sm_.getFileLoc(where))) return;
    param.type_name = className(record).name;
    param.type_decl = location(where);
    param.type_traced = hasTraceAttribute(decl) || traced_.traced(record);
    if (param.type_traced || decl != record->getDefinition()) return;
    if (std::optional<Location> insertion = traceInsertion(decl, sm_, ctx_.getLangOpts()))
      param.trace_insertion = *insertion;
  }

  void qualifyDefault(const FunctionDecl* function, const ParmVarDecl* parm, Param& param,
                      bool needed, bool borrowed) {
    std::string problem;
    const Expr* init = nullptr;
    if (borrowed) {
      // A load passes a traced object it made (kept alive by the record), never the object or
      // pointer that the default expression gives.
      problem = "is a traced object passed by reference or pointer";
    } else if (parm->hasUnparsedDefaultArg()) {
      problem = "is not parsed yet";
    } else if (parm->hasUninstantiatedDefaultArg()) {
      // A member of a class template specialization: its defaults are instantiated on use.
      Sema::SFINAETrap trap(sema_);
      if (sema_.InstantiateDefaultArgument(parm->getLocation(), const_cast<FunctionDecl*>(function),
                                           const_cast<ParmVarDecl*>(parm)) ||
          trap.hasErrorOccurred())
        problem = "cannot be instantiated for this specialization";
      else
        init = parm->getDefaultArg();
    } else {
      init = parm->getDefaultArg();
    }
    if (init && problem.empty()) {
      PrintedDefault printed = printQualifiedDefault(
          ctx_, *parm, *init, policy_, [this](QualType type) { return typeName(type); });
      param.qualified_default = std::move(printed.text);
      problem = std::move(printed.problem);
    }
    if (problem.empty() && !param.qualified_default.empty()) {
      if (std::optional<std::string> json = defaultAsJson(ctx_, *init, parm->getType()))
        param.json_default = std::move(*json);
      return;
    }
    if (problem.empty()) problem = "cannot be re-printed";
    param.qualified_default.clear();
    if (!needed) return;
    warning(parm->getLocation().isValid() ? parm->getLocation() : function->getLocation(),
            "the default argument of '" + param.name + "' " + problem +
                ", so generated code cannot pass it: a payload that gives a later argument must "
                "give '" +
                param.name + "' too");
  }

  // Whether a parameter is declared as a reference or raw pointer to a traced (by its attribute
  // or an alias) or polymorphic class (as std::shared_ptr<Base> may point to any traced
  // subclass).
  bool isBorrowedObject(QualType declared) {
    QualType pointee;
    if (const auto* ref = declared->getAs<LValueReferenceType>()) {
      pointee = ref->getPointeeType();
    } else if (const auto* ptr = declared->getAs<PointerType>()) {
      pointee = ptr->getPointeeType();
    } else {
      return false;
    }
    const CXXRecordDecl* record = pointee->getAsCXXRecordDecl();
    if (!record || !record->hasDefinition()) return false;
    record = record->getDefinition();
    return traced_.traced(record) || record->isPolymorphic();
  }

  // Records every enum the type uses, itself or in template arguments at any depth.
  void collectEnums(QualType type) {
    if (type.isNull()) return;
    QualType canonical = type.getCanonicalType();
    if (const auto* pointer = canonical->getAs<PointerType>())
      return collectEnums(pointer->getPointeeType());
    if (const auto* enumType = canonical->getAs<clang::EnumType>()) {
      const EnumDecl* decl = enumType->getDecl()->getDefinition();
      if (decl && enumsSeen_.insert(decl->getCanonicalDecl()).second) addEnum(decl);
      return;
    }
    const auto* spec =
        dyn_cast_or_null<ClassTemplateSpecializationDecl>(canonical->getAsCXXRecordDecl());
    if (!spec) return;
    std::function<void(const TemplateArgument&)> visit = [&](const TemplateArgument& arg) {
      if (arg.getKind() == TemplateArgument::Type) collectEnums(arg.getAsType());
      if (arg.getKind() == TemplateArgument::Pack)
        for (const TemplateArgument& inner : arg.pack_elements()) visit(inner);
    };
    for (const TemplateArgument& arg : spec->getTemplateArgs().asArray()) visit(arg);
  }

  void addEnum(const EnumDecl* decl) {
    UsedEnum out;
    out.cpp_name = typeName(ctx_.getEnumType(decl));
    out.name = decl->getName().str();
    out.location = location(decl->getLocation());
    for (const DeclContext* dc = decl->getDeclContext(); !dc->isTranslationUnit();
         dc = dc->getParent()) {
      llvm::StringRef part;
      if (const auto* ns = dyn_cast<NamespaceDecl>(dc)) {
        if (ns->isInline()) continue;
        part = ns->getName();
      } else if (const auto* record = dyn_cast<RecordDecl>(dc)) {
        part = record->getName();
      } else {
        continue;
      }
      out.module = out.module.empty() ? part.str() : part.str() + "." + out.module;
    }
    for (const EnumConstantDecl* constant : decl->enumerators())
      out.enumerators.push_back(constant->getName().str());
    if (decl->getName().empty() || decl->isInAnonymousNamespace())
      error(decl->getLocation(),
            "an enum that traced parameters use must be named and "
            "nameable from another file");
    else if (decl->getAccess() == AS_private || decl->getAccess() == AS_protected)
      error(decl->getLocation(), "enum '" + out.name +
                                     "' is used by a traced parameter, so "
                                     "generated code must name it: make it public");
    model_.enums.push_back(std::move(out));
  }

  std::string defaultText(const ParmVarDecl* parm) {
    SourceRange range = parm->getDefaultArgRange();
    if (range.isInvalid()) return {};
    llvm::StringRef text =
        Lexer::getSourceText(CharSourceRange::getTokenRange(range), sm_, ctx_.getLangOpts());
    text = text.trim();
    if (text.consume_front("=")) text = text.ltrim();  // a braced default's range starts at '='
    return text.str();
  }

  std::string typeName(QualType type) {
    return tidy(TypeName::getFullyQualifiedName(type, ctx_, policy_, /*WithGlobalNsPrefix=*/true));
  }

  // The printer writes "< ::x" to dodge the "<:" digraph, which C++11 no longer needs.
  static std::string tidy(std::string name) {
    for (std::size_t at = name.find("< ::"); at != std::string::npos; at = name.find("< ::", at))
      name.erase(at + 1, 1);
    return name;
  }

  ClassRef className(const CXXRecordDecl* record) {
    QualType type = ctx_.getRecordType(record);
    return {tidy(TypeName::getFullyQualifiedName(type, ctx_, policy_, false)),
            tidy(TypeName::getFullyQualifiedName(type, ctx_, policy_, true))};
  }

  ResultClass resultClass(const CXXRecordDecl* record) {
    ResultClass result;
    result.cls = className(record);
    result.own_allocation = hasOwnAllocation(record);
    std::vector<const CXXRecordDecl*> bases;
    std::set<const CXXRecordDecl*> seen;
    collectPublicBases(record, bases, seen);
    for (const CXXRecordDecl* base : bases) {
      CXXBasePaths paths(/*FindAmbiguities=*/true, /*RecordPaths=*/false,
                         /*DetectVirtual=*/false);
      if (!record->isDerivedFrom(base, paths)) continue;
      if (paths.isAmbiguous(ctx_.getCanonicalType(ctx_.getRecordType(base)))) continue;
      result.bases.push_back(className(base));
    }
    return result;
  }

  Location location(SourceLocation loc) { return toLocation(sm_, loc); }

  void warning(SourceLocation loc, std::string message) {
    Finding finding;
    finding.severity = Severity::Warning;
    finding.location = location(loc);
    finding.message = std::move(message);
    findings_.push_back(std::move(finding));
  }

  void error(SourceLocation loc, std::string message) {
    Finding finding;
    finding.severity = Severity::Error;
    finding.location = location(loc);
    finding.message = std::move(message);
    findings_.push_back(std::move(finding));
  }

  ASTContext& ctx_;
  Sema& sema_;
  SourceManager& sm_;
  const std::set<std::string>& headers_;
  Model& model_;
  std::vector<Finding>& findings_;
  PrintingPolicy policy_;
  llvm::DenseMap<FileID, bool> inputFiles_;
  std::set<const Decl*> seen_;
  std::set<const Decl*> enumsSeen_;
  std::map<const Decl*, std::size_t> templates_;  // traced class templates -> model_.templates
  std::set<const Decl*> specializedTemplates_;    // class templates a traced alias specializes
  std::map<std::string, std::size_t> functions_;  // cpp_name -> index in model_.entities
  CodecLookup codecs_{ctx_, sema_};
  TracedIndex traced_{ctx_};
};

class Visitor : public RecursiveASTVisitor<Visitor> {
 public:
  explicit Visitor(Reader& reader) : reader_(reader) {}

  // Descends into namespaces everywhere, into anything else only in the input headers; never
  // into the precompiled <nni/trace.h> (see TracedIndex).
  bool TraverseDecl(Decl* decl) {
    if (!decl || decl->isFromASTFile()) return true;
    if (!isa<TranslationUnitDecl, NamespaceDecl, LinkageSpecDecl, ExportDecl>(decl) &&
        !reader_.inInputHeader(decl))
      return true;
    return RecursiveASTVisitor::TraverseDecl(decl);
  }

  bool VisitCXXRecordDecl(CXXRecordDecl* record) {
    reader_.readClass(record);
    return true;
  }
  bool VisitTypeAliasDecl(TypeAliasDecl* alias) {
    reader_.readAlias(alias);
    return true;
  }
  bool VisitFunctionDecl(FunctionDecl* function) {
    reader_.readFunction(function);
    return true;
  }

 private:
  Reader& reader_;
};

// ---- Running the parse ----

struct ParseResult {
  Model model;
  CheckOptions checks;  // given to checkModel
};

class Consumer : public ASTConsumer {
 public:
  Consumer(CompilerInstance& ci, const std::set<std::string>& headers, ParseResult& result,
           std::string mainFile, TracePchWatch* pchWatch)
      : ci_(ci),
        headers_(headers),
        result_(result),
        mainFile_(std::move(mainFile)),
        pchWatch_(pchWatch) {}

  // A parse whose PCH turned out not to fit ends at once: its result will be dropped.
  bool HandleTopLevelDecl(DeclGroupRef) override {
    return !pchWatch_ || pchWatch_->why_not.empty();
  }

  void HandleTranslationUnit(ASTContext& ctx) override {
    result_.model.dependencies = filesRead(ci_.getSourceManager(), mainFile_);
    if (ci_.getDiagnostics().hasErrorOccurred()) return;  // the model would be incomplete
    if (pchWatch_) {
      checkTracePchOrder(ctx, *pchWatch_);
      if (!pchWatch_->why_not.empty()) return;  // the parse without the PCH will read them
    }
    std::vector<Finding> findings;
    Reader reader(ci_, headers_, result_.model, findings);
    Visitor visitor(reader);
    visitor.TraverseDecl(ctx.getTranslationUnitDecl());
    std::vector<Finding> checked = checkModel(result_.model, result_.checks);
    findings.insert(findings.end(), checked.begin(), checked.end());
    reportFindings(ci_.getDiagnostics(), findings);
  }

 private:
  CompilerInstance& ci_;
  const std::set<std::string>& headers_;
  ParseResult& result_;
  std::string mainFile_;
  TracePchWatch* pchWatch_;
};

class Action : public ASTFrontendAction {
 public:
  Action(const std::set<std::string>& headers, ParseResult& result, std::string mainFile,
         const TracePch* pch = nullptr, TracePchWatch* pchWatch = nullptr,
         llvm::raw_ostream* printed = nullptr)
      : headers_(headers),
        result_(result),
        mainFile_(std::move(mainFile)),
        pch_(pch),
        pchWatch_(pchWatch),
        printed_(printed) {}

 protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance& ci, llvm::StringRef) override {
    // Declarations are all the generator needs; there is no driver flag for this.
    ci.getFrontendOpts().SkipFunctionBodies = true;
    if (pch_) {
      ci.getPreprocessor().addPPCallbacks(makeTracePchGuard(ci, *pch_, *pchWatch_));
      // "N warnings generated." goes where the diagnostics go, after them.
      if (printed_) ci.setVerboseOutputStream(*printed_);
    }
    return std::make_unique<Consumer>(ci, headers_, result_, mainFile_, pch_ ? pchWatch_ : nullptr);
  }

 private:
  const std::set<std::string>& headers_;
  ParseResult& result_;
  std::string mainFile_;
  const TracePch* pch_;
  TracePchWatch* pchWatch_;
  llvm::raw_ostream* printed_;
};

// The parse with the precompiled <nni/trace.h> (trace_pch.h), when one fits: true with `result`
// set when it ran clean and may stand. Its diagnostics are printed only then; otherwise the
// parse without it prints its own.
bool parseWithTracePch(const ReadOptions& options, const ParseInput& plain,
                       const std::set<std::string>& headers, ParseResult& result) {
  if (options.pch_dir.empty()) return false;
  llvm::Expected<TracePch> pch =
      findTracePch(options.pch_dir, plain.clang_args, plain.resource_dir);
  if (!pch) {
    std::string why = llvm::toString(pch.takeError());
    if (options.verbose)
      llvm::errs() << "nni-trace-gen: not reading a precompiled <nni/trace.h>: " << why << "\n";
    return false;
  }
  ParseInput input = plain;
  for (std::string& flag : tracePchFlags(*pch)) input.clang_args.push_back(std::move(flag));
  std::string printed;
  llvm::raw_string_ostream diagnostics(printed);
  input.diagnostics = &diagnostics;
  TracePchWatch watch;
  ParseResult attempt;
  attempt.checks = result.checks;
  bool ok = runParse(input, std::make_unique<Action>(headers, attempt, input.main_file, &*pch,
                                                     &watch, &diagnostics));
  std::string& whyNot = watch.why_not;
  if (!ok && whyNot.empty()) whyNot = "the parse that read it reported errors";
  if (!whyNot.empty()) {
    if (options.verbose)
      llvm::errs() << "nni-trace-gen: parsing again without the precompiled <nni/trace.h>: "
                   << whyNot << "\n";
    return false;
  }
  llvm::errs() << printed;
  if (options.verbose)
    llvm::errs() << "nni-trace-gen: read <nni/trace.h> from " << pch->path << "\n";
  // The PCH's files are the parse's too: a change to them must run the generator again.
  std::set<std::string> read(attempt.model.dependencies.begin(), attempt.model.dependencies.end());
  read.insert(pch->inputs.begin(), pch->inputs.end());
  attempt.model.dependencies.assign(read.begin(), read.end());
  result = std::move(attempt);
  return true;
}

}  // namespace

llvm::Expected<Model> readModel(const ReadOptions& options) {
  llvm::SmallString<256> mainFile;
  if (std::error_code ec = llvm::sys::fs::current_path(mainFile))
    return llvm::createStringError(ec, "cannot read the current directory");
  llvm::sys::path::append(mainFile, "nni-trace-gen-input.cpp");

  ParseInput input;
  input.main_file = std::string(mainFile);
  input.content = "// The headers nni-trace-gen reads, in one translation unit.\n";
  for (const std::string& header : options.headers)
    *input.content += "#include \"" + header + "\"\n";
  input.clang_args = options.clang_args;
  input.resource_dir = options.resource_dir;

  std::set<std::string> headers(options.headers.begin(), options.headers.end());
  ParseResult result;
  result.checks.fallback_is_error = options.fallback_is_error;
  if (!parseWithTracePch(options, input, headers, result) &&
      !runParse(input, std::make_unique<Action>(headers, result, input.main_file)))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "errors in the input; no output written");
  Model model = std::move(result.model);
  model.headers = options.headers;
  // Entities in the order of the command line's headers, then of their declarations (the parse
  // meets an included input header's entities first).
  auto rank = [&](const Entity& entity) {
    auto it = std::find(options.headers.begin(), options.headers.end(), entity.location.file);
    return std::make_tuple(it - options.headers.begin(), entity.location.line,
                           entity.location.column);
  };
  // Sorted by rank, then by the order the parse met them (what std::stable_sort would do; its
  // temporary buffer is deprecated in libstdc++ 12 and Clang 19 warns about it in C++20).
  std::vector<std::size_t> order(model.entities.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::make_pair(rank(model.entities[a]), a) < std::make_pair(rank(model.entities[b]), b);
  });
  std::vector<Entity> sorted_entities;
  sorted_entities.reserve(order.size());
  for (std::size_t i : order) sorted_entities.push_back(std::move(model.entities[i]));
  model.entities = std::move(sorted_entities);
  for (const std::string& header : options.headers) {
    for (const Entity& entity : model.entities) {
      if (entity.location.file == header) {
        model.headers_with_entities.push_back(header);
        break;
      }
    }
  }
  return model;
}

}  // namespace nni_gen
