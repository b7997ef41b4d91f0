// The trace record of an object built by nni::make / nni::call / nni::load: which entity and
// signature built it and the arguments given. It lives in the deleter of the object's
// shared_ptr control block, so every shared_ptr, Traced or base pointer to the object finds it
// with std::get_deleter, with no global table and no lock.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <typeinfo>
#include <utility>

#include "nni/codec.h"
#include "nni/detail/metadata.h"

namespace nni::detail {

class TraceRecord {
 public:
  TraceRecord(const Entity* entity, const Signature* signature, std::size_t given) noexcept
      : entity_(entity), signature_(signature), given_(given) {}
  virtual ~TraceRecord() = default;
  TraceRecord(const TraceRecord&) = delete;
  TraceRecord& operator=(const TraceRecord&) = delete;

  const Entity& entity() const noexcept { return *entity_; }
  const Signature& signature() const noexcept { return *signature_; }
  std::size_t given() const noexcept { return given_; }  // leading parameters given

  // {"__symbol__": "path:...", "__kwargs__": {...}}
  void write(JsonWriter& w, DumpContext& ctx) const;

 protected:
  virtual void write_arg(std::size_t index, JsonWriter& w, DumpContext& ctx) const = 0;

 private:
  const Entity* entity_;
  const Signature* signature_;
  std::size_t given_;
};

// An argument as the record keeps it: a value it owns (a string literal becomes std::string).
template <class A>
struct stored {
  using type = std::decay_t<A>;
};
template <class A>
using stored_t = typename stored<std::decay_t<A>>::type;
template <>
struct stored<const char*> {
  using type = std::string;
};
template <>
struct stored<char*> {
  using type = std::string;
};
template <>
struct stored<std::string_view> {
  using type = std::string;
};

// An arithmetic argument prints as its parameter's type: make<Normalize>(1) passes an int to a
// double parameter and must dump as 1.0, the same as a reload of that payload.
template <class S>
void write_argument(JsonWriter& w, const S& value, NumberHint hint, DumpContext& ctx) {
  if constexpr (std::is_arithmetic_v<S> && !std::is_same_v<S, bool>) {
    switch (hint) {
      case NumberHint::Float64: w.number(static_cast<double>(value)); return;
      case NumberHint::Float32: w.number(static_cast<float>(value)); return;
      case NumberHint::Int: w.integer(static_cast<std::int64_t>(value)); return;
      case NumberHint::UInt: w.unsigned_integer(static_cast<std::uint64_t>(value)); return;
      case NumberHint::None: break;
    }
  }
  Codec<S>::dump(w, value, ctx);
}

template <class... S>
class TypedRecord final : public TraceRecord {
 public:
  template <class... A>
  TypedRecord(const Entity* entity, const Signature* signature, const A&... args)
      : TraceRecord(entity, signature, sizeof...(S)), args_(args...) {}

 protected:
  void write_arg(std::size_t index, JsonWriter& w, DumpContext& ctx) const override {
    write_at(index, w, ctx, std::index_sequence_for<S...>{});
  }

 private:
  template <std::size_t... I>
  void write_at(std::size_t index, JsonWriter& w, DumpContext& ctx,
                std::index_sequence<I...>) const {
    ((index == I ? write_argument(w, std::get<I>(args_), signature().params[I].hint, ctx) : void()),
     ...);
  }

  std::tuple<S...> args_;
};

struct TraceDeleter {
  // Shared so that a std::unique_ptr parameter's record can outlive this control block.
  std::shared_ptr<const TraceRecord> record;
  std::shared_ptr<void> owner;  // a factory's own pointer to the object, when it made one
  bool released = false;        // ownership moved to a std::unique_ptr (see take_unique)
  // How to delete an object that a load made, held as void* (ArgList::adopt).
  void (*destroy)(void*) noexcept = nullptr;

  template <class U>
  void operator()(U* object) noexcept {
    if (released) return;
    if (owner) {
      owner.reset();
    } else if constexpr (std::is_void_v<U>) {
      destroy(object);
    } else {
      delete object;
    }
  }
};

template <class T>
const TraceRecord* record_of(const std::shared_ptr<T>& p) noexcept {
  const TraceDeleter* d = std::get_deleter<TraceDeleter>(p);
  return d ? d->record.get() : nullptr;
}

// Writes the record of `object`; DumpError (naming `type` and the fix) when it has none.
void write_traced(JsonWriter& w, const TraceRecord* record, const std::type_info& type,
                  DumpContext& ctx);

// Re-creates the traced object that `node` describes, as a pointer to its `target` subobject.
std::shared_ptr<void> load_object(const JsonNode& node, const std::type_info& target,
                                  LoadContext& ctx);

template <class T, class... A>
std::shared_ptr<T> make_traced(const Entity* entity, const Signature* signature, A&&... args) {
  auto record = std::make_shared<TypedRecord<stored_t<A>...>>(entity, signature, args...);
  T* object = new T(std::forward<A>(args)...);
  // If the control block cannot be allocated, shared_ptr deletes `object` itself.
  return std::shared_ptr<T>(object, TraceDeleter{std::move(record), nullptr});
}

}  // namespace nni::detail
