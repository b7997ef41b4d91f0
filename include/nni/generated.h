// Included by the code nni-trace-gen writes (docs/internals/generated-code.md); not by users.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <typeinfo>
#include <utility>
#include <vector>

#include "nni/detail/metadata.h"
#include "nni/detail/tape.h"
#include "nni/trace.h"

// How generated loaders and default makers are declared. They run once per loaded object and are
// a constructor call with its arguments' temporaries: cold, so optimized for size, and with GCC
// not optimized at all. At -O3 GCC spent about 2 of the 5.6 s it took to compile a generated
// file of 200 classes on them (each argument's destructor expanded twice, once on the exception
// path); unoptimized, 0.4 s, for about 15 ns more per loaded object (docs/performance.md). What
// they call (argument codecs, constructors, destructors) keeps the translation unit's
// optimization. Clang compiles them cheaply at -O3.
#if defined(__GNUC__) && !defined(__clang__)
#define NNI_TRACE_LOADER [[gnu::cold, gnu::optimize("O0")]]
#else
#define NNI_TRACE_LOADER [[gnu::cold]]
#endif

namespace nni::detail {

// What a load passes for a parameter of type P: P itself, but a Borrowed<T> for a
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
    return take_unique(load_pointer<T>(node, ctx, /*deletable=*/true));
  }
};

// A std::shared_ptr<X> parameter's argument, held without X: the pointer (to the X subobject)
// and what dumping it needs of X. One set of runtime functions loads, records, dumps and
// destroys these for every class X; a std::shared_ptr<X> codec per X cost about 16 ms each to
// compile (40 base classes were 0.65 s of a generated file's 4 s). Not for an X with the binary
// fallback, which its own codec handles.
struct PointerType {
  const std::type_info* static_type;                                   // X
  const std::type_info& (*dynamic_type)(const void* object) noexcept;  // of the whole object
};

template <class X>
const std::type_info& dynamic_type_of(const void* object) noexcept {
  return dynamic_type(*static_cast<const X*>(object));
}

template <class X>
inline constexpr PointerType pointer_type = {&typeid(X), &dynamic_type_of<X>};

struct ErasedPointer {
  std::shared_ptr<void> object;  // the X subobject
  const PointerType* type;
};

template <class P>
struct erased_pointer : std::false_type {};
template <class X>
struct erased_pointer<std::shared_ptr<X>>
    : std::bool_constant<std::is_class_v<X> && !binary_serializable_v<std::remove_cv_t<X>>> {};

template <class X>
struct arg_of<std::shared_ptr<X>, std::enable_if_t<erased_pointer<std::shared_ptr<X>>::value>> {
  using type = ErasedPointer;
};

// The runtime's ArgOps functions for ErasedPointer (runtime/pointer_args.cpp).
void load_pointer_arg(void* arg, const JsonNode& node, LoadContext& ctx, const PointerType& type);
void destroy_pointer_arg(void* arg) noexcept;
void copy_pointer_arg(void* copy, const void* arg);
void dump_pointer_arg(JsonWriter& w, const void* arg, NumberHint hint, DumpContext& ctx);
std::shared_ptr<void> take_pointer_arg(void* arg) noexcept;

template <class P>
using arg_of_t = typename arg_of<P>::type;

// ---- Arguments read from simdjson's tape (nni/detail/tape.h) ----
// tape_value<A>::type is the TapeType of an argument type A, or null when a load must read A
// through its codec (JsonNode); read() builds an A from a value that the runtime checked
// against that TapeType, exactly as A's codec would from the same JSON.
template <class A, class = void>
struct tape_value {
  static constexpr const TapeType* type = nullptr;
};

template <class A>
void load_from_tape(void* place, const TapeReader& tape, std::size_t i) {
  ::new (place) A(tape_value<A>::read(tape, i));
}

template <class A, TapeKind Kind, std::size_t Bytes = 0, const TapeType* Element = nullptr,
          const PointerType* Pointer = nullptr>
struct tape_type_table {
  static constexpr TapeType value = {Kind, static_cast<std::uint8_t>(Bytes), Element, Pointer,
                                     &load_from_tape<A>};
};

