#include "trace_pch.h"

#include <cctype>
#include <chrono>
#include <map>
#include <set>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendActions.h>
#include <clang/Lex/Lexer.h>
#include <clang/Lex/MacroInfo.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>
#include <clang/Tooling/Tooling.h>
#include <fmt/format.h>
#include <llvm/ADT/SmallString.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Config/llvm-config.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>

#include "output.h"
#include "parse.h"

namespace nni_gen {

using namespace clang;

namespace {

constexpr llvm::StringRef kInfoMagic = "nni-trace-gen precompiled <nni/trace.h>";

std::string generatorId() {
  return std::string(NNI_TRACE_GEN_VERSION) + " Clang " + LLVM_VERSION_STRING;
}

std::string realPath(llvm::StringRef path) {
  llvm::SmallString<256> real;
  if (llvm::sys::fs::real_path(path, real)) return std::string();
  return std::string(real);
}

// "<size> <mtime in ns>" of a file, empty when it cannot be read.
std::string fileStamp(llvm::StringRef path) {
  llvm::sys::fs::file_status status;
  if (llvm::sys::fs::status(path, status)) return std::string();
  auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                status.getLastModificationTime().time_since_epoch())
                .count();
  return fmt::format("{} {}", status.getSize(), ns);
}

void addIdentifiers(llvm::StringRef text, std::set<std::string>& out) {
  std::size_t i = 0;
  while (i < text.size()) {
    unsigned char c = text[i];
    if (std::isalpha(c) || c == '_') {
      std::size_t start = i;
      while (i < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[i])) || text[i] == '_'))
        ++i;
      out.insert(text.slice(start, i).str());
    } else {
      ++i;
    }
  }
}

// What the PCH's preprocessing looked at, and how its includes were written.
struct PchRecord {
  std::set<std::string> identifiers;  // tested or set as macros, or in an expanded macro's body
  std::set<std::string> tokens;       // given to the parser, not followed by '('
  std::set<std::string> calls;        // given to the parser, followed by '('
  std::map<std::string, std::set<std::string>> includes;  // as written -> real paths found
};

class PchRecorder : public PPCallbacks {
 public:
  PchRecorder(const SourceManager& sm, const LangOptions& lang, PchRecord& record)
      : sm_(sm), lang_(lang), record_(record) {}

  void InclusionDirective(SourceLocation, const Token&, StringRef written, bool, CharSourceRange,
                          OptionalFileEntryRef file, StringRef, StringRef, const Module*, bool,
                          SrcMgr::CharacteristicKind) override {
    if (!file || llvm::sys::path::is_absolute(written)) return;
    std::string real = realPath(file->getName());
    if (!real.empty()) record_.includes[written.str()].insert(real);
  }
  void MacroExpands(const Token& name, const MacroDefinition& definition, SourceRange,
                    const MacroArgs*) override {
    add(name);
    // A name in a macro's body matters where the macro is expanded (in an #if, say).
    if (const MacroInfo* info = definition.getMacroInfo())
      for (const Token& token : info->tokens()) add(token);
  }
  void MacroDefined(const Token& name, const MacroDirective*) override { add(name); }
  void MacroUndefined(const Token& name, const MacroDefinition&, const MacroDirective*) override {
    add(name);
  }
  void Defined(const Token& name, const MacroDefinition&, SourceRange) override { add(name); }
  void Ifdef(SourceLocation, const Token& name, const MacroDefinition&) override { add(name); }
  void Ifndef(SourceLocation, const Token& name, const MacroDefinition&) override { add(name); }
  void Elifdef(SourceLocation, const Token& name, const MacroDefinition&) override { add(name); }
  void Elifndef(SourceLocation, const Token& name, const MacroDefinition&) override { add(name); }
  void Elifdef(SourceLocation, SourceRange condition, SourceLocation) override { add(condition); }
  void Elifndef(SourceLocation, SourceRange condition, SourceLocation) override { add(condition); }
  // An identifier that is no macro is 0 in a condition: defining it would change the branch.
  void If(SourceLocation, SourceRange condition, ConditionValueKind) override { add(condition); }
  void Elif(SourceLocation, SourceRange condition, ConditionValueKind, SourceLocation) override {
    add(condition);
  }

