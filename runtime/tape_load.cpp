// Loads that read simdjson's tape in place, without the runtime's tree (json_tree.h): one pass
// that builds each object as it reads it, in the order load.cpp's tree reader builds them.
//
// Whatever the tree reader refuses before it builds anything is checked on the whole tape first:
// a payload that the parse refuses or reads otherwise (the limits, a zero with an exponent past
// 308) is declined, and load.cpp reads it from the tree, from the same parse; symbols outside
// LoadOptions::allowed_symbols are the tree reader's own check, on a tree of the whole payload.
// Everything else is checked where the tree reader checks it. A traced object
// whose keys, symbol, signature or target the tape reader does not accept, and a value whose
// TapeType does not accept it (or that has none), are handed to the tree reader there, as a tree
// of that one value (TapeTree): it reads them as it would have, and reports any error, after
// building exactly what it would have built before it.
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "json_tree.h"
#include "load_steps.h"
#include "nni/errors.h"
#include "symbols.h"

namespace nni::detail {

namespace {

// This thread's switches and counts, in one thread_local: in a shared library, reaching each is a
// call.
struct TapeState {
  bool loads = true;
  bool typed_builds = true;
  std::size_t load_count = 0;
  std::size_t tree_reads = 0;
};
thread_local TapeState t_tape;

constexpr std::uint32_t kAbsent = 0xFFFFFFFFu;
constexpr std::size_t kRoot = 1;  // the payload's word, after simdjson's root

// The tape's types that each TapeKind reads, as bits (t & 63): the nine type bytes differ there.
constexpr std::uint64_t type_bit(unsigned t) { return std::uint64_t{1} << (t & 63); }
constexpr std::uint64_t kAcceptedTypes[] = {
    type_bit('t') | type_bit('f'),                  // Bool
    type_bit('l'),                                  // Signed: not past int64 ('u'), nor a float
    type_bit('l') | type_bit('u'),                  // Unsigned
    type_bit('d') | type_bit('l') | type_bit('u'),  // Floating: any number
    type_bit('"'),                                  // String
    type_bit('['),                                  // Vector
    type_bit('n') | type_bit('{'),                  // Pointer
};
static_assert(static_cast<unsigned>(TapeKind::Pointer) + 1 == std::size(kAcceptedTypes));

// ---- What the tree reader refuses before it builds anything ----

// Whether the tape holds a double that is zero: a 'd' word followed by a value word of +0 or -0.
// First, whether any word is +0 or -0 at all (an integer 0 is too, no type word is): one load per
// word, with nothing carried from one word to the next, so that the loop vectorizes. Only then
// each such word's predecessor: a 'd' word, or the value word of another number, whose top byte
// may be anything, or a type word.
[[gnu::always_inline]] inline bool any_zero_word(const std::uint64_t* words, std::size_t first,
                                                 std::size_t end) noexcept {
  std::uint64_t found = 0;
  for (std::size_t j = first; j < end; ++j)
    found |= static_cast<std::uint64_t>((words[j] << 1) == 0);
  return found != 0;
}

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
// 4 words at a time where the CPU has AVX2. Chosen at the first call rather than by an ifunc
// (target_clones): an ifunc's resolver runs while the program is relocated, before a
// sanitizer's runtime is ready (ThreadSanitizer's instrumented resolver crashed there).
[[gnu::target("avx2")]] bool any_zero_word_avx2(const std::uint64_t* words, std::size_t first,
                                                std::size_t end) noexcept {
  return any_zero_word(words, first, end);
}

bool has_zero_word(const std::uint64_t* words, std::size_t first, std::size_t end) noexcept {
  static const bool avx2 = __builtin_cpu_supports("avx2");
  return avx2 ? any_zero_word_avx2(words, first, end) : any_zero_word(words, first, end);
}
#else
bool has_zero_word(const std::uint64_t* words, std::size_t first, std::size_t end) noexcept {
  return any_zero_word(words, first, end);
}
#endif

bool has_zero_double(const TapeReader& tape, const std::uint64_t* words, std::size_t end) noexcept {
  if (!has_zero_word(words, kRoot + 1, end)) return false;
  for (std::size_t i = kRoot; i < end;) {  // decoded, value by value
    unsigned t = tape.type(i);
    if (t == 'd' && (words[i + 1] << 1) == 0) return true;
    i = t == '{' || t == '[' ? i + 1 : tape.next(i);
  }
  return false;
}

// The nesting and string limits, as simdjson_convert checks them: needed only for limits below
// what simdjson refuses itself (TapeLease::max_depth), or a payload longer than a string may be.
bool within_limits(const TapeReader& tape, std::size_t end, const LoadLimits& limits) noexcept {
  std::size_t depth = 0;
  for (std::size_t i = kRoot; i < end;) {
    unsigned t = tape.type(i);
    if (t == '{' || t == '[') {
      if (depth++ >= limits.max_depth) return false;
      ++i;
    } else if (t == '}' || t == ']') {
      --depth;
      ++i;
    } else {
      if (t == '"' && tape.string(i).size() > limits.max_string_bytes) return false;
      i = tape.next(i);
    }
  }
  return true;
}

// Whether the tape reader may read the whole payload at `words` (of `json`) under `options`:
// false for what the tree reader's parse refuses or reads otherwise.
bool admissible(const TapeReader& tape, const TapeLease& lease, std::string_view json,
                const LoadOptions& options) {
  const std::size_t end = tape.next(kRoot);
  const LoadLimits& limits = options.limits;
  // No string of the payload can be longer than the payload.
  if ((limits.max_depth < lease.max_depth() || json.size() > limits.max_string_bytes) &&
      !within_limits(tape, end, limits))
    return false;
  return !(has_zero_double(tape, lease.words(), end) && has_exponent_past_308(json));
}

// ---- The pass that builds ----

// The parts of a traced object's keys, as load.cpp's read_payload finds them.
struct ObjectKeys {
  std::string_view symbol;
  std::size_t args = 0, kwargs = 0;  // the words of "__args__" and "__kwargs__", or 0
};

// One entry per parameter of the signature being matched: where its argument is, or kAbsent.
// Inline for the common small signature, so that a load allocates nothing for them.
class MatchedArgs {
 public:
  TapeArg* reset(std::size_t n) {
    TapeArg* at = inline_;
    if (n > kInline) {
      if (heap_size_ < n) {
        heap_ = std::make_unique<TapeArg[]>(n);
        heap_size_ = n;
      }
      at = heap_.get();
    }
    for (std::size_t i = 0; i < n; ++i) {
      at[i].word = kAbsent;
      at[i].positional = 0;
    }
    data_ = at;
    return at;
  }
  const TapeArg* data() const noexcept { return data_; }