template <>
struct tape_value<bool> {
  static bool read(const TapeReader& tape, std::size_t i) noexcept { return tape.type(i) == 't'; }
  static constexpr const TapeType* type = &tape_type_table<bool, TapeKind::Bool>::value;
};

template <class T>
struct tape_value<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>> {
  static T read(const TapeReader& tape, std::size_t i) noexcept {
    if constexpr (std::is_signed_v<T>) {
      return static_cast<T>(tape.int64(i));
    } else {
      return static_cast<T>(tape.type(i) == 'u' ? tape.uint64(i)
                                                : static_cast<std::uint64_t>(tape.int64(i)));
    }
  }
  static constexpr const TapeType *type = &tape_type_table < T,
                                  std::is_signed_v<T> ? TapeKind::Signed : TapeKind::Unsigned,
                                  sizeof(T) > ::value;
};

template <class T>
struct tape_value<T, std::enable_if_t<std::is_floating_point_v<T>>> {
  static T read(const TapeReader& tape, std::size_t i) noexcept {
    return static_cast<T>(tape.number(i));
  }
  static constexpr const TapeType* type = &tape_type_table<T, TapeKind::Floating>::value;
};

template <>
struct tape_value<std::string> {
  static std::string read(const TapeReader& tape, std::size_t i) {
    return std::string(tape.string(i));
  }
  static constexpr const TapeType* type = &tape_type_table<std::string, TapeKind::String>::value;
};

template <class T>
struct tape_value<std::vector<T>, std::enable_if_t<tape_value<T>::type != nullptr>> {
  static std::vector<T> read(const TapeReader& tape, std::size_t i) {
    std::size_t n = tape.count(i);
    std::vector<T> out;
    out.reserve(n);
    std::size_t j = i + 1;
    for (std::size_t k = 0; k < n; ++k, j = tape.next(j)) {
      // Only a traced element can fail here (its constructor): at its path, as the codec's.
      out.push_back(at_path(k, [&] { return tape_value<T>::read(tape, j); }));
    }
    return out;
  }
  static constexpr const TapeType* type =
      &tape_type_table<std::vector<T>, TapeKind::Vector, 0, tape_value<T>::type>::value;
};

// A std::shared_ptr<X> element (of a vector), as Codec<std::shared_ptr<X>> loads it.
template <class X>
struct tape_value<std::shared_ptr<X>, std::enable_if_t<erased_pointer<std::shared_ptr<X>>::value>> {
  static std::shared_ptr<X> read(const TapeReader& tape, std::size_t i) {
    if (tape.type(i) == 'n') return nullptr;
    return std::static_pointer_cast<X>(
        tape.object(i, *pointer_type<std::remove_cv_t<X>>.static_type));
  }
  static constexpr const TapeType* type =
      &tape_type_table<std::shared_ptr<X>, TapeKind::Pointer, 0, nullptr,
                       &pointer_type<std::remove_cv_t<X>>>::value;
};

// A std::shared_ptr<X> parameter's argument (ErasedPointer), as load_pointer_arg builds it.
template <class X>
void load_pointer_from_tape(void* arg, const TapeReader& tape, std::size_t i) {
  std::shared_ptr<void> object;
  if (tape.type(i) != 'n') object = tape.object(i, *pointer_type<std::remove_cv_t<X>>.static_type);
  ::new (arg) ErasedPointer{std::move(object), &pointer_type<std::remove_cv_t<X>>};
}

template <class X>
inline constexpr TapeType tape_pointer_arg = {
    TapeKind::Pointer, 0, nullptr, &pointer_type<std::remove_cv_t<X>>, &load_pointer_from_tape<X>};

// A loaded object's record keeps its copy of a std::string or a std::vector of numbers in the
// record's own memory, next to the object, rather than as a second std::string or std::vector:
// a load then allocates once for such an argument, as a hand-written one does, not twice. The
// copy is the element count, then the elements; it dumps as the type's codec writes the value.
struct FlatCopyOps {
  std::size_t (*size)(const void* arg) noexcept;  // bytes, at alignof(std::uint64_t)
  void (*store)(void* copy, const void* arg) noexcept;
  void (*dump)(JsonWriter& w, const void* copy, DumpContext& ctx);
};

