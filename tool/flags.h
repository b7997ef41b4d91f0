// The target's compiler flags, made fit for Clang: a compile_commands.json or a target written
// for GCC may carry flags that Clang rejects (an unknown argument is an error of the parse) or
// warns about (an unknown -W option, an error under -Werror).
#pragma once

#include <string>
#include <vector>

namespace nni_gen {

struct FilteredFlags {
  std::vector<std::string> kept;
  std::vector<std::string> dropped;  // each flag as written (with its value, if separate)
};

// Splits `flags` into those Clang's driver knows and those it does not: arguments the driver
// cannot parse, and -W<warning> / -Wno-<warning> / -Werror=<warning> options that name no
// warning Clang has (GCC's -Wlogical-op, -Wno-attributes=nni::, ...).
FilteredFlags filterClangFlags(const std::vector<std::string>& flags);

}  // namespace nni_gen
