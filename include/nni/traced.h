// nni::Traced<T>: shared ownership of an object that knows how it was built.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <typeinfo>
#include <utility>
#include <vector>

#include "nni/binary_fallback.h"
#include "nni/codec.h"
#include "nni/detail/record.h"

namespace nni {

template <class T>
class Traced;
class Value;
class Record;

namespace detail {
template <class T>
Traced<T> adopt(std::shared_ptr<T> p) noexcept;
}

// Used like a std::shared_ptr<T> (->, *, bool); converts to std::shared_ptr<T> and to
// std::shared_ptr<Base>. Made by nni::make, nni::call and nni::load, so it always has a record.
template <class T>
class Traced {
 public:
  using element_type = T;

  Traced() noexcept = default;
  Traced(std::nullptr_t) noexcept {}  // NOLINT: like shared_ptr
  template <class U, class = std::enable_if_t<std::is_convertible_v<U*, T*>>>
  Traced(const Traced<U>& other) noexcept : ptr_(other.shared()) {}  // NOLINT: upcast

  T* get() const noexcept { return ptr_.get(); }
  T& operator*() const noexcept { return *ptr_; }
  T* operator->() const noexcept { return ptr_.get(); }
  explicit operator bool() const noexcept { return static_cast<bool>(ptr_); }

  const std::shared_ptr<T>& shared() const noexcept { return ptr_; }
  // For parameters that take a traced object by reference or raw pointer: the record (which
  // the receiving object's record holds) keeps the object alive.
  operator T&() const noexcept { return *ptr_; }       // NOLINT: implicit, for T& parameters
  operator T*() const noexcept { return ptr_.get(); }  // NOLINT: implicit, for T* parameters
  template <class U, class = std::enable_if_t<std::is_convertible_v<T*, U*>>>
  operator std::shared_ptr<U>() const noexcept {  // NOLINT: implicit, as a shared_ptr upcast
    return ptr_;
  }

  // The traced class or factory that built this object, as dumped without "path:".
  std::string_view trace_symbol() const noexcept {
    const detail::TraceRecord* r = detail::record_of(ptr_);
    return r ? std::string_view(r->entity().symbol) : std::string_view();
  }

  // The record as an editable nni::Record (defined in nni/value.h): the "mutation" use.
  Record trace_copy() const;
  // The recorded arguments: keyword arguments in parameter order; positional ones (always
  // empty: arguments are recorded by name, NNI's kw_only=True).
  std::vector<std::pair<std::string, Value>> trace_kwargs() const;
  std::vector<Value> trace_args() const;

  friend bool operator==(const Traced& a, const Traced& b) noexcept { return a.ptr_ == b.ptr_; }
  friend bool operator!=(const Traced& a, const Traced& b) noexcept { return a.ptr_ != b.ptr_; }
  friend bool operator==(const Traced& a, std::nullptr_t) noexcept { return !a.ptr_; }
  friend bool operator!=(const Traced& a, std::nullptr_t) noexcept {
    return static_cast<bool>(a.ptr_);
  }

 private:
  explicit Traced(std::shared_ptr<T> p) noexcept : ptr_(std::move(p)) {}
  friend Traced detail::adopt<T>(std::shared_ptr<T>) noexcept;

