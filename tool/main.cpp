// nni-trace-gen: reads the [[nni::trace]] declarations of a target's headers and writes the C++
// that registers them with the nni-trace runtime, plus a YAML manifest and a depfile.
//
//   nni-trace-gen [options] <header>... -- <clang flags>
//   nni-trace-gen --check-calls [--depfile <file> --depfile-target <name>] <source>... -- <flags>
#include <cstdlib>
#include <string>
#include <vector>

#include <llvm/ADT/SmallString.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Config/llvm-config.h>
#include <llvm/Support/CommandLine.h>
#include <llvm/Support/Error.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/InitLLVM.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/StringSaver.h>
#include <llvm/Support/WithColor.h>
#include <llvm/Support/raw_ostream.h>

#include "ast_reader.h"
#include "call_checker.h"
#include "emit_cpp.h"
#include "emit_manifest.h"
#include "flags.h"
#include "output.h"
#include "trace_pch.h"

namespace {

constexpr const char* kToolName = "nni-trace-gen";

constexpr const char* kUsage = R"(USAGE: nni-trace-gen [options] <header>... -- <clang flags>
       nni-trace-gen --check-calls [--depfile <file> --depfile-target <name>] <source>...
                     -- <clang flags>

Reads the declarations marked [[nni::trace]] in the given headers (one parse of all of them,
with the given compiler flags) and writes the C++ source that registers them with the
nni-trace runtime. Only entities declared in the given headers are emitted.

OPTIONS:
  -o <file>                 the generated C++ source (required)
  --manifest <file>         also write a YAML manifest of the traced entities
  --depfile <file>          also write a Makefile-syntax depfile of every file the parse read
  --depfile-target <name>   the target named in the depfile (default: the -o file)
  --anchor <name>           define extern "C" nni_trace_anchor_<name>, for the linker to keep
  --resource-dir <dir>      Clang's resource directory (default: the one found at build time)
  --strict-flags            a compiler flag Clang does not know is an error (default: a warning,
                            and the flag is dropped from the parse)
  --fallback-is-error       a parameter of an untraced type that only the size-limited binary
                            fallback ({"__nni_obj__": ...}) can dump is an error (default: a
                            warning)
  --fast-loads              also generate a typed build per constructor, which nni::load uses
                            for payloads it reads from simdjson's tape: faster loads of these
                            classes, more to compile (docs/internals/loads.md)
  --pch-dir <dir>           where to look for the precompiled <nni/trace.h> (default: the one
                            installed with nni-trace-gen; see tool/README.md)
  --no-pch                  parse <nni/trace.h> as any header, without the precompiled one
  --verbose                 say whether the precompiled <nni/trace.h> was read, or why not
  --emit-trace-pch <file>   instead: precompile <nni/trace.h>, found through the -I flags, for
                            the -std= flag given, into <file> and <file>.info (nni-trace's
                            build and install do this)
  --check-calls             instead: parse each given source (a .cpp, function bodies and all)
                            and report each nni::make, nni::make_unique, nni::call and nni::load
                            of a class or function that is not traced; writes nothing but the
                            depfile (which then needs --depfile-target)
  --version                 print the version and exit
  --help                    print this help and exit

Arguments may come from response files (@file). Outputs whose content is unchanged are not
rewritten; on any error, no output is written and earlier outputs are removed.
)";

struct Options {
  std::string output;
  std::string manifest;
  std::string depfile;
  std::string depfile_target;
  std::string anchor;
  std::string resource_dir = NNI_TRACE_GEN_DEFAULT_RESOURCE_DIR;
  std::string pch_dir;
  std::string emit_trace_pch;        // the PCH to build instead of reading headers
  std::vector<std::string> headers;  // the inputs: headers, or sources with --check-calls
  std::vector<std::string> clang_args;
  bool help = false;
  bool version = false;
  bool strict_flags = false;
  bool fallback_is_error = false;
  bool check_calls = false;  // the inputs are sources, whose calls are checked
  bool no_pch = false;
  bool verbose = false;
  bool fast_loads = false;
};

llvm::Error usageError(const llvm::Twine& message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 message + " (see nni-trace-gen --help)");
}

