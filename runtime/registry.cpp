// The registry of traced entities: by symbol (for nni::load), by C++ type (for nni::make) and by
// function address (for nni::call). A function-local static, so generated code may register
// from static initializers in any order; a shared mutex makes it safe from any thread.
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <typeindex>
#include <unordered_map>

#include "nni/detail/metadata.h"
#include "nni/detail/record.h"
#include "nni/errors.h"
#include "nni/type_ref.h"
#include "symbols.h"

namespace nni::detail {

namespace {

// A type as a table key, with its hash (of the mangled name, as std::type_index's) computed
// once: the tables then never hash a name again when they grow.
struct TypeKey {
  explicit TypeKey(const std::type_info& type) noexcept : type(&type), hash(type.hash_code()) {}
  const std::type_info* type;
  std::size_t hash;
  friend bool operator==(const TypeKey& a, const TypeKey& b) noexcept {
    return a.hash == b.hash && *a.type == *b.type;
  }
};
struct TypeKeyHash {
  std::size_t operator()(const TypeKey& key) const noexcept { return key.hash; }
};

// Room for `more` entries, growing at least geometrically: one library registering after
// another must not rehash the whole table each time.
template <class Table>
void reserve_more(Table& table, std::size_t more) {
  std::size_t wanted = table.size() + more;
  if (wanted > table.bucket_count() * table.max_load_factor())
    table.reserve(std::max(wanted, 2 * table.size()));
}

struct Registry {
  std::shared_mutex mutex;
  // The entities that symbol lookups found lately, by a hash of the symbol (cache_slot): a load
  // looks up every object's symbol, and most then need no lock (which profiles of loads showed).
  // Filled under the shared lock, emptied under the exclusive one by every registration and
  // unregistration, so an entity in it is registered.
  static constexpr std::size_t kRecentSlots = 256;
  std::atomic<const Entity*> recent[kRecentSlots] = {};