// Copies `n` bytes, inline from 8 to 32 (two copies of a fixed size, which may overlap): a
// record's copies are mostly that short, and a call to memcpy showed in profiles of loads.
inline void copy_bytes(std::byte* to, const std::byte* from, std::size_t n) noexcept {
  if (n >= 8 && n <= 16) {
    std::memcpy(to, from, 8);
    std::memcpy(to + n - 8, from + n - 8, 8);
  } else if (n > 16 && n <= 32) {
    std::memcpy(to, from, 16);
    std::memcpy(to + n - 16, from + n - 16, 16);
  } else if (n) {
    std::memcpy(to, from, n);
  }
}

template <class Value>
struct flat_copy {
  using Element = typename Value::value_type;
  static std::size_t size(const void* arg) noexcept {
    return sizeof(std::uint64_t) + static_cast<const Value*>(arg)->size() * sizeof(Element);
  }
  static void store(void* copy, const void* arg) noexcept {
    const Value& value = *static_cast<const Value*>(arg);
    std::uint64_t count = value.size();
    std::memcpy(copy, &count, sizeof count);
    copy_bytes(static_cast<std::byte*>(copy) + sizeof count,
               reinterpret_cast<const std::byte*>(value.data()), count * sizeof(Element));
  }
  static void dump(JsonWriter& w, const void* copy, DumpContext& ctx) {
    std::uint64_t count;
    std::memcpy(&count, copy, sizeof count);
    const auto* first =
        reinterpret_cast<const Element*>(static_cast<const std::byte*>(copy) + sizeof count);
    if constexpr (std::is_same_v<Value, std::string>) {
      Codec<std::string_view>::dump(w, std::string_view(first, count), ctx);  // as std::string's
    } else {
      dump_array<Element>(w, first, first + count, ctx);
    }
  }
};

template <class A, class = void>
inline constexpr const FlatCopyOps* flat_copy_ops = nullptr;
template <class Value>
inline constexpr FlatCopyOps flat_copy_table = {&flat_copy<Value>::size, &flat_copy<Value>::store,
                                                &flat_copy<Value>::dump};
template <>
inline constexpr const FlatCopyOps* flat_copy_ops<std::string> = &flat_copy_table<std::string>;
template <class T>
inline constexpr const FlatCopyOps* flat_copy_ops<
    std::vector<T>, std::enable_if_t<std::is_arithmetic_v<T> && !std::is_same_v<T, bool>>> =
    &flat_copy_table<std::vector<T>>;

