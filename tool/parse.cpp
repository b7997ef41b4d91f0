#include "parse.h"

#include <algorithm>
#include <set>

#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/Basic/FileManager.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/CompilerInvocation.h>
#include <clang/Frontend/FrontendAction.h>
#include <clang/Frontend/TextDiagnosticPrinter.h>
#include <clang/Lex/Lexer.h>
#include <clang/Tooling/ArgumentsAdjusters.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/VirtualFileSystem.h>
#include <llvm/Support/raw_ostream.h>

namespace nni_gen {

using namespace clang;

bool runParse(const ParseInput& input, std::unique_ptr<FrontendAction> action) {
  std::vector<std::string> args = {NNI_TRACE_GEN_CLANG_DRIVER, "-fsyntax-only"};
  tooling::CommandLineArguments user = input.clang_args;
  user = tooling::getClangStripOutputAdjuster()(user, "");
  user = tooling::getClangStripDependencyFileAdjuster()(user, "");
  args.insert(args.end(), user.begin(), user.end());
  if (!input.resource_dir.empty()) {
    args.push_back("-resource-dir");
    args.push_back(input.resource_dir);
  }
  args.push_back("-D__NNI_TRACE_GEN__=1");
  args.push_back("-x" + input.language);
  args.push_back(input.main_file);

  auto overlay =
      llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(llvm::vfs::getRealFileSystem());
  if (input.content) {
    auto memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
    overlay->pushOverlay(memory);
    memory->addFile(input.main_file, 0,
                    llvm::MemoryBuffer::getMemBufferCopy(*input.content, input.main_file));
  }
  auto files = llvm::makeIntrusiveRefCnt<FileManager>(FileSystemOptions(), overlay);

  // The printer honours the diagnostic flags given (-fdiagnostics-parseable-fixits,
  // -fno-caret-diagnostics, ...), as the compiler would.
  std::vector<const char*> argv;
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  llvm::IntrusiveRefCntPtr<DiagnosticOptions> diagOptions(
      CreateAndPopulateDiagOpts(argv).release());
  if (std::find(args.begin(), args.end(), "-fno-color-diagnostics") == args.end() &&
      llvm::errs().has_colors())
    diagOptions->ShowColors = true;
  TextDiagnosticPrinter printer(input.diagnostics ? *input.diagnostics : llvm::errs(),
                                diagOptions.get());
  tooling::ToolInvocation invocation(args, std::move(action), files.get());
  invocation.setDiagnosticConsumer(&printer);
  invocation.setDiagnosticOptions(diagOptions.get());
  bool ok = invocation.run();
  // A flag Clang does not know is reported, yet the invocation may still succeed: count.
  return ok && printer.getNumErrors() == 0;
}

std::vector<std::string> filesRead(const SourceManager& sm, llvm::StringRef exclude) {
  std::set<std::string> files;
  for (auto it = sm.fileinfo_begin(); it != sm.fileinfo_end(); ++it) {
    if (!exclude.empty() && it->first.getName() == exclude) continue;
    llvm::SmallString<256> path(it->first.getFileEntry().tryGetRealPathName());
    if (path.empty()) {
      path = it->first.getName();
      llvm::sys::fs::make_absolute(path);
      llvm::sys::path::remove_dots(path, /*remove_dot_dot=*/true);
    }
    files.insert(std::string(path));
  }
  return {files.begin(), files.end()};
}

Location toLocation(const SourceManager& sm, SourceLocation loc) {
  Location out;
  out.opaque = loc.getRawEncoding();
  SourceLocation file = sm.getFileLoc(loc);
  PresumedLoc presumed = sm.getPresumedLoc(file, /*UseLineDirectives=*/false);
  if (presumed.isValid()) {
    llvm::SmallString<256> real;
    if (OptionalFileEntryRef entry = sm.getFileEntryRefForID(sm.getFileID(file));
        entry && !llvm::sys::fs::real_path(entry->getName(), real))
      out.file = std::string(real);
    else
      out.file = presumed.getFilename();
    out.line = presumed.getLine();
    out.column = presumed.getColumn();
  }
  return out;
}

std::optional<Location> traceInsertion(const CXXRecordDecl* record, const SourceManager& sm,
                                       const LangOptions& lang) {
  if (!record || record != record->getDefinition() || isa<ClassTemplateSpecializationDecl>(record))
    return std::nullopt;
  SourceLocation key = record->getBeginLoc();
  if (key.isInvalid() || key.isMacroID() || sm.isInSystemHeader(key)) return std::nullopt;
  Token token;
  if (Lexer::getRawToken(key, token, sm, lang, /*IgnoreWhiteSpace=*/true) ||
      !token.is(tok::raw_identifier) ||
      (token.getRawIdentifier() != "class" && token.getRawIdentifier() != "struct"))
    return std::nullopt;
  std::optional<Token> next = Lexer::findNextToken(key, sm, lang);
  if (!next || next->getLocation().isMacroID()) return std::nullopt;
  return toLocation(sm, next->getLocation());
}

}  // namespace nni_gen
