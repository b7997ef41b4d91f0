// The trace record of an object built by nni::make / nni::call / nni::load: which entity and
// signature built it and the arguments given. It lives in the deleter of the object's
// shared_ptr control block, so every shared_ptr, Traced or base pointer to the object finds it
// with std::get_deleter, with no global table and no lock.
#pragma once

#include <cstddef>
#include <memory>
#include <new>
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

// How a record holds its copy of an argument of type S: as an S. (A load's typed build holds
// some otherwise: flat_held, nni/generated.h.) `hold` gives what the record's tuple constructs its
// copy from; `write` dumps the copy.
template <class S>
struct held_as_is {
  static constexpr bool flat = false;  // nothing outside the record
  using type = S;
  template <class A>
  static const A& hold(const A& arg, std::byte*&) noexcept {
    return arg;
  }
  static void write(const S& held, JsonWriter& w, NumberHint hint, DumpContext& ctx) {
    write_argument(w, held, hint, ctx);
  }
};

// The record of arguments S..., each held as Held<S> holds it; the copies that Held keeps outside
// the record go from `copies` on, in parameter order.
template <template <class> class Held, class... S>
class HeldRecord final : public TraceRecord {
 public:
  template <class... A>
  HeldRecord(const Entity* entity, const Signature* signature, [[maybe_unused]] std::byte* copies,
             const A&... args)
      : TraceRecord(entity, signature, sizeof...(S)),
        held_{Held<S>::hold(args, copies)...} {}  // a braced list: in order

 protected:
  void write_arg(std::size_t index, JsonWriter& w, DumpContext& ctx) const override {
    write_at(index, w, ctx, std::index_sequence_for<S...>{});
  }

 private:
  template <std::size_t... I>
  void write_at(std::size_t index, JsonWriter& w, DumpContext& ctx,
                std::index_sequence<I...>) const {
    ((index == I ? Held<S>::write(std::get<I>(held_), w, signature().params[I].hint, ctx) : void()),
     ...);
  }

  std::tuple<typename Held<S>::type...> held_;
};

// nni::make's record: every argument as is (constructed with no `copies`: nullptr).
template <class... S>
using TypedRecord = HeldRecord<held_as_is, S...>;

struct TraceDeleter {
  // Shared so that a std::unique_ptr parameter's record can outlive this control block.
  std::shared_ptr<const TraceRecord> record;
  std::shared_ptr<void> owner;  // a factory's own pointer to the object, when it made one
  bool released = false;        // ownership moved to a std::unique_ptr (see take_unique)
  // How to destroy the object when `delete` cannot: one a load made, held as void*, or one
  // built in its control block's allocation (by nni::make or a load), whose record it also
  // destroys.
  void (*destroy)(void* object, const TraceRecord* record) noexcept = nullptr;
  // The record lives in the object's allocation (make_traced_in_block, a load): `record` does
  // not own it, and the object cannot move to a std::unique_ptr.
  bool in_block = false;