 private:
  static constexpr std::size_t kInline = 8;
  TapeArg inline_[kInline];
  std::unique_ptr<TapeArg[]> heap_;
  std::size_t heap_size_ = 0;
  TapeArg* data_ = inline_;
};

class TapeLoader {
 public:
  TapeLoader(const TapeLease& lease, LoadContext& ctx, TapeState& state) noexcept
      : tape_(lease.words(), lease.strings(), this), lease_(lease), ctx_(ctx), state_(state) {}

  // The traced object at word i, as a `target`.
  std::shared_ptr<void> object(std::size_t i, const std::type_info& target) {
    ObjectKeys keys;
    if (!read_keys(i, keys)) return object_from_tree(i, target);
    const Entity* e = find_entity(keys.symbol);
    if (!e) return object_from_tree(i, target);
    // The first signature whose names fit, as load_object chooses.
    MatchedArgs matched;
    const Signature* chosen = nullptr;
    std::size_t given = 0;
    for (std::size_t k = 0; k < e->signature_count && !chosen; ++k) {
      if (match(e->signatures[k], keys, matched, given)) chosen = &e->signatures[k];
    }
    if (!chosen) return object_from_tree(i, target);
    const Upcast* up = find_upcast(*chosen->result, target);
    if (!up) return object_from_tree(i, target);

    const TapeArg* args = matched.data();
    std::shared_ptr<void> made;
    if (chosen->tape_load && state_.typed_builds && typed_readable(*chosen, args, given)) {
      made = chosen->tape_load(TapeArgs(tape_, *e, *chosen, args, given));
    } else {
      made = build(*e, *chosen, args, given);
    }
    return as_target(*e, std::move(made), *up);
  }

 private:
  // Where load_object reads the same object, the tree reader reads this one: it reports what
  // the tape reader did not accept, or reads it (a type the tape reader does not know).
  std::shared_ptr<void> object_from_tree(std::size_t i, const std::type_info& target) {
    return load_object(tree_of(i).root(), target, ctx_);
  }

  // The value at word i as the tree reader reads it.
  TapeTree tree_of(std::size_t i) {
    ++state_.tree_reads;
    return TapeTree(lease_, i, tape_.next(i));
  }