// A typed build's record (TapeArgs::make): TypedRecord's, but it keeps its copies of strings and
// vectors in the object's allocation, rather than as a second std::string or std::vector, so that
// the load allocates once for such an argument, not twice (as a generic load's record does,
// runtime/loaded_args.cpp). flat_held<S> says how the record holds a copy of an S; other types
// as they are.
template <class S, class = void>
struct flat_held : held_as_is<S> {};
// A std::string or a vector of numbers: as a FlatCopyOps keeps it.
template <class S>
struct flat_held<S, std::enable_if_t<flat_copy_ops<S> != nullptr>> {
  static constexpr bool flat = true;
  struct type {
    const std::byte* copy;
  };
  // The copy at `cursor`, which then moves past it.
  static type hold(const S& arg, std::byte*& cursor) noexcept {
    std::byte* copy = cursor;
    flat_copy<S>::store(copy, &arg);
    cursor += bytes(arg);
    return {copy};
  }
  static void write(const type& held, JsonWriter& w, NumberHint, DumpContext& ctx) {
    flat_copy<S>::dump(w, held.copy, ctx);
  }
  static std::size_t bytes(const S& arg) noexcept {
    return align_up(flat_copy<S>::size(&arg), alignof(std::uint64_t));
  }
};
// A vector of other elements (pointers, strings, vectors): copies of its elements, side by side,
// which dump as Codec<std::vector<T>> writes the vector (dump_array).
template <class T>
struct flat_held<std::vector<T>, std::enable_if_t<flat_copy_ops<std::vector<T>> == nullptr &&
                                                  !std::is_same_v<T, bool>>> {
  static_assert(alignof(T) <= alignof(std::uint64_t));
  static constexpr bool flat = true;
  class type {
   public:
    type(const T* first, std::size_t count) noexcept : first_(first), count_(count) {}
    type(type&& other) noexcept : first_(other.first_), count_(std::exchange(other.count_, 0)) {}
    type& operator=(type&&) = delete;
    ~type() { std::destroy_n(first_, count_); }
    const T* begin() const noexcept { return first_; }
    const T* end() const noexcept { return first_ + count_; }

   private:
    const T* first_;
    std::size_t count_;
  };
  static type hold(const std::vector<T>& arg, std::byte*& cursor) {
    T* first = reinterpret_cast<T*>(cursor);
    std::uninitialized_copy(arg.begin(), arg.end(), first);  // destroys its copies if one throws
    cursor += bytes(arg);
    return type(first, arg.size());
  }
  static void write(const type& held, JsonWriter& w, NumberHint, DumpContext& ctx) {
    dump_array<T>(w, held.begin(), held.end(), ctx);
  }
  static std::size_t bytes(const std::vector<T>& arg) noexcept {
    return align_up(arg.size() * sizeof(T), alignof(std::uint64_t));
  }
};

// The bytes that the flat copies of `arg` take (0 for an argument kept in the record).
template <class S>
std::size_t flat_bytes(const S& arg) noexcept {
  if constexpr (flat_held<S>::flat) {
    return flat_held<S>::bytes(arg);
  } else {
    return 0;
  }
}

template <class S>
using flat_held_for = flat_held<S>;  // one parameter, as HeldRecord takes it
template <class... S>
using LoadedTypedRecord = HeldRecord<flat_held_for, S...>;

// A typed build's object: as make_traced_in_block lays it out, with the record's flat copies
// between the record and the object.
template <class T, class... A>
std::shared_ptr<T> make_loaded_in_block(const Entity* entity, const Signature* signature,
                                        A&&... args) {
  using Record = LoadedTypedRecord<stored_t<A>...>;
  static_assert(alignof(T) <= alignof(std::max_align_t) &&
                alignof(Record) <= alignof(std::max_align_t));
  constexpr std::size_t copies = align_up(sizeof(Record), alignof(std::uint64_t));
  const std::size_t object = align_up(copies + (flat_bytes(args) + ... + 0), alignof(T));
  const std::size_t room = align_up(object + sizeof(T), alignof(std::max_align_t));
  auto* block = static_cast<std::byte*>(::operator new(room + InBlockAllocator<char>::kRoom));
  return own_in_block<T, Record>(
      block, object, room,
      [&](std::byte* at) { return ::new (at) Record(entity, signature, at + copies, args...); },
      std::forward<A>(args)...);
}

// ---- Typed builds from the tape (nni_trace_generate(... FAST_LOADS)) ----

// What a parameter of type P reads from the tape: its argument type, but the std::shared_ptr<X>
// itself where the argument type is the runtime's ErasedPointer.
template <class P>
using tape_arg_t = std::conditional_t<erased_pointer<P>::value, P, arg_of_t<P>>;

// Whether every parameter type in P... is read from the tape: the condition under which a
// generated TapeLoadFn is compiled at all.
template <class... P>
inline constexpr bool tape_readable_v = ((tape_value<tape_arg_t<P>>::type != nullptr) && ...);

// Prepends the path of argument `index` to an error raised while it was read (runtime).
void add_path(PathError& e, const Signature& s, bool positional, std::size_t index);

// The arguments of one object as the runtime matched them (each present in the payload, and
// checked against its TapeType), for a generated TapeLoadFn: make<T, P...>() reads the first
// sizeof...(P) of them, in order, and builds a T with its typed record, as nni::make does.
class TapeArgs {
 public:
  TapeArgs(const TapeReader& tape, const Entity& entity, const Signature& signature,
           const TapeArg* args, std::size_t count) noexcept
      : tape_(tape), entity_(entity), signature_(signature), args_(args), count_(count) {}