 private:
  void add(const Token& token) {
    if (const IdentifierInfo* info = token.getIdentifierInfo())
      record_.identifiers.insert(info->getName().str());
    else if (token.is(tok::raw_identifier))
      record_.identifiers.insert(token.getRawIdentifier().str());
  }
  void add(SourceRange range) {
    bool invalid = false;
    StringRef text =
        Lexer::getSourceText(CharSourceRange::getTokenRange(range), sm_, lang_, &invalid);
    if (!invalid) addIdentifiers(text, record_.identifiers);
  }

  const SourceManager& sm_;
  const LangOptions& lang_;
  PchRecord& record_;
};

class BuildPchAction : public GeneratePCHAction {
 public:
  BuildPchAction(std::string output, PchRecord& record, std::vector<std::string>& read)
      : output_(std::move(output)), record_(record), read_(read) {}

 protected:
  bool BeginSourceFileAction(CompilerInstance& ci) override {
    Preprocessor& pp = ci.getPreprocessor();
    pp.addPPCallbacks(
        std::make_unique<PchRecorder>(ci.getSourceManager(), ci.getLangOpts(), record_));
    // Every token the parse is given, function bodies it skips included. A function-like macro
    // changes an identifier only where a '(' follows it.
    pp.setTokenWatcher([this](const Token& token) {
      if (!pending_.empty()) {
        (token.is(tok::l_paren) ? record_.calls : record_.tokens).insert(pending_);
        pending_.clear();
      }
      if (const IdentifierInfo* info = token.getIdentifierInfo()) pending_ = info->getName().str();
    });
    return GeneratePCHAction::BeginSourceFileAction(ci);
  }
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance& ci, StringRef file) override {
    // The generator skips function bodies; so may the PCH it reads.
    ci.getFrontendOpts().SkipFunctionBodies = true;
    ci.getFrontendOpts().OutputFile = output_;
    return GeneratePCHAction::CreateASTConsumer(ci, file);
  }
  void EndSourceFileAction() override {
    read_ = filesRead(getCompilerInstance().getSourceManager());
    GeneratePCHAction::EndSourceFileAction();
  }

 private:
  std::string output_;
  PchRecord& record_;
  std::vector<std::string>& read_;
  std::string pending_;  // the last identifier given to the parser
};

// The flags a PCH was built with that a parse must share: -std=..., and nothing else the
// whitelist below does not name.
struct FlagFacts {
  std::string standard;  // the last -std=
  std::vector<std::string> include_dirs;
  std::vector<std::string> macros;  // -D / -U names
  std::string rejected;             // a flag that rules the PCH out
};

FlagFacts readFlags(const std::vector<std::string>& args) {
  FlagFacts facts;
  llvm::SmallString<256> cwd;
  llvm::sys::fs::current_path(cwd);
  auto addDir = [&](llvm::StringRef dir) {
    llvm::SmallString<256> path(dir);
    llvm::sys::fs::make_absolute(cwd, path);
    facts.include_dirs.push_back(std::string(path));
  };
  auto addMacro = [&](llvm::StringRef definition) {
    facts.macros.push_back(
        definition.take_until([](char c) { return c == '=' || c == '('; }).str());
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    llvm::StringRef arg = args[i];
    bool has_next = i + 1 < args.size();
    if (arg.consume_front("-std=")) {
      facts.standard = arg.str();
    } else if ((arg == "-I" || arg == "-isystem" || arg == "-iquote" || arg == "-idirafter") &&
               has_next) {
      addDir(args[++i]);
    } else if ((arg == "-D" || arg == "-U") && has_next) {
      addMacro(args[++i]);
    } else if (arg.consume_front("-isystem") || arg.consume_front("-iquote") ||
               arg.consume_front("-idirafter") || arg.consume_front("-I")) {
      addDir(arg);
    } else if (arg.consume_front("-D") || arg.consume_front("-U")) {
      addMacro(arg);
    } else if (arg.starts_with("-Werror") || arg == "-pedantic-errors") {
      // A warning in <nni/trace.h> would fail the parse that reads it.
      facts.rejected = arg.str();
    } else if (arg.starts_with("-W") || arg == "-w" || arg.starts_with("-fdiagnostics-") ||
               arg.starts_with("-fno-diagnostics-") || arg.starts_with("-fmessage-length") ||
               arg.starts_with("-ferror-limit") || arg == "-fcolor-diagnostics" ||
               arg == "-fno-color-diagnostics" || arg == "-fcaret-diagnostics" ||
               arg == "-fno-caret-diagnostics") {
      // Diagnostic options change what is printed, not what is parsed.
    } else {
      facts.rejected = arg.str();
    }
    if (!facts.rejected.empty()) break;
  }
  return facts;
}

