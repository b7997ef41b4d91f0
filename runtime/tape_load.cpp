// Loads that read simdjson's tape in place, without the runtime's tree (json_tree.h): taken when
// every value of the payload is one that a TapeType reads (bools, numbers, strings, vectors of
// them, traced objects behind std::shared_ptr), which is the usual configuration payload.
//
// Two passes. The plan checks the whole payload as load.cpp's reader would (keys, symbols,
// allowed symbols, signatures, argument names, JSON types and ranges, limits) and notes where
// each argument is; it builds nothing. Whatever it does not accept it declines, and load.cpp
// reads the payload from the tree instead, from the same parse, and reports any error as it
// always has. The build then constructs the objects in the order load.cpp would (construct() in
// load_steps.h, shared with it), reading each argument from the tape with its TapeType.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
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

thread_local bool t_tape_loads = true;
thread_local bool t_typed_builds = true;
thread_local std::size_t t_tape_load_count = 0;

constexpr std::uint32_t kAbsent = 0xFFFFFFFFu;
constexpr std::size_t kRoot = 1;  // the payload's word, after simdjson's root

// One traced object of the payload, in the order the build meets them (depth first, arguments
// in parameter order).
struct PlannedObject {
  std::size_t word;  // its '{'
  const Entity* entity;
  const Signature* signature;
  const Upcast* upcast;
  std::size_t given;  // leading parameters the payload gives (as load.cpp's match counts them)
  std::size_t first;  // its arguments' entries in Plan::args, one per parameter
};

struct Plan {
  std::vector<PlannedObject> objects;
  // Per parameter of each object: its value's word, or kAbsent. Not a std::vector: its
  // resize(n, value) re-read the value from the stack for each entry, stalled on the store just
  // made (store forwarding), and took a third of the plan's time.
  std::unique_ptr<TapeArg[]> args;
  std::size_t args_size = 0, args_capacity = 0;

  // Room for `n` entries from `first` (the entries before it stay), each kAbsent.
  TapeArg* args_at(std::size_t first, std::size_t n) {
    if (first + n > args_capacity) {
      std::size_t capacity = std::max<std::size_t>(first + n, 2 * args_capacity);
      auto bigger = std::make_unique<TapeArg[]>(capacity);
      std::copy(args.get(), args.get() + first, bigger.get());
      args = std::move(bigger);
      args_capacity = capacity;
    }
    args_size = first + n;
    TapeArg* at = args.get() + first;
    for (std::size_t i = 0; i < n; ++i) {
      at[i].word = kAbsent;
      at[i].positional = 0;
    }
    return at;
  }
};

// Plans reused per thread and nesting level (a constructor may load again while its load's
// plan is in use), so that a warm load allocates nothing for its plan.
class PlanLease {
 public:
  PlanLease() {
    if (pool().size() <= depth()) pool().push_back(std::make_unique<Plan>());
    plan_ = pool()[depth()++].get();
    plan_->objects.clear();
    plan_->args_size = 0;
  }
  ~PlanLease() { --depth(); }
  PlanLease(const PlanLease&) = delete;
  PlanLease& operator=(const PlanLease&) = delete;

  Plan& plan() const noexcept { return *plan_; }

 private:
  static std::vector<std::unique_ptr<Plan>>& pool() {
    thread_local std::vector<std::unique_ptr<Plan>> plans;
    return plans;
  }
  static std::size_t& depth() {
    thread_local std::size_t in_use = 0;
    return in_use;
  }
  Plan* plan_;
};

// The first pass. Each function returns false to decline the payload.
class Planner {
 public:
  Planner(const TapeReader& tape, std::string_view json, const LoadOptions& options,
          Plan& plan) noexcept
      : tape_(tape),
        options_(options),
        limits_(options.limits),
        plan_(plan),
        // No string of the payload can be longer than the payload.
        check_strings_(json.size() > options.limits.max_string_bytes) {}