  std::size_t count() const noexcept { return count_; }

  template <class T, class... P>
  std::shared_ptr<void> make() const {
    return make_from<T, P...>(std::index_sequence_for<P...>{});
  }

  [[noreturn]] std::shared_ptr<void> bad_count() const;

 private:
  // The arguments of a typed build: an aggregate, so that each is initialized in place by its
  // read (a std::tuple's constructor would move each once more).
  template <std::size_t I, class A>
  struct Read {
    A value;
  };
  template <class Indices, class... A>
  struct Reads;
  template <std::size_t... I, class... A>
  struct Reads<std::index_sequence<I...>, A...> : Read<I, A>... {};

  template <class T, class... P, std::size_t... I>
  std::shared_ptr<void> make_from(std::index_sequence<I...>) const {
    // A braced list reads the arguments in order (a traced one is built as it is read), as the
    // runtime's loader converts them.
    [[maybe_unused]] Reads<std::index_sequence<I...>, tape_arg_t<P>...> args{{read<P>(I)}...};
    if constexpr (alignof(T) <= alignof(std::max_align_t)) {
      return make_loaded_in_block<T>(
          &entity_, &signature_, std::move(static_cast<Read<I, tape_arg_t<P>>&>(args).value)...);
    } else {
      return make_traced<T>(&entity_, &signature_,
                            std::move(static_cast<Read<I, tape_arg_t<P>>&>(args).value)...);
    }
  }

  template <class P>
  tape_arg_t<P> read(std::size_t i) const {
    try {
      return tape_value<tape_arg_t<P>>::read(tape_, args_[i].word);
    } catch (PathError& e) {
      add_path(e, signature_, args_[i].positional != 0, i);
      throw;
    }
  }

  const TapeReader& tape_;
  const Entity& entity_;
  const Signature& signature_;
  const TapeArg* args_;
  std::size_t count_;
};

// The argument types whose load_from_tape the runtime compiles once (runtime/common_args.cpp).
// clang-format off
#define NNI_TRACE_RUNTIME_TAPE_TYPES(X)                                                      \
  X(bool) X(int) X(unsigned) X(long) X(unsigned long) X(long long) X(unsigned long long)     \
  X(float) X(double) X(std::string) X(std::vector<int>) X(std::vector<long>)                \
  X(std::vector<unsigned long>) X(std::vector<float>) X(std::vector<double>)                \
  X(std::vector<std::string>)
// clang-format on

#if defined(__GLIBCXX__) && !defined(_GLIBCXX_DEBUG)
#define NNI_TRACE_EXTERN_TAPE_LOAD(...) \
  extern template void load_from_tape<__VA_ARGS__>(void*, const TapeReader&, std::size_t);
NNI_TRACE_RUNTIME_TAPE_TYPES(NNI_TRACE_EXTERN_TAPE_LOAD)
#undef NNI_TRACE_EXTERN_TAPE_LOAD
#endif

// What the runtime does with an argument of parameter type P without knowing P: generated
// parameter tables point at arg_ops<P>, so the code for each parameter type is instantiated once
// per target, and a generated loader is only a constructor call (docs/internals/generated-code.md).
struct ArgOps {
  std::size_t arg_size, arg_align;        // of arg_of_t<P>, what the constructor is given
  std::size_t stored_size, stored_align;  // of stored_t<arg_of_t<P>>, what the record keeps
  // The argument and its record's copy are one trivially copyable type (bool, numbers, enums):
  // the runtime copies it with memcpy and never destroys it, with no call through this table.
  bool trivial;
  void (*load)(void* arg, const JsonNode& node, LoadContext& ctx);  // constructs the argument
  void (*destroy_arg)(void* arg) noexcept;
  void (*store)(void* stored, const void* arg);  // constructs the record's copy of the argument
  void (*destroy_stored)(void* stored) noexcept;
  void (*dump)(JsonWriter& w, const void* stored, NumberHint hint, DumpContext& ctx);
  // A loaded object's record keeps its copy this way instead, when not null (see FlatCopyOps).
  const FlatCopyOps* flat;
  // How a load reads the argument from simdjson's tape; null: through its codec, from the tree.
  const TapeType* tape;
};