llvm::Error notFit(const llvm::Twine& why) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), why);
}

std::string infoPath(const std::string& pch) { return pch + ".info"; }

// "file:line" of a location, for --verbose (parse.h's toLocation, as diagnostics have it).
std::string where(const SourceManager& sm, SourceLocation loc) {
  Location at = toLocation(sm, loc);
  return fmt::format("{}:{}", at.file.empty() ? "<input>" : at.file, at.line);
}

// The state of the macros is what <nni/trace.h> depends on where it is included: a macro the
// PCH looked at must be as the PCH's own parse began (defined by Clang or the command line, or
// not at all). A macro a header defined and undefined again before (glibc's headers do) is.
class PchGuard : public PPCallbacks {
 public:
  PchGuard(const Preprocessor& pp, const TracePch& pch, TracePchWatch& watch)
      : pp_(pp), pch_(pch), watch_(watch) {
    for (const std::string& file : pch.inputs) inputs_.insert(file);
  }

  void InclusionDirective(SourceLocation hash, const Token&, StringRef, bool, CharSourceRange,
                          OptionalFileEntryRef file, StringRef, StringRef, const Module*, bool,
                          SrcMgr::CharacteristicKind) override {
    if (watch_.included.isInvalid() && file && realPath(file->getName()) == pch_.header) {
      watch_.included = hash;
      checkMacros();
    }
  }

  // A file the PCH did not read defines a macro the PCH tests, before <nni/trace.h>: it may be
  // undefined again by then (checkMacros decides), but rarely is, and the rest of this parse
  // would be wasted time: it ends at the next declaration (TracePchWatch), and the parse
  // without the PCH starts.
  void MacroDefined(const Token& name, const MacroDirective* md) override {
    if (watch_.included.isValid() || !watch_.why_not.empty() || fromStart(md->getLocation()) ||
        fromPch(md) || !pch_.identifiers.contains(name.getIdentifierInfo()->getName()))
      return;
    watch_.why_not = describe(md, name.getIdentifierInfo()->getName());
  }

 private:
  bool fromStart(SourceLocation loc) const {
    // Clang's own builtin macros (__is_identifier, ...) have no location.
    const SourceManager& sm = pp_.getSourceManager();
    return loc.isInvalid() || sm.isWrittenInBuiltinFile(loc) || sm.isWrittenInCommandLineFile(loc);
  }

  // Loaded from the PCH, or set by a file the PCH read too (glibc's libc-header-start.h, which
  // has no include guard, sets its macros again each time it is included). What such a file
  // sets depends on macros the PCH looked at, which are checked themselves.
  bool fromPch(const MacroDirective* md) const {
    const SourceManager& sm = pp_.getSourceManager();
    SourceLocation loc = md->getLocation();
    if (md->isFromPCH() || sm.isLoadedSourceLocation(loc)) return true;
    OptionalFileEntryRef file = sm.getFileEntryRefForID(sm.getFileID(sm.getExpansionLoc(loc)));
    return file && inputs_.contains(realPath(file->getName()));
  }

  void checkMacros() {
    for (const auto& [info, state] : pp_.macros(/*IncludeExternalMacros=*/false)) {
      const MacroDirective* latest = pp_.getLocalMacroDirectiveHistory(info);
      if (!latest) continue;
      const MacroInfo* macro = latest->getMacroInfo();
      if (!pch_.reads(info->getName(), macro && macro->isFunctionLike())) continue;
      const MacroDirective* changed = nullptr;
      MacroDirective::DefInfo definition = latest->getDefinition();
      if (definition && !definition.isUndefined()) {
        // Defined now: fine if by Clang or the command line.
        if (!fromStart(definition.getLocation())) changed = definition.getDirective();
      } else {
        // Undefined now: fine unless Clang or the command line had defined it.
        for (const MacroDirective* md = latest; md; md = md->getPrevious())
          if (isa<DefMacroDirective>(md) && fromStart(md->getLocation())) changed = latest;
      }
      if (!changed || fromPch(changed)) continue;
      watch_.why_not = describe(changed, info->getName());
      return;
    }
  }

