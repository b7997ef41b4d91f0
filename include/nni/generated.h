// Included by the code nni-trace-gen writes (docs/internals/generated-code.md); not by users.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <typeinfo>
#include <utility>

#include "nni/detail/metadata.h"
#include "nni/trace.h"

namespace nni::detail {

// One parameter's argument in a payload, once matched: where it came from, for error paths.
struct ArgSlot {
  JsonNode node;
  bool positional;  // from "__args__" (else "__kwargs__")
};

// What ArgList::get<P> gives for a parameter of type P: P itself, but a Borrowed<T> for a
// reference or raw pointer to a class (the object lives as long as the receiving object's
// record), and a Unique<T> for a std::unique_ptr<T> (the record comes along).
template <class P, class = void>
struct arg_of {
  using type = P;
  static P load(const JsonNode& node, LoadContext& ctx) { return Codec<P>::load(node, ctx); }
};

template <class T>
struct arg_of<T&, std::enable_if_t<std::is_class_v<T>>> {
  using type = Borrowed<T>;
  static type load(const JsonNode& node, LoadContext& ctx) {
    if (node.is(JsonType::Null)) node.fail_expected("a traced object (a reference cannot be null)");
    return type(load_pointer<T>(node, ctx));
  }
};

template <class T>
struct arg_of<T*, std::enable_if_t<std::is_class_v<T>>> {
  using type = Borrowed<T>;
  static type load(const JsonNode& node, LoadContext& ctx) {
    return type(load_pointer<T>(node, ctx));
  }
};

// A string view or C string parameter gets a std::string that lives until the constructor or
// factory returns (as a temporary std::string argument would), and is what the record keeps.
template <>
struct arg_of<std::string_view> {
  using type = std::string;
  static type load(const JsonNode& node, LoadContext& ctx) {
    return Codec<std::string>::load(node, ctx);
  }
};

class CString {
 public:
  explicit CString(std::string text) : text_(std::move(text)) {}
  operator const char*() const noexcept { return text_.c_str(); }  // NOLINT: by design
  operator std::string() const { return text_; }                   // NOLINT: for the record

 private:
  std::string text_;
};

template <>
struct stored<CString> {
  using type = std::string;
};

template <>
struct arg_of<const char*> {
  using type = CString;
  static type load(const JsonNode& node, LoadContext& ctx) {
    return CString(Codec<std::string>::load(node, ctx));
  }
};

template <class T, class D>
struct arg_of<std::unique_ptr<T, D>> {
  using type = Unique<T>;
  static type load(const JsonNode& node, LoadContext& ctx) {
    return take_unique(load_pointer<T>(node, ctx));
  }
};

// The arguments of one load, matched to a signature's parameters; what a generated LoadFn reads.
class ArgList {
 public:
  ArgList(const Entity& entity, const Signature& signature, const ArgSlot* slots, std::size_t count,
          LoadContext& ctx) noexcept
      : entity_(entity), signature_(signature), slots_(slots), count_(count), ctx_(ctx) {}

  // How many leading parameters the payload gives; the rest take their C++ defaults.
  std::size_t count() const noexcept { return count_; }

  template <class P>
  typename arg_of<P>::type get(std::size_t index) const {
    try {
      return arg_of<P>::load(slots_[index].node, ctx_);
    } catch (PathError& e) {
      add_path(e, index);
      throw;
    }
  }

  // The argument, or the parameter's default when the payload omits it (ParamInfo::
  // default_in_loader parameters only).
  template <class P, class Default>
  typename arg_of<P>::type get_or(std::size_t index, Default&& default_value) const {
    using Arg = typename arg_of<P>::type;
    if (!slots_[index].node) return Arg(default_value());
    return get<P>(index);
  }

  template <class T, class... A>
  std::shared_ptr<void> construct(A&&... args) const {
    return make_traced<T>(&entity_, &signature_, std::forward<A>(args)...);
  }

  template <auto F, class... A>
  std::shared_ptr<void> call(A&&... args) const {
    return call_traced<F>(&entity_, &signature_, std::forward<A>(args)...);
  }

  [[noreturn]] std::shared_ptr<void> bad_count() const;

 private:
  void add_path(PathError& e, std::size_t index) const;

  const Entity& entity_;
  const Signature& signature_;
  const ArgSlot* slots_;
  std::size_t count_;
  LoadContext& ctx_;
};

}  // namespace nni::detail