llvm::Expected<Options> parseArguments(llvm::ArrayRef<const char*> argv) {
  Options options;
  std::size_t i = 1;
  // Options that take a value accept "--name value" and "--name=value".
  auto value = [&](llvm::StringRef arg, llvm::StringRef name,
                   std::string& out) -> llvm::Expected<bool> {
    if (arg == name) {
      if (i + 1 >= argv.size()) return usageError("missing value after '" + name + "'");
      out = argv[++i];
      return true;
    }
    if (arg.starts_with(name) && arg.drop_front(name.size()).starts_with("=")) {
      out = arg.drop_front(name.size() + 1).str();
      return true;
    }
    return false;
  };
  for (; i < argv.size(); ++i) {
    llvm::StringRef arg = argv[i];
    if (arg == "--") {
      for (++i; i < argv.size(); ++i) options.clang_args.push_back(argv[i]);
      break;
    }
    if (arg == "--help" || arg == "-h") {
      options.help = true;
      continue;
    }
    if (arg == "--version") {
      options.version = true;
      continue;
    }
    if (arg == "--strict-flags") {
      options.strict_flags = true;
      continue;
    }
    if (arg == "--fallback-is-error") {
      options.fallback_is_error = true;
      continue;
    }
    if (arg == "--check-calls") {
      options.check_calls = true;
      continue;
    }
    if (arg == "--no-pch") {
      options.no_pch = true;
      continue;
    }
    if (arg == "--fast-loads") {
      options.fast_loads = true;
      continue;
    }
    if (arg == "--verbose" || arg == "-v") {
      options.verbose = true;
      continue;
    }
    bool matched = false;
    for (auto [name, out] : {std::pair<llvm::StringRef, std::string*>{"-o", &options.output},
                             {"--manifest", &options.manifest},
                             {"--depfile", &options.depfile},
                             {"--depfile-target", &options.depfile_target},
                             {"--anchor", &options.anchor},
                             {"--resource-dir", &options.resource_dir},
                             {"--pch-dir", &options.pch_dir},
                             {"--emit-trace-pch", &options.emit_trace_pch}}) {
      llvm::Expected<bool> found = value(arg, name, *out);
      if (!found) return found.takeError();
      if (*found) {
        matched = true;
        break;
      }
    }
    if (matched) continue;
    if (arg.starts_with("-") && arg != "-")
      return usageError("unknown option '" + arg + "'; compiler flags go after '--'");
    options.headers.push_back(arg.str());
  }
  if (options.help || options.version) return options;
  if (!options.emit_trace_pch.empty()) {
    if (options.check_calls || !options.output.empty() || !options.manifest.empty() ||
        !options.headers.empty())
      return usageError("--emit-trace-pch takes no input and writes no code");
    if (options.depfile_target.empty()) options.depfile_target = options.emit_trace_pch;
    return options;
  }
  if (options.check_calls) {
    if (!options.output.empty() || !options.manifest.empty() || !options.anchor.empty())
      return usageError("--check-calls writes no code: -o, --manifest and --anchor do not apply");
    if (options.headers.empty()) return usageError("no input source");
    if (!options.depfile.empty() && options.depfile_target.empty())
      return usageError("--depfile needs --depfile-target with --check-calls");
    return options;
  }
  if (options.output.empty()) return usageError("no output file: -o <file> is required");
  if (options.headers.empty()) return usageError("no input header");
  if (!options.depfile.empty() && options.depfile_target.empty())
    options.depfile_target = options.output;
  return options;
}

// The inputs as absolute, canonical paths: the reader compares declarations' files with them.
llvm::Error canonicalizeHeaders(std::vector<std::string>& headers, const char* what = "header") {
  for (std::string& header : headers) {
    llvm::SmallString<256> real;
    if (std::error_code ec = llvm::sys::fs::real_path(header, real))
      return llvm::createStringError(ec, "cannot read %s '%s': %s", what, header.c_str(),
                                     ec.message().c_str());
    if (llvm::sys::fs::is_directory(real))
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "'%s' is a directory, not a %s", header.c_str(), what);
    header = std::string(real);
  }
  return llvm::Error::success();
}

void removeOutputs(const Options& options) {
  for (const std::string* path :
       {&options.output, &options.manifest, &options.depfile, &options.emit_trace_pch})
    if (!path->empty()) llvm::sys::fs::remove(*path);
}

// --check-calls: one parse per source; the depfile names every file any of them read.
llvm::Error runCallChecks(const Options& options, const nni_gen::FilteredFlags& flags) {
  nni_gen::CheckCallsOptions check;
  check.sources = options.headers;
  check.clang_args = flags.kept;
  check.resource_dir = options.resource_dir;
  llvm::Expected<std::vector<std::string>> read = nni_gen::checkSourceCalls(check);
  if (!read) return read.takeError();
  if (options.depfile.empty()) return llvm::Error::success();
  return nni_gen::writeOutputs(
      {{options.depfile, nni_gen::makeDepfile(options.depfile_target, *read)}});
}

