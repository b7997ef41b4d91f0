// nni::make, nni::call, nni::dump, nni::load.
#pragma once

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <istream>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <type_traits>
#include <typeinfo>
#include <utility>

#include "nni/codec.h"
#include "nni/detail/metadata.h"
#include "nni/detail/record.h"
#include "nni/options.h"
#include "nni/traced.h"

namespace nni {

namespace detail {
template <class... A>
struct ArgKinds {
  // One extra element, so that a call with no arguments still has an array.
  static constexpr Kind value[sizeof...(A) + 1] = {kind_of_v<A>..., Kind::Other};
};
}  // namespace detail

// Builds a T as `T(args...)` would, recording the arguments under the names of the traced
// constructor that takes them. Throws nni::NotTraced if T is not traced.
template <class T, class... A>
Traced<T> make(A&&... args) {
  static_assert(!std::is_abstract_v<T>, "nni::make: T is abstract; make a concrete subclass");
  static_assert(std::is_constructible_v<T, A&&...>,
                "nni::make: T has no constructor that takes these arguments");
  // Chosen once per instantiation (a failed choice throws and is tried again next time).
  static const detail::Selected s =
      detail::select_constructor(typeid(T), detail::ArgKinds<A...>::value, sizeof...(A));
  if constexpr (alignof(T) <= alignof(std::max_align_t)) {
    return detail::adopt(
        detail::make_traced_in_block<T>(s.entity, s.signature, std::forward<A>(args)...));
  } else {
    return detail::adopt(detail::make_traced<T>(s.entity, s.signature, std::forward<A>(args)...));
  }
}

// nni::make, with the object owned by a std::unique_ptr (for parameters of that type):
// nni::make<Net>(nni::make_unique<Layer>(3)) records the Layer as a nested trace.
template <class T, class... A>
Unique<T> make_unique(A&&... args) {
  static_assert(!std::is_abstract_v<T>,
                "nni::make_unique: T is abstract; make a concrete subclass");
  static_assert(std::is_constructible_v<T, A&&...>,
                "nni::make_unique: T has no constructor that takes these arguments");
  static const detail::Selected s =
      detail::select_constructor(typeid(T), detail::ArgKinds<A...>::value, sizeof...(A));
  // Not nni::make's single allocation: a std::unique_ptr must be able to delete the object.
  return detail::take_unique(
      detail::make_traced<T>(s.entity, s.signature, std::forward<A>(args)...));
}

// Calls the traced factory F, recording the call: nni::call<&demo::create_mnist_dataset>("x").
// Pick an overload with a cast: nni::call<static_cast<R (*)(P...)>(&f)>(...).
template <auto F, class... A>
auto call(A&&... args) {
  static const detail::Selected s = detail::select_overload(
      detail::function_key<F>(), detail::ArgKinds<A...>::value, sizeof...(A));
  return detail::adopt(detail::call_traced<F>(s.entity, s.signature, std::forward<A>(args)...));
}

// Writes a value, with its traced objects as nested traces, as Python NNI's nni.dump does.
template <class T>
void dump(const T& value, std::string& out, const DumpOptions& options = {}) {
  JsonWriter w(out, options.indent, options.allow_nan);
  DumpContext ctx{options};
  Codec<T>::dump(w, value, ctx);
}

template <class T>
std::string dump(const T& value, const DumpOptions& options = {}) {
  std::string out;
  dump(value, out, options);
  return out;
}

template <class T>
void dump(const T& value, std::ostream& os, const DumpOptions& options = {}) {
  os << dump(value, options);
}

namespace detail {
// LoadError if the document names a symbol outside LoadOptions::allowed_symbols.
void check_allowed_symbols(const JsonNode& root, const LoadOptions& options);
// nni::load: the traced object that `json` describes, as a `target` (its class or a base).
std::shared_ptr<void> load_root(std::string_view json, const std::type_info& target,
                                const LoadOptions& options);
std::string read_stream(std::istream& in);                 // LoadError if it fails
std::string read_file(const std::filesystem::path& path);  // LoadError if it fails
void write_file(const std::filesystem::path& path, const std::string& text);  // DumpError
}  // namespace detail

// Writes the dump to a file (replaced if it exists).
template <class T>
void dump_file(const T& value, const std::filesystem::path& path, const DumpOptions& options = {}) {
  detail::write_file(path, dump(value, options));
}

// Reads a plain value (no trace at its root) of any type that has a codec.
template <class T>
T load_value(std::string_view json, const LoadOptions& options = {}) {
  JsonDocument doc(json, options.limits);
  detail::check_allowed_symbols(doc.root(), options);
  LoadContext ctx{options};
  return Codec<T>::load(doc.root(), ctx);
}

// Re-creates a traced object (of class T, or of a traced class derived from T) from a payload.
// Throws nni::LoadError naming the JSON path of any problem.
template <class T>
Traced<T> load(std::string_view json, const LoadOptions& options = {}) {
  // A polymorphic T may be the base of a traced class registered later (a library loaded at run
  // time); any other T must be known now.
  if constexpr (!std::is_polymorphic_v<T>) {
    // Once known, always known: a load of an unregistered symbol fails on its own.
    static std::atomic<bool> loadable{false};
    if (!loadable.load(std::memory_order_relaxed)) {
      detail::check_loadable(typeid(T));
      loadable.store(true, std::memory_order_relaxed);
    }
  }
  return detail::adopt(std::static_pointer_cast<T>(detail::load_root(json, typeid(T), options)));
}

template <class T>
Traced<T> load(std::istream& in, const LoadOptions& options = {}) {
  return load<T>(detail::read_stream(in), options);
}

template <class T>
Traced<T> load_file(const std::filesystem::path& path, const LoadOptions& options = {}) {
  return load<T>(detail::read_file(path), options);
}

}  // namespace nni
