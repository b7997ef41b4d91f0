#include "output.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

namespace nni_gen {
namespace {

bool sameContent(const std::string& path, const std::string& content) {
  auto existing = llvm::MemoryBuffer::getFile(path, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
  return existing && (*existing)->getBuffer() == content;
}

llvm::Error writeAtomically(const std::string& path, const std::string& content) {
  llvm::SmallString<256> temp;
  int fd = -1;
  if (std::error_code ec = llvm::sys::fs::createUniqueFile(path + ".tmp-%%%%%%", fd, temp))
    return llvm::createStringError(ec, "cannot create a temporary file next to '%s': %s",
                                   path.c_str(), ec.message().c_str());
  {
    llvm::raw_fd_ostream out(fd, /*shouldClose=*/true);
    out << content;
    out.close();
    if (out.has_error()) {
      std::error_code ec = out.error();
      out.clear_error();
      llvm::sys::fs::remove(temp);
      return llvm::createStringError(ec, "cannot write '%s': %s", temp.c_str(),
                                     ec.message().c_str());
    }
  }
  if (std::error_code ec = llvm::sys::fs::rename(temp, path)) {
    llvm::sys::fs::remove(temp);
    return llvm::createStringError(ec, "cannot rename '%s' to '%s': %s", temp.c_str(), path.c_str(),
                                   ec.message().c_str());
  }
  return llvm::Error::success();
}

// Escapes a path for Makefile syntax, as Ninja and CMake read depfiles.
std::string escapeMake(const std::string& path) {
  std::string out;
  for (char c : path) {
    if (c == ' ' || c == '#')
      out += '\\';
    else if (c == '$')
      out += '$';
    out += c;
  }
  return out;
}

}  // namespace

llvm::Error writeOutputs(const std::vector<OutputFile>& files) {
  for (const OutputFile& file : files) {
    if (sameContent(file.path, file.content)) continue;
    if (llvm::Error error = writeAtomically(file.path, file.content)) return error;
  }
  return llvm::Error::success();
}

std::string makeDepfile(const std::string& target, const std::vector<std::string>& dependencies) {
  std::string out = escapeMake(target) + ":";
  for (const std::string& dep : dependencies) out += " \\\n  " + escapeMake(dep);
  return out + "\n";
}

}  // namespace nni_gen