llvm::Error run(Options options) {
  if (llvm::Error error =
          canonicalizeHeaders(options.headers, options.check_calls ? "source" : "header"))
    return error;

  // Flags written for GCC (a compile_commands.json, a target's options) that Clang rejects.
  // The check of calls shows none of Clang's warnings, so warning options do not matter there.
  nni_gen::FilteredFlags flags = nni_gen::filterClangFlags(
      options.check_calls ? nni_gen::withoutWarningFlags(options.clang_args) : options.clang_args);
  for (const std::string& flag : flags.dropped) {
    if (options.strict_flags)
      llvm::WithColor::error(llvm::errs(), kToolName)
          << "Clang does not know the compiler flag '" << flag << "' (--strict-flags)\n";
    else
      llvm::WithColor::warning(llvm::errs(), kToolName)
          << "dropped the compiler flag '" << flag
          << "', which Clang does not know (--strict-flags makes this an error)\n";
  }
  if (options.strict_flags && !flags.dropped.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "compiler flags Clang does not know; no output written");
  if (options.check_calls) return runCallChecks(options, flags);
  if (!options.emit_trace_pch.empty()) {
    llvm::Expected<std::vector<std::string>> read =
        nni_gen::buildTracePch(options.emit_trace_pch, flags.kept, options.resource_dir);
    if (!read) return read.takeError();
    if (options.depfile.empty()) return llvm::Error::success();
    return nni_gen::writeOutputs(
        {{options.depfile, nni_gen::makeDepfile(options.depfile_target, *read)}});
  }

  nni_gen::ReadOptions read;
  read.headers = options.headers;
  read.clang_args = flags.kept;
  read.resource_dir = options.resource_dir;
  read.fallback_is_error = options.fallback_is_error;
  if (!options.no_pch) read.pch_dir = options.pch_dir;
  read.verbose = options.verbose;
  llvm::Expected<nni_gen::Model> model = nni_gen::readModel(read);
  if (!model) return model.takeError();

  std::vector<nni_gen::OutputFile> outputs;
  nni_gen::CppOptions cpp;
  cpp.anchor = nni_gen::sanitizeIdentifier(options.anchor);
  cpp.fast_loads = options.fast_loads;
  outputs.push_back({options.output, nni_gen::emitCpp(*model, cpp)});
  if (!options.manifest.empty())
    outputs.push_back({options.manifest, nni_gen::emitManifest(*model)});
  if (!options.depfile.empty())
    outputs.push_back(
        {options.depfile, nni_gen::makeDepfile(options.depfile_target, model->dependencies)});
  return nni_gen::writeOutputs(outputs);
}

}  // namespace

int main(int argc, const char** argv) {
  llvm::InitLLVM init(argc, argv);

  // CMake passes long flag lists in response files.
  llvm::BumpPtrAllocator allocator;
  llvm::StringSaver saver(allocator);
  llvm::SmallVector<const char*, 64> args(argv, argv + argc);
  if (!llvm::cl::ExpandResponseFiles(saver, llvm::cl::TokenizeGNUCommandLine, args)) {
    llvm::WithColor::error(llvm::errs(), kToolName) << "cannot read a response file\n";
    return EXIT_FAILURE;
  }

  llvm::Expected<Options> options = parseArguments(args);
  if (!options) {
    llvm::WithColor::error(llvm::errs(), kToolName) << llvm::toString(options.takeError()) << "\n";
    return EXIT_FAILURE;
  }
  if (options->pch_dir.empty()) options->pch_dir = nni_gen::defaultTracePchDir(argv[0]);
  if (options->help) {
    llvm::outs() << kUsage;
    return EXIT_SUCCESS;
  }
  if (options->version) {
    llvm::StringRef version = NNI_TRACE_GEN_VERSION;
    llvm::outs() << kToolName << " " << (version.empty() ? "unknown" : version) << " (Clang "
                 << LLVM_VERSION_STRING << ")\n";
    return EXIT_SUCCESS;
  }
  if (llvm::Error error = run(*options)) {
    llvm::WithColor::error(llvm::errs(), kToolName) << llvm::toString(std::move(error)) << "\n";
    removeOutputs(*options);
    return EXIT_FAILURE;
  }
  return EXIT_SUCCESS;
}