  // The generic build, out of line: its argument storage (LoadedArgs) would otherwise enlarge
  // the stack frame of every object() call, typed builds' too.
  [[gnu::noinline]] std::shared_ptr<void> build(const Entity& e, const Signature& s,
                                                const TapeArg* args, std::size_t given) {
    return construct(e, s, given, Source{*this, args, s}, ctx_, false);
  }

  // The value of argument `i` of `s` at `word`: from the tape if its TapeType accepts it, else by
  // the parameter's codec, from the tree, which reads it or reports why not.
  void argument(const Signature& s, std::size_t i, std::size_t word, void* place) {
    const ArgOps& ops = *s.params[i].ops;
    if (ops.tape && accepts(word, *ops.tape)) {
      ops.tape->load(place, tape_, word);
      return;
    }
    ops.load(place, tree_of(word).root(), ctx_);
  }

  // As load.cpp's read_payload, without its messages: false where it would throw one.
  bool read_keys(std::size_t i, ObjectKeys& keys) const noexcept {
    if (tape_.type(i) != '{' || tape_.count(i) >= TapeReader::kCountMask) return false;
    bool has_symbol = false;
    std::size_t key = i + 1;
    for (std::size_t m = 0, n = tape_.count(i); m < n; ++m) {
      std::size_t value = key + 1;
      std::string_view name = tape_.string(key);
      if (same_text(name, "__symbol__")) {
        if (tape_.type(value) != '"') return false;
        keys.symbol = tape_.string(value);
        has_symbol = true;
      } else if (same_text(name, "__args__")) {
        if (!counted(value, '[')) return false;
        keys.args = value;
      } else if (same_text(name, "__kwargs__")) {
        if (!counted(value, '{')) return false;
        keys.kwargs = value;
      } else {
        return false;
      }
      key = tape_.next(value);
    }
    return has_symbol;
  }

  // A container of type `bracket` at word i whose count is known (not saturated).
  bool counted(std::size_t i, unsigned bracket) const noexcept {
    return tape_.type(i) == bracket && tape_.count(i) < TapeReader::kCountMask;
  }

  // As load.cpp's match() (fit_arguments), without its messages: fills `matched` and the count
  // of leading parameters given, or returns false where match() would throw.
  bool match(const Signature& s, const ObjectKeys& keys, MatchedArgs& matched,
             std::size_t& given) const {
    // The payload's arguments, as fit_arguments reads and keeps them: positional ones from the
    // word after "__args__"'s, keyword ones from the first key of "__kwargs__".
    struct TapeArguments {
      const TapeReader& tape;
      TapeArg* slots;
      std::size_t positional, keywords;  // the containers' words, or 0
      std::size_t next_positional = positional + 1, next_key = keywords + 1;

      std::size_t positional_count() const noexcept {
        return positional ? tape.count(positional) : 0;
      }
      void take_positional(std::size_t i) noexcept {
        slots[i] = TapeArg{static_cast<std::uint32_t>(next_positional), 1};
        next_positional = tape.next(next_positional);
      }
      std::size_t keyword_count() const noexcept { return keywords ? tape.count(keywords) : 0; }
      std::string_view keyword_name() const noexcept { return tape.string(next_key); }
      void take_keyword(std::size_t i) noexcept {
        slots[i] = TapeArg{static_cast<std::uint32_t>(next_key + 1), 0};
        next_key = tape.next(next_key + 1);
      }
      bool given(std::size_t i) const noexcept { return slots[i].word != kAbsent; }
    };
    // reset() replaces a signature tried before.
    TapeArguments args{tape_, matched.reset(s.param_count), keys.args, keys.kwargs};
    std::size_t count = 0;
    if (fit_arguments(s, args, count).kind != Misfit::Kind::None) return false;
    given = count;
    return true;
  }

  // Whether a typed build can read the first `given` arguments: each given (a typed build passes
  // no re-printed defaults; the compiler applies the defaults after them) and accepted.
  bool typed_readable(const Signature& s, const TapeArg* args, std::size_t given) const noexcept {
    for (std::size_t i = 0; i < given; ++i) {
      const TapeType* type = s.params[i].ops->tape;
      if (args[i].word == kAbsent || !type || !accepts(args[i].word, *type)) return false;
    }
    return true;
  }