  std::shared_ptr<T> ptr_;
};

namespace detail {

template <class T>
Traced<T> adopt(std::shared_ptr<T> p) noexcept {
  return Traced<T>(std::move(p));
}

template <class T>
const std::type_info& dynamic_type(const T& object) noexcept {
  if constexpr (std::is_polymorphic_v<T>) {
    return typeid(object);
  } else {
    return typeid(T);
  }
}

template <class T>
void dump_pointer(JsonWriter& w, const std::shared_ptr<T>& p, DumpContext& ctx) {
  if (!p) {
    w.null();
    return;
  }
  const TraceRecord* record = record_of(p);
  using Plain = std::remove_cv_t<T>;
  if constexpr (binary_serializable_v<Plain>) {
    // An untraced object falls back to binary, unless that would slice a derived object.
    if (!record && dynamic_type(*p) == typeid(Plain)) {
      Codec<Plain>::dump(w, *p, ctx);
      return;
    }
  }
  write_traced(w, record, dynamic_type(*p), ctx);
}

bool is_binary_object(const JsonNode& node) noexcept;

template <class T>
std::shared_ptr<T> load_pointer(const JsonNode& node, LoadContext& ctx, bool deletable = false) {
  if (node.is(JsonType::Null)) return nullptr;
  using Plain = std::remove_cv_t<T>;
  if constexpr (binary_serializable_v<Plain>) {
    if (is_binary_object(node)) return std::make_shared<Plain>(Codec<Plain>::load(node, ctx));
  }
  return std::static_pointer_cast<T>(load_object(node, typeid(Plain), ctx, deletable));
}

// What a load passes for a parameter that takes a traced object by reference or raw pointer:
// the object, shared with the receiving object's record, which keeps it alive ("owned by the
// loaded root").
template <class T>
class Borrowed {
 public:
  explicit Borrowed(std::shared_ptr<T> object) noexcept : object_(std::move(object)) {}
  operator T&() const noexcept { return *object_; }                 // NOLINT: implicit, by design
  operator T*() const noexcept { return object_.get(); }            // NOLINT: implicit, by design
  operator std::shared_ptr<T>() const noexcept { return object_; }  // NOLINT: for the record

 private:
  std::shared_ptr<T> object_;
};

template <class T>
struct stored<Borrowed<T>> {
  using type = std::shared_ptr<T>;
};

// The record of a traced object that a std::unique_ptr owns, as another record keeps it.
struct RecordRef {
  std::shared_ptr<const TraceRecord> record;
  const std::type_info* type;
};

// Moves a just-made traced object (one owner, not a factory's shared result) out of its
// shared_ptr; the record comes along. LoadError otherwise.
[[noreturn]] void throw_not_unique(const std::type_info& type);

// The class a factory's result holds: X for X, shared_ptr<X>, unique_ptr<X> and Traced<X>.
template <class R>
struct result_class {
  using type = R;
};
template <class X>
struct result_class<std::shared_ptr<X>> {
  using type = X;
};
template <class X>
struct result_class<std::unique_ptr<X>> {
  using type = X;
};
template <class X>
struct result_class<Traced<X>> {
  using type = X;
};
template <class R>
using result_class_t = typename result_class<std::decay_t<R>>::type;

// Gives a factory's pointer-like result (shared_ptr<X>, unique_ptr<X> or Traced<X>) its record.
template <class R>
auto attach_record(R&& result, std::shared_ptr<const TraceRecord> record)
    -> std::shared_ptr<result_class_t<R>> {
  using X = result_class_t<R>;
  using Plain = std::decay_t<R>;
  if constexpr (std::is_same_v<Plain, std::unique_ptr<X>>) {
    std::unique_ptr<X> made = std::forward<R>(result);
    if (!made) return nullptr;
    X* raw = made.release();  // from here the deleter owns it, even if the next line throws
    return std::shared_ptr<X>(raw, TraceDeleter{std::move(record), nullptr});
  } else {
    static_assert(std::is_same_v<Plain, std::shared_ptr<X>> || std::is_same_v<Plain, Traced<X>>);
    std::shared_ptr<X> made = std::forward<R>(result);
    if (!made) return nullptr;
    X* raw = made.get();
    return std::shared_ptr<X>(raw, TraceDeleter{std::move(record), std::move(made)});
  }
}

// Calls the factory F and attaches the record to what it returns.
template <auto F, class... A>
auto call_traced(const Entity* entity, const Signature* signature, A&&... args)
    -> std::shared_ptr<result_class_t<decltype(F(std::forward<A>(args)...))>> {
  using R = std::decay_t<decltype(F(std::forward<A>(args)...))>;
  using X = result_class_t<R>;
  auto record = std::make_shared<TypedRecord<stored_t<A>...>>(entity, signature, nullptr, args...);
  if constexpr (std::is_same_v<R, X>) {
    // Built in place (no copy or move of the factory's result).
    return std::shared_ptr<X>(new X(F(std::forward<A>(args)...)),
                              TraceDeleter{std::move(record), nullptr});
  } else {
    return attach_record(F(std::forward<A>(args)...), std::move(record));
  }
}

}  // namespace detail

// A traced object owned by a std::unique_ptr, with its record: what nni::make_unique returns and
// what a load passes to a std::unique_ptr<T> parameter. Converts to std::unique_ptr<Base>.
template <class T>
class Unique {
 public:
  Unique(std::unique_ptr<T> object, std::shared_ptr<const detail::TraceRecord> record) noexcept
      : object_(std::move(object)), record_(std::move(record)) {}
  // An object without a record (a parameter's default): dumping it is a DumpError unless null.
  explicit Unique(std::unique_ptr<T> object) noexcept : object_(std::move(object)) {}