  template <class U>
  void operator()(U* object) noexcept {
    if (released) return;
    if (owner) {
      owner.reset();
    } else if (destroy) {
      destroy(object, record.get());
    } else if constexpr (!std::is_void_v<U>) {
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
// `deletable`: in an allocation of its own, so that a std::unique_ptr can delete it (otherwise
// the object, its record and the control block may share one).
std::shared_ptr<void> load_object(const JsonNode& node, const std::type_info& target,
                                  LoadContext& ctx, bool deletable = false);

// Hands std::shared_ptr the room reserved for its control block at the end of an allocation that
// also holds an object and its record (make_traced_in_block), and frees that whole allocation
// when the control block goes.
template <class U>
struct InBlockAllocator {
  using value_type = U;
  static constexpr std::size_t kRoom = 128;  // libstdc++'s and libc++'s blocks need under 100

  InBlockAllocator(std::byte* block, std::byte* room) noexcept : block(block), room(room) {}
  template <class V>
  InBlockAllocator(const InBlockAllocator<V>& other) noexcept  // NOLINT: rebinding
      : block(other.block), room(other.room) {}

  U* allocate(std::size_t n) {
    if (n * sizeof(U) <= kRoom && alignof(U) <= alignof(std::max_align_t))
      return reinterpret_cast<U*>(room);
    return static_cast<U*>(::operator new(n * sizeof(U)));  // a library with a bigger block
  }
  void deallocate(U* p, std::size_t) noexcept {
    if (reinterpret_cast<std::byte*>(p) != room) ::operator delete(p);
    ::operator delete(block);
  }
  template <class V>
  bool operator==(const InBlockAllocator<V>& other) const noexcept {
    return block == other.block;
  }
  template <class V>
  bool operator!=(const InBlockAllocator<V>& other) const noexcept {
    return block != other.block;
  }

  std::byte* block;
  std::byte* room;
};

// `n` rounded up to a multiple of `align`, a power of two (as every alignment is): a mask, not a
// division, which showed up in profiles of loads, where alignments are only known at run time.
constexpr std::size_t align_up(std::size_t n, std::size_t align) noexcept {
  return (n + align - 1) & ~(align - 1);
}

// Where make_traced_in_block puts things: the record, then the object, then the control block.
template <class T, class Record>
struct BlockLayout {
  static constexpr std::size_t object = align_up(sizeof(Record), alignof(T));
  static constexpr std::size_t room = align_up(object + sizeof(T), alignof(std::max_align_t));
  static constexpr std::size_t size = room + InBlockAllocator<char>::kRoom;
  static constexpr bool fits =
      alignof(T) <= alignof(std::max_align_t) && alignof(Record) <= alignof(std::max_align_t);

  static void destroy(void* p, const TraceRecord* record) noexcept {
    static_cast<T*>(p)->~T();
    static_cast<const Record*>(record)->~Record();
  }
};

// What make_traced_in_block and a load's typed build (make_loaded_in_block, nni/generated.h) do
// once they have allocated `block`: the record, made by `make_record(block)`, then the object at
// offset `object`, and the shared_ptr that owns both, its control block in the room at offset
// `room`. Frees the block, and destroys the record, if the record or the object throws.
template <class T, class Record, class MakeRecord, class... A>
std::shared_ptr<T> own_in_block(std::byte* block, std::size_t object, std::size_t room,
                                const MakeRecord& make_record, A&&... args) {
  Record* record;
  T* made;
  try {
    record = make_record(block);
    try {
      made = ::new (block + object) T(std::forward<A>(args)...);
    } catch (...) {
      record->~Record();
      throw;
    }
  } catch (...) {
    ::operator delete(block);
    throw;
  }
  TraceDeleter deleter{std::shared_ptr<const TraceRecord>(std::shared_ptr<void>(), record),
                       nullptr};
  deleter.destroy = &BlockLayout<T, Record>::destroy;
  deleter.in_block = true;
  // The allocator never fails for libstdc++ and libc++; a library whose control block is bigger
  // than the room gets its own allocation for it.
  return std::shared_ptr<T>(made, std::move(deleter), InBlockAllocator<char>(block, block + room));
}

// nni::make: the object, its record and the shared_ptr's control block in one allocation, as
// std::make_shared makes one for the object and its control block.
template <class T, class... A>
std::shared_ptr<T> make_traced_in_block(const Entity* entity, const Signature* signature,
                                        A&&... args) {
  using Record = TypedRecord<stored_t<A>...>;
  using Layout = BlockLayout<T, Record>;
  static_assert(Layout::fits);
  auto* block = static_cast<std::byte*>(::operator new(Layout::size));
  return own_in_block<T, Record>(
      block, Layout::object, Layout::room,
      [&](std::byte* at) { return ::new (at) Record(entity, signature, nullptr, args...); },
      std::forward<A>(args)...);
}

// nni::make_unique: the object on its own, so that a std::unique_ptr can delete it.
template <class T, class... A>
std::shared_ptr<T> make_traced(const Entity* entity, const Signature* signature, A&&... args) {
  auto record = std::make_shared<TypedRecord<stored_t<A>...>>(entity, signature, nullptr, args...);
  T* object = new T(std::forward<A>(args)...);
  // If the control block cannot be allocated, shared_ptr deletes `object` itself.
  return std::shared_ptr<T>(object, TraceDeleter{std::move(record), nullptr});
}

}  // namespace nni::detail
