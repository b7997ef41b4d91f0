// Running Clang over the generator's inputs, and the facts of its AST that both the header reader
// (ast_reader.cpp) and the call checker (call_checker.cpp) need: where a diagnostic points, where
// a `[[nni::trace]] ` fix-it goes, which files the parse read.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <llvm/ADT/StringRef.h>

#include "model.h"

namespace clang {
class CXXRecordDecl;
class FrontendAction;
class LangOptions;
class SourceLocation;
class SourceManager;
}  // namespace clang
namespace llvm {
class raw_ostream;
}  // namespace llvm

namespace nni_gen {

struct ParseInput {
  std::string main_file;                     // absolute
  std::optional<std::string> content;        // an in-memory main file; else the file on disk
  std::vector<std::string> clang_args;       // the target's compiler flags (output options dropped)
  std::string resource_dir;                  // Clang's resource directory (builtin headers)
  std::string language = "c++";              // -x: c++, or c++-header for a precompiled header
  llvm::raw_ostream* diagnostics = nullptr;  // where diagnostics are printed; else stderr
};

// Parses `input.main_file` as C++ (`clang++ -fsyntax-only <flags> -resource-dir <dir>
// -D__NNI_TRACE_GEN__=1 -x<language> <file>`) with `action`. Diagnostics are printed as Clang
// prints them, honouring the diagnostic flags given (-fdiagnostics-parseable-fixits, ...). False
// when the parse failed or any error was reported (a flag Clang rejects counts too).
bool runParse(const ParseInput& input, std::unique_ptr<clang::FrontendAction> action);

// Every file the parse read but `exclude` (an in-memory main file), absolute and sorted.
std::vector<std::string> filesRead(const clang::SourceManager& sm, llvm::StringRef exclude = {});

// A source location as the model keeps it (file, line, column, and the raw location for the
// diagnostic printer). Macro locations are taken where the macro is used.
Location toLocation(const clang::SourceManager& sm, clang::SourceLocation loc);

// Where a fix-it inserts `[[nni::trace]] ` in the definition of `record`: right after its `class`
// or `struct` keyword. std::nullopt where none can be offered: a declaration from a system header,
// a template specialization, a class-key written by a macro.
std::optional<Location> traceInsertion(const clang::CXXRecordDecl* record,
                                       const clang::SourceManager& sm,
                                       const clang::LangOptions& lang);

}  // namespace nni_gen