  std::string describe(const MacroDirective* md, llvm::StringRef name) const {
    return fmt::format("{} {} '{}' before including <nni/trace.h>, which reads it",
                       where(pp_.getSourceManager(), md->getLocation()),
                       isa<DefMacroDirective>(md) ? "defines" : "undefines", name.str());
  }

  const Preprocessor& pp_;
  const TracePch& pch_;
  TracePchWatch& watch_;
  llvm::StringSet<> inputs_;
};

}  // namespace

llvm::Expected<std::vector<std::string>> buildTracePch(const std::string& output,
                                                       const std::vector<std::string>& clang_args,
                                                       const std::string& resource_dir) {
  FlagFacts facts = readFlags(clang_args);
  if (!facts.rejected.empty())
    return notFit("a precompiled <nni/trace.h> is built with -std=, -I and -D flags only, not '" +
                  facts.rejected + "'");
  if (facts.standard.empty()) return notFit("a precompiled <nni/trace.h> needs a -std= flag");

  // The header as the parse finds it, through the include directories given.
  std::string header;
  for (const std::string& dir : facts.include_dirs) {
    llvm::SmallString<256> candidate(dir);
    llvm::sys::path::append(candidate, "nni", "trace.h");
    if (llvm::sys::fs::exists(candidate)) {
      header = realPath(candidate);
      break;
    }
  }
  if (header.empty()) return notFit("no -I directory holds nni/trace.h");

  llvm::StringRef parent = llvm::sys::path::parent_path(output);
  if (!parent.empty())
    if (std::error_code ec = llvm::sys::fs::create_directories(parent))
      return notFit("cannot create '" + parent + "': " + ec.message());
  ParseInput input;
  input.main_file = header;
  input.clang_args = clang_args;
  input.clang_args.push_back("-fpch-instantiate-templates");
  input.resource_dir = resource_dir;
  input.language = "c++-header";
  PchRecord record;
  std::vector<std::string> read;
  if (!runParse(input, std::make_unique<BuildPchAction>(output, record, read)))
    return notFit("the precompiled <nni/trace.h> could not be built");

  std::string info = std::string(kInfoMagic) + "\n";
  info += "generator " + generatorId() + "\n";
  info += "std " + facts.standard + "\n";
  info += "resource-dir " + resource_dir + "\n";
  info += "header " + header + "\n";
  for (const std::string& file : read) {
    std::string stamp = fileStamp(file);
    if (stamp.empty()) return notFit("cannot read '" + file + "'");
    info += "file " + stamp + " " + file + "\n";
  }
  for (const auto& [written, found] : record.includes)
    for (const std::string& real : found) info += "include " + written + " " + real + "\n";
  for (const std::string& identifier : record.identifiers) info += "id " + identifier + "\n";
  for (const std::string& identifier : record.tokens) info += "tok " + identifier + "\n";
  for (const std::string& identifier : record.calls) info += "call " + identifier + "\n";
  if (llvm::Error error = writeOutputs({{infoPath(output), info}})) return error;
  return read;
}