// Defined outside the class, so not inline: an explicit instantiation declaration (below) then
// keeps a generated file from compiling them at all. GCC instantiates an inline member of an
// extern template anyway, to be able to inline it.
template <class P>
struct arg_ops_of {
  using Arg = arg_of_t<P>;
  using Stored = stored_t<Arg>;
  static void load(void* arg, const JsonNode& node, LoadContext& ctx);
  static void destroy_arg(void* arg) noexcept;
  static void store(void* stored, const void* arg);
  static void destroy_stored(void* stored) noexcept;
  static void dump(JsonWriter& w, const void* stored, NumberHint hint, DumpContext& ctx);
};

template <class P>
void arg_ops_of<P>::load(void* arg, const JsonNode& node, LoadContext& ctx) {
  ::new (arg) Arg(arg_of<P>::load(node, ctx));
}
template <class P>
void arg_ops_of<P>::destroy_arg(void* arg) noexcept {
  static_cast<Arg*>(arg)->~Arg();
}
template <class P>
void arg_ops_of<P>::store(void* stored, const void* arg) {
  ::new (stored) Stored(*static_cast<const Arg*>(arg));
}
template <class P>
void arg_ops_of<P>::destroy_stored(void* stored) noexcept {
  static_cast<Stored*>(stored)->~Stored();
}
template <class P>
void arg_ops_of<P>::dump(JsonWriter& w, const void* stored, NumberHint hint, DumpContext& ctx) {
  write_argument(w, *static_cast<const Stored*>(stored), hint, ctx);
}

// The parameter types whose argument functions the runtime compiles once
// (runtime/common_args.cpp), instead of every generated file that has such a parameter: for the
// synthetic 200-class file, 0.45 of its 2.6 s (docs/performance.md). The runtime is built with
// libstdc++ in its normal mode; a file compiled otherwise (its debug mode, say) has other types
// under these names, and compiles them itself. These codecs are the runtime's: an explicit
// specialization of nni::Codec for one of these types is not supported (as for any std type).
// clang-format off
#define NNI_TRACE_RUNTIME_ARG_TYPES(X)                                                       \
  X(bool) X(int) X(unsigned) X(long) X(unsigned long) X(long long) X(unsigned long long)     \
  X(float) X(double) X(std::string) X(std::vector<int>) X(std::vector<long>)                \
  X(std::vector<unsigned long>) X(std::vector<float>) X(std::vector<double>)                \
  X(std::vector<std::string>) X(std::map<std::string, int>) X(std::map<std::string, double>) \
  X(std::map<std::string, std::string>)
// clang-format on

#if defined(__GLIBCXX__) && !defined(_GLIBCXX_DEBUG)
#define NNI_TRACE_EXTERN_ARG_OPS(...) extern template struct arg_ops_of<__VA_ARGS__>;
NNI_TRACE_RUNTIME_ARG_TYPES(NNI_TRACE_EXTERN_ARG_OPS)
#undef NNI_TRACE_EXTERN_ARG_OPS
#endif

template <class X>
struct pointer_loader {
  static void load(void* arg, const JsonNode& node, LoadContext& ctx) {
    load_pointer_arg(arg, node, ctx, pointer_type<std::remove_cv_t<X>>);
  }
};

template <class P, bool = erased_pointer<P>::value>
inline constexpr ArgOps arg_ops = {
    sizeof(arg_of_t<P>),
    alignof(arg_of_t<P>),
    sizeof(stored_t<arg_of_t<P>>),
    alignof(stored_t<arg_of_t<P>>),
    (std::is_trivially_copyable_v<arg_of_t<P>> &&
     std::is_same_v<arg_of_t<P>, stored_t<arg_of_t<P>>>),
    &arg_ops_of<P>::load,
    &arg_ops_of<P>::destroy_arg,
    &arg_ops_of<P>::store,
    &arg_ops_of<P>::destroy_stored,
    &arg_ops_of<P>::dump,
    flat_copy_ops<arg_of_t<P>>,  // only std::string and number vectors, each its own stored_t
    tape_value<arg_of_t<P>>::type};

