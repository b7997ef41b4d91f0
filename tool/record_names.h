// How the generator names a class when it classifies types.
#pragma once

#include <string>

namespace clang {
class CXXRecordDecl;
}

namespace nni_gen {

// The qualified name of a class (of its template, for a specialization) without inline
// namespaces: "std::chrono::duration" for std::chrono::duration<long>, "std::basic_string" for
// std::__cxx11::basic_string<char>. Empty for classes outside namespaces.
std::string plainQualifiedName(const clang::CXXRecordDecl* record);

}  // namespace nni_gen
