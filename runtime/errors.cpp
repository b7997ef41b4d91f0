#include "nni/errors.h"

#include <iterator>
#include <string>

namespace nni {

namespace {

// JSON Pointer (RFC 6901) escaping of one reference token.
std::string escape_segment(std::string_view segment) {
  std::string out;
  out.reserve(segment.size() + 1);
  out += '/';
  for (char c : segment) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

PathError::PathError(std::string_view prefix, std::string reason, std::string path)
    : std::runtime_error(reason),
      prefix_(prefix),
      reason_(std::move(reason)),
      path_(std::move(path)) {
  rebuild();
}

void PathError::prepend(std::string_view segment) {
  path_.insert(0, escape_segment(segment));
  rebuild();
}

void PathError::prepend(std::size_t index) {
  path_.insert(0, std::to_string(index));
  path_.insert(0, 1, '/');
  rebuild();
}

void PathError::rebuild() {
  message_ = prefix_;
  message_ += ": at ";
  message_ += path_.empty() ? std::string("(root)") : path_;
  message_ += ": ";
  message_ += reason_;
}

namespace detail {

LoadError load_error_at(std::string reason, std::initializer_list<std::string_view> segments) {
  LoadError e(std::move(reason));
  for (auto it = std::rbegin(segments); it != std::rend(segments); ++it) e.prepend(*it);
  return e;
}

}  // namespace detail
}  // namespace nni