  T* get() const noexcept { return object_.get(); }
  T& operator*() const noexcept { return *object_; }
  T* operator->() const noexcept { return object_.get(); }
  explicit operator bool() const noexcept { return static_cast<bool>(object_); }

  template <class U, class = std::enable_if_t<std::is_convertible_v<T*, U*>>>
  operator std::unique_ptr<U>() && noexcept {  // NOLINT: implicit, as a unique_ptr upcast
    return std::move(object_);
  }
  std::unique_ptr<T> release_unique() && noexcept { return std::move(object_); }
  operator detail::RecordRef() const {  // NOLINT: how a record keeps this argument
    return {record_, object_ ? &detail::dynamic_type(*object_) : nullptr};
  }
  const std::shared_ptr<const detail::TraceRecord>& record() const noexcept { return record_; }

 private:
  std::unique_ptr<T> object_;
  std::shared_ptr<const detail::TraceRecord> record_;
};

namespace detail {

template <class T>
struct stored<Unique<T>> {
  using type = RecordRef;
};

template <class T>
Unique<T> take_unique(std::shared_ptr<T> p) {
  if (!p) return Unique<T>(nullptr, nullptr);
  TraceDeleter* d = std::get_deleter<TraceDeleter>(p);
  if (!d || d->owner || d->in_block || p.use_count() != 1) throw_not_unique(typeid(T));
  d->released = true;  // the control block will not delete it
  Unique<T> out(std::unique_ptr<T>(p.get()), d->record);
  return out;
}

}  // namespace detail

template <>
struct Codec<detail::RecordRef> {
  static constexpr Kind kind = Kind::Traced;
  static void dump(JsonWriter& w, const detail::RecordRef& r, DumpContext& ctx) {
    if (!r.type) {
      w.null();
    } else {
      detail::write_traced(w, r.record.get(), *r.type, ctx);
    }
  }
};

template <class T>
struct Codec<Unique<T>> {
  static constexpr Kind kind = Kind::Traced;
  static void dump(JsonWriter& w, const Unique<T>& u, DumpContext& ctx) {
    Codec<detail::RecordRef>::dump(w, static_cast<detail::RecordRef>(u), ctx);
  }
};

template <class T>
struct Codec<std::shared_ptr<T>> {
  static constexpr Kind kind = Kind::Traced;
  static void dump(JsonWriter& w, const std::shared_ptr<T>& p, DumpContext& ctx) {
    detail::dump_pointer(w, p, ctx);
  }
  static std::shared_ptr<T> load(const JsonNode& node, LoadContext& ctx) {
    return detail::load_pointer<T>(node, ctx);
  }
};

template <class T>
struct Codec<Traced<T>> {
  static constexpr Kind kind = Kind::Traced;
  static void dump(JsonWriter& w, const Traced<T>& p, DumpContext& ctx) {
    detail::dump_pointer(w, p.shared(), ctx);
  }
  static Traced<T> load(const JsonNode& node, LoadContext& ctx) {
    return detail::adopt(detail::load_pointer<T>(node, ctx));
  }
};

}  // namespace nni
