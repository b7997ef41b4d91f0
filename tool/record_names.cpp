#include "record_names.h"

#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>

namespace nni_gen {

using namespace clang;

std::string plainQualifiedName(const CXXRecordDecl* record) {
  if (!record) return {};
  std::string name = record->getName().str();
  for (const DeclContext* dc = record->getDeclContext(); !dc->isTranslationUnit();
       dc = dc->getParent()) {
    if (const auto* ns = dyn_cast<NamespaceDecl>(dc)) {
      if (ns->isInline()) continue;
      name = ns->getName().str() + "::" + name;
    } else if (const auto* outer = dyn_cast<CXXRecordDecl>(dc)) {
      name = outer->getName().str() + "::" + name;
    } else if (!isa<LinkageSpecDecl>(dc)) {
      return {};
    }
  }
  return name;
}

QualType templateArg(const CXXRecordDecl* record, unsigned index) {
  const auto* spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(record);
  if (!spec) return {};
  const TemplateArgumentList& args = spec->getTemplateArgs();
  if (index >= args.size() || args[index].getKind() != TemplateArgument::Type) return {};
  return args[index].getAsType();
}

}  // namespace nni_gen