  // The traced object at word i, `depth` containers deep, as a `target`.
  bool object(std::size_t i, const std::type_info& target, std::size_t depth) {
    if (!container(i, '{', depth)) return false;
    std::string_view symbol;
    bool has_symbol = false;
    std::size_t args = 0, kwargs = 0;
    std::size_t key = i + 1;
    for (std::size_t m = 0, n = tape_.count(i); m < n; ++m) {
      std::size_t value = key + 1;
      if (!string(key)) return false;
      std::string_view name = tape_.string(key);
      if (same_text(name, "__symbol__")) {
        if (tape_.type(value) != '"' || !string(value)) return false;
        symbol = tape_.string(value);
        has_symbol = true;
      } else if (same_text(name, "__args__")) {
        if (!container(value, '[', depth + 1)) return false;
        args = value;
      } else if (same_text(name, "__kwargs__")) {
        if (!container(value, '{', depth + 1)) return false;
        kwargs = value;
      } else {
        return false;
      }
      key = tape_.next(value);
    }
    if (!has_symbol) return false;
    if (!options_.allowed_symbols.empty() && !allowed(symbol, options_.allowed_symbols))
      return false;
    const Entity* e = find_entity(symbol);
    if (!e) return false;

    // The first signature whose names fit, as load_object chooses.
    std::size_t first = plan_.args_size;
    const Signature* chosen = nullptr;
    std::size_t given = 0;
    for (std::size_t k = 0; k < e->signature_count && !chosen; ++k) {
      if (match(e->signatures[k], args, kwargs, first, given)) chosen = &e->signatures[k];
    }
    if (!chosen) return false;
    const Upcast* up = find_upcast(*chosen->result, target);
    if (!up) return false;
    plan_.objects.push_back(PlannedObject{i, e, chosen, up, given, first});

    // The values, in parameter order: the order in which the build meets nested objects.
    for (std::size_t p = 0; p < given; ++p) {
      TapeArg arg = plan_.args[first + p];  // a copy: planning nested objects may move them
      if (arg.word == kAbsent) continue;
      const TapeType* type = chosen->params[p].ops->tape;
      if (!type || !value(arg.word, *type, depth + 2)) return false;
    }
    return true;
  }

  // After the root's object: what the parse itself would still refuse.
  bool finish(std::string_view json) const {
    return !(zero_double_ && has_exponent_past_308(json));
  }

 private:
  // A container of type `bracket` at word i: within the depth limit, and with its count known.
  bool container(std::size_t i, unsigned bracket, std::size_t depth) const noexcept {
    return tape_.type(i) == bracket && depth < limits_.max_depth &&
           tape_.count(i) < TapeReader::kCountMask;  // the mask itself: saturated
  }

  bool string(std::size_t i) const noexcept {
    return !check_strings_ || tape_.string(i).size() <= limits_.max_string_bytes;
  }

  // As load.cpp's match(), without the messages: fills the signature's entries of plan_.args
  // from `first` and the count of leading parameters given.
  bool match(const Signature& s, std::size_t args, std::size_t kwargs, std::size_t first,
             std::size_t& given) {
    TapeArg* slots = plan_.args_at(first, s.param_count);  // replaces a signature tried before
    std::size_t positional = args ? tape_.count(args) : 0;
    if (positional > s.param_count) return false;
    std::size_t count = positional;
    for (std::size_t i = 0, word = args + 1; i < positional; ++i, word = tape_.next(word)) {
      slots[i] = TapeArg{static_cast<std::uint32_t>(word), 1};
    }
    if (kwargs) {
      std::size_t expected = positional;
      std::size_t key = kwargs + 1;
      for (std::size_t m = 0, n = tape_.count(kwargs); m < n; ++m) {
        if (!string(key)) return false;
        std::size_t i = param_index(s, tape_.string(key), expected);
        if (i == s.param_count || slots[i].word != kAbsent) return false;
        expected = i + 1;
        slots[i] = TapeArg{static_cast<std::uint32_t>(key + 1), 0};
        if (i + 1 > count) count = i + 1;
        key = tape_.next(key + 1);
      }
    }
    for (std::size_t i = 0; i < s.param_count; ++i) {
      if (slots[i].word == kAbsent && omission(s, i, count) != Omission::Fillable) return false;
    }
    given = count;
    return true;
  }

  // The value at word i, `depth` containers deep, as `type` reads it and its codec accepts it.
  bool value(std::size_t i, const TapeType& type, std::size_t depth) {
    unsigned t = tape_.type(i);
    switch (type.kind) {
      case TapeKind::Bool: return t == 't' || t == 'f';
      case TapeKind::Signed: {
        // Not past int64 ('u'), nor a float: the codec's messages, and its reading of 3.0,
        // are load.cpp's.
        if (t != 'l') return false;
        if (type.bytes >= sizeof(std::int64_t)) return true;
        std::int64_t v = tape_.int64(i);
        std::int64_t max = (std::int64_t{1} << (8 * type.bytes - 1)) - 1;
        return v >= -max - 1 && v <= max;
      }
      case TapeKind::Unsigned: {
        if (t == 'u') return type.bytes >= sizeof(std::uint64_t);
        if (t != 'l' || tape_.int64(i) < 0) return false;
        if (type.bytes >= sizeof(std::uint64_t)) return true;
        auto v = static_cast<std::uint64_t>(tape_.int64(i));
        return v <= (std::uint64_t{1} << (8 * type.bytes)) - 1;
      }
      case TapeKind::Floating:
        if (t == 'd') {
          zero_double_ |= tape_.number(i) == 0;
          return true;
        }
        return t == 'l' || t == 'u';
      case TapeKind::String: return t == '"' && string(i);
      case TapeKind::Vector: {
        if (!container(i, '[', depth)) return false;
        std::size_t word = i + 1;
        for (std::size_t k = 0, n = tape_.count(i); k < n; ++k, word = tape_.next(word)) {
          if (!value(word, *type.element, depth + 1)) return false;
        }
        return true;
      }
      case TapeKind::Pointer: return t == 'n' || object(i, *type.pointer->static_type, depth);
    }
    return false;
  }

