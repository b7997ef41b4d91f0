// Writing the generator's outputs: atomically, and only when their content changes.
#pragma once

#include <string>
#include <vector>

#include <llvm/Support/Error.h>

namespace nni_gen {

struct OutputFile {
  std::string path;
  std::string content;
};

// Writes each file through a temporary in the same directory, renamed into place; a file whose
// content is already `content` is left untouched (so its timestamp stays). Either all files are
// up to date on success, or an error says which one failed.
llvm::Error writeOutputs(const std::vector<OutputFile>& files);

// A Makefile-syntax depfile: "<target>: <dep> <dep> ...", one dependency per line.
std::string makeDepfile(const std::string& target, const std::vector<std::string>& dependencies);

}  // namespace nni_gen
