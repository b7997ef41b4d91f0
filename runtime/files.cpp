// Reading and writing payloads through streams and files.
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "nni/api.h"
#include "nni/errors.h"

namespace nni::detail {

std::string read_stream(std::istream& in) {
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw LoadError("reading the input stream failed");
  return text;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw LoadError("cannot open '" + path.string() + "': " + std::strerror(errno));
  return read_stream(in);
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw DumpError("cannot open '" + path.string() + "': " + std::strerror(errno));
  out << text;
  out.flush();
  if (!out) throw DumpError("writing '" + path.string() + "' failed");
}

}  // namespace nni::detail