  const TapeReader& tape_;
  const LoadOptions& options_;
  const LoadLimits& limits_;
  Plan& plan_;
  bool check_strings_;
  bool zero_double_ = false;  // see has_exponent_past_308
};

// The second pass: builds each planned object when its parent's argument is loaded.
class Builder {
 public:
  Builder(const Plan& plan, LoadContext& ctx) noexcept : plan_(plan), ctx_(ctx) {}

  std::shared_ptr<void> object(const TapeReader& tape, std::size_t word) {
    // The plan met the objects in this order; a mismatch would be a bug in one of the passes.
    if (next_ >= plan_.objects.size() || plan_.objects[next_].word != word)
      throw LoadError("internal error: a load's plan and build disagree");
    const PlannedObject& o = plan_.objects[next_++];
    const TapeArg* args = plan_.args.get() + o.first;
    std::shared_ptr<void> made;
    if (o.signature->tape_load && t_typed_builds && leading(args, o.given)) {
      made = o.signature->tape_load(TapeArgs(tape, *o.entity, *o.signature, args, o.given));
    } else {
      made = construct(*o.entity, *o.signature, o.given, Source{tape, args, *o.signature}, ctx_,
                       false);
    }
    return as_target(*o.entity, std::move(made), *o.upcast);
  }

 private:
  // Whether the payload gives each of the first `given` arguments (a typed build passes no
  // re-printed defaults; the compiler applies the defaults after them).
  static bool leading(const TapeArg* args, std::size_t given) noexcept {
    for (std::size_t i = 0; i < given; ++i) {
      if (args[i].word == kAbsent) return false;
    }
    return true;
  }

  struct Source {
    const TapeReader& tape;
    const TapeArg* args;
    const Signature& s;

    bool given(std::size_t i) const noexcept { return args[i].word != kAbsent; }
    bool positional(std::size_t i) const noexcept { return args[i].positional != 0; }
    void load(std::size_t i, void* place) const {
      s.params[i].ops->tape->load(place, tape, args[i].word);
    }
  };

  const Plan& plan_;
  LoadContext& ctx_;
  std::size_t next_ = 0;
};

}  // namespace

std::shared_ptr<void> TapeReader::object(std::size_t i) const {
  return static_cast<Builder*>(builder_)->object(*this, i);
}

std::shared_ptr<void> TapeArgs::bad_count() const {
  throw LoadError("internal error: no generated typed build for " + std::to_string(count_) +
                  " arguments of '" + std::string(entity_.symbol) + "'");
}

bool set_tape_loads(bool enabled) noexcept { return std::exchange(t_tape_loads, enabled); }

bool set_typed_builds(bool enabled) noexcept { return std::exchange(t_typed_builds, enabled); }

std::size_t tape_load_count() noexcept { return t_tape_load_count; }

std::shared_ptr<void> load_from_tape(std::string_view json, const std::type_info& target,
                                     const LoadOptions& options) {
  if (!t_tape_loads || !simdjson_first() || json.size() > options.limits.max_payload_bytes)
    return nullptr;
  std::size_t capacity = simdjson_parse(json);
  if (!capacity) return nullptr;  // JsonDocument tries again, and RapidJSON after it
  TapeLease lease(json);
  PlanLease plan_lease;
  Plan& plan = plan_lease.plan();
  {
    TapeReader tape(lease.words(), lease.strings(), nullptr);
    Planner planner(tape, json, options, plan);
    if (!planner.object(kRoot, target, 0) || !planner.finish(json)) {
      lease.decline(capacity);
      return nullptr;
    }
  }
  LoadContext ctx{options};
  Builder builder(plan, ctx);
  TapeReader tape(lease.words(), lease.strings(), &builder);
  std::shared_ptr<void> made = builder.object(tape, kRoot);
  ++t_tape_load_count;
  return made;
}

}  // namespace nni::detail