  // Whether `type` reads the value at word i from the tape exactly as its codec would read it
  // from the tree. A traced object is accepted as it is: object() looks at it when it builds it.
  bool accepts(std::size_t i, const TapeType& type) const noexcept {
    unsigned t = tape_.type(i);
    if (!((kAcceptedTypes[static_cast<unsigned>(type.kind)] >> (t & 63)) & 1)) return false;
    switch (type.kind) {
      case TapeKind::Signed: {
        // Not past int64 ('u'), nor a float: the codec's messages, and its reading of 3.0,
        // are load.cpp's.
        if (type.bytes >= sizeof(std::int64_t)) return true;
        std::int64_t v = tape_.int64(i);
        std::int64_t max = (std::int64_t{1} << (8 * type.bytes - 1)) - 1;
        return v >= -max - 1 && v <= max;
      }
      case TapeKind::Unsigned: {
        if (t == 'u') return type.bytes >= sizeof(std::uint64_t);
        if (tape_.int64(i) < 0) return false;
        if (type.bytes >= sizeof(std::uint64_t)) return true;
        auto v = static_cast<std::uint64_t>(tape_.int64(i));
        return v <= (std::uint64_t{1} << (8 * type.bytes)) - 1;
      }
      case TapeKind::Vector: {
        if (tape_.count(i) >= TapeReader::kCountMask) return false;
        const TapeType& element = *type.element;
        std::size_t word = i + 1;
        if (by_type_alone(element)) {  // the common vector of numbers, strings or objects
          const std::uint64_t accepted = kAcceptedTypes[static_cast<unsigned>(element.kind)];
          for (std::size_t k = 0, n = tape_.count(i); k < n; ++k, word = tape_.next(word)) {
            if (!((accepted >> (tape_.type(word) & 63)) & 1)) return false;
          }
          return true;
        }
        for (std::size_t k = 0, n = tape_.count(i); k < n; ++k, word = tape_.next(word)) {
          if (!accepts(word, element)) return false;
        }
        return true;
      }
      default: return true;  // by_type_alone
    }
  }

  // Whether the type of a value alone decides whether `type` accepts it.
  static bool by_type_alone(const TapeType& type) noexcept {
    switch (type.kind) {
      case TapeKind::Signed: return type.bytes >= sizeof(std::int64_t);
      case TapeKind::Unsigned:
      case TapeKind::Vector: return false;
      default: return true;
    }
  }

  // The arguments of a generic build (construct() in load_steps.h).
  struct Source {
    TapeLoader& loader;
    const TapeArg* args;
    const Signature& s;

    bool given(std::size_t i) const noexcept { return args[i].word != kAbsent; }
    bool positional(std::size_t i) const noexcept { return args[i].positional != 0; }
    void load(std::size_t i, void* place) const { loader.argument(s, i, args[i].word, place); }
  };

  TapeReader tape_;
  const TapeLease& lease_;
  LoadContext& ctx_;
  TapeState& state_;
};

}  // namespace

std::shared_ptr<void> TapeReader::object(std::size_t i, const std::type_info& target) const {
  return static_cast<TapeLoader*>(builder_)->object(i, target);
}

std::shared_ptr<void> TapeArgs::bad_count() const {
  throw LoadError("internal error: no generated typed build for " + std::to_string(count_) +
                  " arguments of '" + std::string(entity_.symbol) + "'");
}

bool set_tape_loads(bool enabled) noexcept { return std::exchange(t_tape.loads, enabled); }

bool set_typed_builds(bool enabled) noexcept { return std::exchange(t_tape.typed_builds, enabled); }

std::size_t tape_load_count() noexcept { return t_tape.load_count; }

std::size_t tape_tree_read_count() noexcept { return t_tape.tree_reads; }

std::shared_ptr<void> load_from_tape(std::string_view json, const std::type_info& target,
                                     const LoadOptions& options) {
  TapeState& state = t_tape;
  if (!state.loads || !simdjson_first() || json.size() > options.limits.max_payload_bytes)
    return nullptr;
  TapeLease lease(json);
  if (!lease.parsed()) return nullptr;  // JsonDocument tries again, and RapidJSON after it
  TapeReader tape(lease.words(), lease.strings(), nullptr);
  if (!admissible(tape, lease, json, options)) {
    lease.decline();
    return nullptr;
  }
  // The allow-list, before anything is built: the tree reader's check, on the whole payload.
  if (!options.allowed_symbols.empty())
    check_allowed_symbols(TapeTree(lease, kRoot, tape.next(kRoot)).root(), options);
  ++state.load_count;
  LoadContext ctx{options};
  TapeLoader loader(lease, ctx, state);
  return loader.object(kRoot, target);
}

}  // namespace nni::detail
