// The exceptions the runtime throws. LoadError and DumpError name the JSON path of the problem.
#pragma once

#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>

namespace nni {

// An error located in a JSON document: the message is "<path>: <reason>", where the path is a
// JSON Pointer ("/__kwargs__/dataset/__kwargs__/train"), or "(root)" at the top.
class PathError : public std::runtime_error {
 public:
  PathError(std::string_view prefix, std::string reason, std::string path = {});

  const std::string& path() const noexcept { return path_; }
  const std::string& reason() const noexcept { return reason_; }

  // Called while the error unwinds through each level of the document, innermost first.
  void prepend(std::string_view segment);
  void prepend(std::size_t index);

  const char* what() const noexcept override { return message_.c_str(); }

 private:
  void rebuild();

  std::string prefix_;
  std::string reason_;
  std::string path_;
  std::string message_;
};

// A payload cannot be loaded: bad JSON, unknown symbol, wrong argument, out-of-range value, ...
class LoadError : public PathError {
 public:
  explicit LoadError(std::string reason, std::string path = {})
      : PathError("nni::load", std::move(reason), std::move(path)) {}
};

// A value cannot be dumped: an object of a traced class built without nni::make, NaN without
// allow_nan, a string that is not UTF-8, ...
class DumpError : public PathError {
 public:
  explicit DumpError(std::string reason, std::string path = {})
      : PathError("nni::dump", std::move(reason), std::move(path)) {}
};

// A value that fell back to the binary encoding is larger than DumpOptions::pickle_size_limit:
// the message names the type and says to trace it.
class PayloadTooLarge : public DumpError {
 public:
  using DumpError::DumpError;
};

// nni::make / nni::call / nni::load<T> of a type or function that no generated code registered.
class NotTraced : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

namespace detail {

// A LoadError at the path made of `segments` (outermost first; escaped as JSON Pointer tokens).
LoadError load_error_at(std::string reason, std::initializer_list<std::string_view> segments);

// Runs f; a LoadError or DumpError escaping it gets `segment` prepended to its path. Costs
// nothing unless something throws.
template <class Segment, class F>
decltype(auto) at_path(const Segment& segment, F&& f) {
  try {
    return f();
  } catch (PathError& e) {
    e.prepend(segment);
    throw;
  }
}

}  // namespace detail
}  // namespace nni
