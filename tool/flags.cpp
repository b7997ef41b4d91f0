// Flags Clang's driver does not know, found with its own option table (flags.h).
#include "flags.h"

#include <clang/Basic/DiagnosticIDs.h>
#include <clang/Driver/Options.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Option/Arg.h>
#include <llvm/Option/ArgList.h>
#include <llvm/Option/OptTable.h>
#include <llvm/Option/Option.h>

namespace nni_gen {
namespace {

// Whether `-W<name>` is a warning option Clang knows. `name` is what follows -W.
bool knownWarningOption(llvm::StringRef name) {
  name.consume_front("no-");
  if (name.consume_front("error=") || name.consume_front("no-error=") ||
      name.consume_front("fatal-errors=")) {
  }
  // Options that are no diagnostic group of their own.
  if (name == "error" || name == "fatal-errors" || name == "everything" ||
      name == "system-headers" || name == "deprecated" || name == "error" || name.empty())
    return true;
  return clang::DiagnosticIDs::getGroupForWarningOption(name).has_value();
}

}  // namespace

FilteredFlags filterClangFlags(const std::vector<std::string>& flags) {
  FilteredFlags out;
  std::vector<const char*> argv;
  argv.reserve(flags.size());
  for (const std::string& flag : flags) argv.push_back(flag.c_str());
  const llvm::opt::OptTable& table = clang::driver::getDriverOptTable();
  unsigned missingIndex = 0, missingCount = 0;
  llvm::opt::InputArgList parsed = table.ParseArgs(
      argv, missingIndex, missingCount, llvm::opt::Visibility(clang::driver::options::ClangOption));
  std::vector<bool> drop(flags.size(), false);
  for (const llvm::opt::Arg* arg : parsed) {
    const llvm::opt::Option option = arg->getOption();
    bool unknown = option.getID() == clang::driver::options::OPT_UNKNOWN;
    if (option.matches(clang::driver::options::OPT_W_Joined) && arg->getNumValues() == 1)
      unknown = !knownWarningOption(arg->getValue());
    if (!unknown) continue;
    // The strings the argument took: its own, and a separate value if it has one.
    unsigned first = arg->getIndex();
    unsigned last =
        first +
        (arg->getNumValues() > 0 && option.getKind() == llvm::opt::Option::SeparateClass ? 1 : 0);
    for (unsigned i = first; i <= last && i < drop.size(); ++i) drop[i] = true;
  }
  for (std::size_t i = 0; i < flags.size(); ++i)
    (drop[i] ? out.dropped : out.kept).push_back(flags[i]);
  return out;
}

}  // namespace nni_gen
