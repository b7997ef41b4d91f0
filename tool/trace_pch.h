// The precompiled <nni/trace.h>. Every header the generator reads includes the runtime's header,
// and parsing it is most of a generator run (0.4 of 0.6 s for 40 headers): the generator reads it
// from a precompiled header (PCH) instead, built once per language standard when nni-trace is
// built or installed, where doing so cannot change what the parse sees.
//
// A PCH comes with a description (`<pch>.info`): the flags it was built with, every file it read
// (size and time), every name its includes were written as, and every identifier its
// preprocessing looked at. A parse uses the PCH only when
//   - the description names this generator and the parse's -std and resource directory,
//   - the parse's other flags are include directories, macros and diagnostic options only,
//   - no macro defined or undefined on the command line is an identifier the PCH looked at,
//   - every file the PCH read is unchanged, and no include directory of the parse holds another
//     file under a name the PCH's includes were written as;
// and it keeps the result only when, during the parse, no input header defined or undefined such
// a macro before it included <nni/trace.h> (TracePchGuard). Otherwise the generator parses as
// before. The generated source includes <nni/generated.h>, hence <nni/trace.h>, before the input
// headers: the PCH's order is the order in which the compiler reads them there.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <llvm/ADT/StringSet.h>
#include <llvm/Support/Error.h>

#include <clang/Basic/SourceLocation.h>

namespace clang {
class ASTContext;
class CompilerInstance;
class PPCallbacks;
}  // namespace clang

namespace nni_gen {

// Builds `output` (a PCH of <nni/trace.h>, found through `clang_args`) and `output`.info.
// Returns every file the parse read, for a depfile.
llvm::Expected<std::vector<std::string>> buildTracePch(const std::string& output,
                                                       const std::vector<std::string>& clang_args,
                                                       const std::string& resource_dir);

// A PCH found fit for a parse, with what the parse must check while it runs.
struct TracePch {
  std::string path;                 // the PCH
  std::string header;               // the real path of the nni/trace.h it holds
  std::vector<std::string> inputs;  // the files it read, real paths
  llvm::StringSet<> identifiers;    // tested or set as macros, or in an expanded macro's body
  llvm::StringSet<> tokens;         // given to its parser, not followed by '('
  llvm::StringSet<> calls;          // given to its parser, followed by '('

  // Whether a macro of this name (function-like or not) could change what the PCH holds.
  bool reads(llvm::StringRef name, bool function_like) const;
};

// The PCH in `dir` that the parse with `clang_args` (already filtered by filterClangFlags) may
// use, or why none may (for --verbose).
llvm::Expected<TracePch> findTracePch(const std::string& dir,
                                      const std::vector<std::string>& clang_args,
                                      const std::string& resource_dir);

// The flags that make a parse read `pch`.
std::vector<std::string> tracePchFlags(const TracePch& pch);

// What a parse that reads `pch` finds out about the input headers while it runs.
struct TracePchWatch {
  std::string why_not;             // set: the parse's result must not stand
  clang::SourceLocation included;  // where an input header first includes <nni/trace.h>
};

// Watches a parse that reads `pch`: sets `watch.why_not` when a header defines or undefines a
// macro the PCH looked at before <nni/trace.h> is included, and records where it is.
std::unique_ptr<clang::PPCallbacks> makeTracePchGuard(const clang::CompilerInstance& ci,
                                                      const TracePch& pch, TracePchWatch& watch);

// After that parse: sets `watch.why_not` unless the input headers include <nni/trace.h> before
// any declaration of their own (outside system headers). Where they do, the parse without the
// PCH reads what the PCH holds in the same state, and nothing of theirs can change it.
void checkTracePchOrder(const clang::ASTContext& ctx, TracePchWatch& watch);

// The directory the generator looks in for PCHs by default: lib/nni-trace/pch next to an
// installed generator, pch/ next to one in its build tree.
std::string defaultTracePchDir(const char* argv0);

}  // namespace nni_gen