template <class X>
inline constexpr ArgOps arg_ops<std::shared_ptr<X>, true> = {sizeof(ErasedPointer),
                                                             alignof(ErasedPointer),
                                                             sizeof(ErasedPointer),
                                                             alignof(ErasedPointer),
                                                             false,
                                                             &pointer_loader<X>::load,
                                                             &destroy_pointer_arg,
                                                             &copy_pointer_arg,
                                                             &destroy_pointer_arg,
                                                             &dump_pointer_arg,
                                                             nullptr,
                                                             &tape_pointer_arg<X>};

// Destroys a loaded object; the runtime frees its memory, which it allocated. One function per
// class: GCC inlines the class's destructor into it (through speculative devirtualization), and
// a second one, a `delete` per class, cost as much again to compile (0.35 s of the synthetic
// 200-class file). Not NNI_TRACE_LOADER: unoptimized, destroying the evaluator graph took
// about 25 ns longer.
template <class T>
void destroy_in_place(void* object) noexcept {
  static_cast<T*>(object)->~T();
}

template <class T>
void delete_adopted(void* object, const TraceRecord*) noexcept {
  delete static_cast<T*>(object);
}

template <class T>
inline constexpr ObjectOps object_ops = {sizeof(T), alignof(T), &destroy_in_place<T>};

// The arguments of one load, already converted from the payload (or filled with re-printed
// defaults) and recorded; what a generated LoadFn reads. The runtime owns the arguments: a
// loader moves them into the constructor or factory and hands the result back with adopt().
class ArgList {
 public:
  ArgList(const Entity& entity, void* const* args, std::size_t count,
          std::shared_ptr<const TraceRecord> record) noexcept
      : entity_(entity), args_(args), count_(count), record_(std::move(record)) {}

  // How many leading parameters to pass; the compiler applies the defaults of the rest.
  std::size_t count() const noexcept { return count_; }

  // Argument `index`, moved out of the runtime's storage. A class-type argument is returned by
  // value from a function that is not inlined (and built directly in the parameter): inlining
  // every move into every loader roughly doubled the time to compile a generated file.
  template <class P>
  decltype(auto) take(std::size_t index) const
      noexcept(std::is_nothrow_move_constructible_v<arg_of_t<P>>) {
    using A = arg_of_t<P>;
    if constexpr (std::is_trivially_copyable_v<A>) {
      return static_cast<A&&>(*static_cast<A*>(args_[index]));
    } else if constexpr (std::is_same_v<A, ErasedPointer>) {
      return std::static_pointer_cast<typename P::element_type>(take_pointer_arg(args_[index]));
    } else {
      return moved_out<A>(args_[index]);
    }
  }

  // A constructor's new object; from here the returned pointer owns it.
  template <class T>
  std::shared_ptr<void> adopt(T* object) const {
    return adopt_object(object, &delete_adopted<T>);
  }

  // A factory's result: X, shared_ptr<X>, unique_ptr<X> or Traced<X>.
  template <class R>
  std::shared_ptr<void> adopt_result(R&& result) const {
    return attach_record(std::forward<R>(result), std::move(record_));
  }

  [[noreturn]] std::shared_ptr<void> bad_count() const;

 private:
  template <class A>
  [[gnu::noinline]] static A moved_out(void* arg) noexcept(
      std::is_nothrow_move_constructible_v<A>) {
    return static_cast<A&&>(*static_cast<A*>(arg));
  }

  std::shared_ptr<void> adopt_object(void* object,
                                     void (*destroy)(void*, const TraceRecord*) noexcept) const;

  const Entity& entity_;
  void* const* args_;
  std::size_t count_;
  // Moved into the one object a loader adopts.
  mutable std::shared_ptr<const TraceRecord> record_;
};

}  // namespace nni::detail
