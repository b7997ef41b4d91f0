// How the generator names a class, and reads its template arguments, when it classifies types.
#pragma once

#include <string>

#include <clang/AST/Type.h>

namespace clang {
class CXXRecordDecl;
}

namespace nni_gen {

// The qualified name of a class (of its template, for a specialization) without inline
// namespaces: "std::chrono::duration" for std::chrono::duration<long>, "std::basic_string" for
// std::__cxx11::basic_string<char>. Empty for classes outside namespaces.
std::string plainQualifiedName(const clang::CXXRecordDecl* record);

// Template argument `index` of a class template specialization when it is a type (`T` of
// std::vector<T>); a null type otherwise.
clang::QualType templateArg(const clang::CXXRecordDecl* record, unsigned index);

}  // namespace nni_gen