llvm::Expected<TracePch> findTracePch(const std::string& dir,
                                      const std::vector<std::string>& clang_args,
                                      const std::string& resource_dir) {
  FlagFacts facts = readFlags(clang_args);
  if (!facts.rejected.empty()) return notFit("the compiler flag '" + facts.rejected + "'");
  if (facts.standard.empty()) return notFit("no -std= flag");
  TracePch pch;
  llvm::SmallString<256> path(dir);
  llvm::sys::path::append(path, "trace-" + facts.standard + ".pch");
  pch.path = std::string(path);
  auto buffer = llvm::MemoryBuffer::getFile(infoPath(pch.path));
  if (!buffer || !llvm::sys::fs::exists(pch.path))
    return notFit("none for -std=" + facts.standard + " in '" + dir + "'");

  llvm::StringRef text = (*buffer)->getBuffer();
  llvm::StringRef line;
  std::tie(line, text) = text.split('\n');
  if (line != kInfoMagic) return notFit("'" + infoPath(pch.path) + "' is not a PCH description");
  std::map<std::string, std::set<std::string>> includes;
  while (!text.empty()) {
    std::tie(line, text) = text.split('\n');
    auto [key, value] = line.split(' ');
    if (key == "id") {
      pch.identifiers.insert(value);
    } else if (key == "tok") {
      pch.tokens.insert(value);
    } else if (key == "call") {
      pch.calls.insert(value);
    } else if (key == "file") {
      auto [size, rest] = value.split(' ');
      auto [mtime, file] = rest.split(' ');
      std::string stamp = fileStamp(file);
      if (stamp.empty()) return notFit("'" + file + "', which the PCH read, is gone");
      if (stamp != (size + " " + mtime).str())
        return notFit("'" + file + "' changed since the PCH was built");
      pch.inputs.push_back(file.str());
    } else if (key == "include") {
      auto [written, real] = value.rsplit(' ');
      includes[written.str()].insert(real.str());
    } else if (key == "generator") {
      if (value != generatorId()) return notFit("built by nni-trace-gen " + value);
    } else if (key == "std") {
      if (value != facts.standard) return notFit("built for -std=" + value);
    } else if (key == "resource-dir") {
      if (value != resource_dir) return notFit("built with the resource directory " + value);
    } else if (key == "header") {
      pch.header = value.str();
    }
  }
  for (const std::string& macro : facts.macros)
    if (pch.reads(macro, /*function_like=*/false))
      return notFit("the command line sets the macro '" + macro + "', which <nni/trace.h> reads");
  // An include directory of this parse must not hold another file under a name the PCH's
  // includes were written as (it would be found first, or instead).
  for (const std::string& include_dir : facts.include_dirs) {
    for (const auto& [written, found] : includes) {
      llvm::SmallString<256> candidate(include_dir);
      llvm::sys::path::append(candidate, written);
      if (!llvm::sys::fs::exists(candidate)) continue;
      if (!found.count(realPath(candidate)))
        return notFit("'" + std::string(candidate) + "' could be found for #include '" + written +
                      "'");
    }
  }
  return pch;
}

bool TracePch::reads(llvm::StringRef name, bool function_like) const {
  return identifiers.contains(name) || calls.contains(name) ||
         (!function_like && tokens.contains(name));
}

std::vector<std::string> tracePchFlags(const TracePch& pch) { return {"-include-pch", pch.path}; }

std::unique_ptr<PPCallbacks> makeTracePchGuard(const CompilerInstance& ci, const TracePch& pch,
                                               TracePchWatch& watch) {
  return std::make_unique<PchGuard>(ci.getPreprocessor(), pch, watch);
}

void checkTracePchOrder(const ASTContext& ctx, TracePchWatch& watch) {
  if (!watch.why_not.empty()) return;
  if (watch.included.isInvalid()) {
    watch.why_not = "the input headers do not include <nni/trace.h>";
    return;
  }
  const SourceManager& sm = ctx.getSourceManager();
  for (const Decl* decl : ctx.getTranslationUnitDecl()->noload_decls()) {
    if (decl->isFromASTFile() || decl->isImplicit()) continue;
    SourceLocation loc = sm.getExpansionLoc(decl->getBeginLoc());
    if (loc.isInvalid() || sm.isInSystemHeader(loc) ||
        !sm.isBeforeInTranslationUnit(loc, watch.included))
      continue;
    watch.why_not = where(sm, loc) + " declares something before including <nni/trace.h>";
    return;
  }
}

std::string defaultTracePchDir(const char* argv0) {
  static int anchor = 0;
  std::string exe = llvm::sys::fs::getMainExecutable(argv0, &anchor);
  if (exe.empty()) return std::string();
  llvm::StringRef bin = llvm::sys::path::parent_path(exe);
  for (llvm::StringRef relative : {NNI_TRACE_GEN_PCH_RELDIR, "pch"}) {
    llvm::SmallString<256> dir(bin);
    llvm::sys::path::append(dir, relative);
    llvm::sys::path::remove_dots(dir, /*remove_dot_dot=*/true);
    if (llvm::sys::fs::is_directory(dir)) return std::string(dir);
  }
  return std::string();
}

}  // namespace nni_gen