  void forget_recent() noexcept {
    for (auto& slot : recent) slot.store(nullptr, std::memory_order_relaxed);
  }
  std::unordered_map<std::string_view, const Entity*> by_symbol;
  std::unordered_map<TypeKey, const Entity*, TypeKeyHash> by_type;
  std::unordered_map<FunctionKey, Selected> by_function;
  std::unordered_map<TypeKey, const EnumInfo*, TypeKeyHash> enums;
};

Registry& registry() {
  static Registry instance;
  return instance;
}

std::string describe_kinds(const Kind* kinds, std::size_t n) {
  std::string out = "(";
  for (std::size_t i = 0; i < n; ++i) {
    if (i) out += ", ";
    out += kind_name(kinds[i]);
  }
  return out + ")";
}

// How well arguments of these kinds fit a signature's parameters: exactly (each kind equal), or
// through a conversion C++ applies implicitly (nullptr or nullopt to a pointer or optional, a
// string to a path, bool and number into each other).
enum class Fit { None, Converted, Exact };

bool convertible(Kind arg, Kind param) {
  return arg == Kind::Null || (arg == Kind::String && param == Kind::Path) ||
         (arg == Kind::Bool && param == Kind::Number) ||
         (arg == Kind::Number && param == Kind::Bool);
}

Fit fit(const Signature& s, const Kind* kinds, std::size_t n) {
  if (n < s.required || n > s.param_count) return Fit::None;
  Fit result = Fit::Exact;
  for (std::size_t i = 0; i < n; ++i) {
    if (kinds[i] == s.params[i].kind) continue;
    if (!convertible(kinds[i], s.params[i].kind)) return Fit::None;
    result = Fit::Converted;
  }
  return result;
}

}  // namespace

void register_entities(const Entity* const* entities, std::size_t count) {
  Registry& r = registry();
  std::unique_lock lock(r.mutex);
  r.forget_recent();
  // One target registers all its entities at once: grow each table once, not by rehashing as
  // the entities arrive (a large registry's start-up cost, docs/performance.md).
  reserve_more(r.by_symbol, count);
  reserve_more(r.by_type, count);
  for (std::size_t i = 0; i < count; ++i) {
    const Entity* e = entities[i];
    // A symbol registered twice (the same header in two targets) keeps its first entity.
    r.by_symbol.emplace(e->symbol, e);
    if (e->kind == EntityKind::Class && e->type) r.by_type.emplace(TypeKey(*e->type), e);
    for (std::size_t k = 0; k < e->signature_count; ++k) {
      const Signature* s = &e->signatures[k];
      if (s->function) r.by_function.emplace(s->function, Selected{e, s});
    }
  }
}

void unregister_entities(const Entity* const* entities, std::size_t count) {
  Registry& r = registry();
  std::unique_lock lock(r.mutex);
  r.forget_recent();
  for (std::size_t i = 0; i < count; ++i) {
    const Entity* e = entities[i];
    auto s = r.by_symbol.find(e->symbol);
    if (s != r.by_symbol.end() && s->second == e) r.by_symbol.erase(s);
    if (e->type) {
      auto t = r.by_type.find(TypeKey(*e->type));
      if (t != r.by_type.end() && t->second == e) r.by_type.erase(t);
    }
    for (std::size_t k = 0; k < e->signature_count; ++k) {
      auto f = r.by_function.find(e->signatures[k].function);
      if (f != r.by_function.end() && f->second.entity == e) r.by_function.erase(f);
    }
  }
}

void register_enums(const EnumInfo* const* enums, std::size_t count) {
  Registry& r = registry();
  std::unique_lock lock(r.mutex);
  // The same enum used by several targets' signatures is registered by each: keep the first.
  for (std::size_t i = 0; i < count; ++i) r.enums.emplace(TypeKey(*enums[i]->type), enums[i]);
}

void unregister_enums(const EnumInfo* const* enums, std::size_t count) {
  Registry& r = registry();
  std::unique_lock lock(r.mutex);
  for (std::size_t i = 0; i < count; ++i) {
    auto it = r.enums.find(TypeKey(*enums[i]->type));
    if (it != r.enums.end() && it->second == enums[i]) r.enums.erase(it);
  }
}

const EnumInfo* find_enum(const std::type_info& type) {
  Registry& r = registry();
  std::shared_lock lock(r.mutex);
  auto it = r.enums.find(TypeKey(type));
  return it == r.enums.end() ? nullptr : it->second;
}

namespace {

// A hash of a symbol for the lookup cache: its length and its first and last 8 bytes (symbols
// of one program differ in their last bytes more often than not). A collision costs one locked
// lookup; hashing every byte would cost as much as the lock this cache saves.
std::size_t cache_slot(std::string_view symbol, std::size_t slots) noexcept {
  std::uint64_t head = 0, tail = 0;  // an empty symbol hashes to slot 0 and matches no entity
  if (symbol.size() >= 8) {  // two 8-byte loads (a copy of variable length stalled on the stack)
    std::memcpy(&head, symbol.data(), 8);
    std::memcpy(&tail, symbol.data() + symbol.size() - 8, 8);
  } else {
    for (char c : symbol) head = head << 8 | static_cast<unsigned char>(c);
    tail = head;
  }
  std::uint64_t h = (head * 0x9E3779B97F4A7C15u) ^ (tail * 0xC2B2AE3D27D4EB4Fu) ^ symbol.size();
  return static_cast<std::size_t>((h ^ (h >> 29)) % slots);
}

}  // namespace

// An entity found in Registry::recent may be unregistered right after (its library unloaded),
// exactly as one found under the lock may be once the lock is released: loading from a library
// while it is being unloaded is not supported either way.
const Entity* find_entity(std::string_view symbol) {
  symbol = strip_path(symbol);
  Registry& r = registry();
  std::atomic<const Entity*>& recent = r.recent[cache_slot(symbol, Registry::kRecentSlots)];
  if (const Entity* e = recent.load(std::memory_order_acquire); e && same_text(e->symbol, symbol))
    return e;
  std::shared_lock lock(r.mutex);
  auto it = r.by_symbol.find(symbol);
  if (it == r.by_symbol.end()) return nullptr;
  recent.store(it->second, std::memory_order_release);
  return it->second;
}

const Entity* find_class(const std::type_info& type) {
  Registry& r = registry();
  std::shared_lock lock(r.mutex);
  auto it = r.by_type.find(TypeKey(type));
  return it == r.by_type.end() ? nullptr : it->second;
}

void check_loadable(const std::type_info& type) {
  if (find_class(type)) return;
  {
    Registry& r = registry();
    std::shared_lock lock(r.mutex);
    // A base class or a factory's result: rare, so a scan rather than another table to fill
    // at start-up.
    for (const auto& [symbol, e] : r.by_symbol) {
      for (std::size_t k = 0; k < e->signature_count; ++k) {
        const ResultInfo* result = e->signatures[k].result;
        for (std::size_t u = 0; result && u < result->upcast_count; ++u) {
          if (*result->upcasts[u].base == type) return;
        }
      }
    }
  }
  throw NotTraced("nni::load: '" + type_name(type) +
                  "' is neither traced nor a base of a traced class, so no payload can be "
                  "loaded as one: mark it [[nni::trace]] (or trace it through an alias), list its "
                  "header in nni_trace_generate, and link the target that holds it");
}

const Entity& class_entity(const std::type_info& type) {
  const Entity* e = find_class(type);
  if (!e) {
    throw NotTraced("'" + type_name(type) +
                    "' is not traced: mark it [[nni::trace]] (or trace it through an alias), "
                    "list its header in nni_trace_generate, and link the target that holds it");
  }
  return *e;
}

const Entity* function_entity(FunctionKey function) {
  return select_overload(function, nullptr, 0).entity;
}

Selected select_constructor(const std::type_info& type, const Kind* kinds, std::size_t n) {
  const Entity* e = &class_entity(type);
  // The only signature that fits exactly, else the only one that fits through conversions.
  const Signature* exact = nullptr;
  const Signature* converted = nullptr;
  std::size_t exact_count = 0, converted_count = 0;
  for (std::size_t k = 0; k < e->signature_count; ++k) {
    switch (fit(e->signatures[k], kinds, n)) {
      case Fit::Exact: exact = &e->signatures[k], ++exact_count; break;
      case Fit::Converted: converted = &e->signatures[k], ++converted_count; break;
      case Fit::None: break;
    }
  }
  if (exact_count == 1) return {e, exact};
  if (exact_count == 0 && converted_count == 1) return {e, converted};
  std::size_t count_matches = exact_count + converted_count;
  std::string candidates;
  for (std::size_t k = 0; k < e->signature_count; ++k) {
    candidates += "\n  " + signature_text(*e, e->signatures[k]);
  }
  throw NotTraced("nni::make: " + std::string(count_matches ? "more than one" : "no") +
                  " traced constructor of '" + std::string(e->symbol) + "' takes arguments " +
                  describe_kinds(kinds, n) + "; traced constructors:" + candidates);
}

// The address of a function names its overload exactly: the argument kinds are not needed.
Selected select_overload(FunctionKey function, const Kind*, std::size_t) {
  Registry& r = registry();
  std::shared_lock lock(r.mutex);
  auto it = r.by_function.find(function);
  if (it == r.by_function.end()) {
    throw NotTraced(
        "the function is not traced: mark it [[nni::trace]], list its header in "
        "nni_trace_generate, and link the target that holds it");
  }
  return it->second;
}

}  // namespace nni::detail
