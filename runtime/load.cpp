// Re-creating traced objects: match a payload's arguments to a signature, check the result type,
// then call the generated loader. Nothing is constructed until the whole match has succeeded.
#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <string>
#include <unordered_map>
#include <vector>

#include "json_tree.h"
#include "load_steps.h"
#include "loaded_args.h"
#include "nni/errors.h"
#include "nni/generated.h"
#include "symbols.h"

namespace nni::detail {

std::size_t arguments_to_pass(const Signature& s, std::size_t given) {
  for (std::size_t i = given; i < s.param_count; ++i) {
    if (!s.params[i].default_in_loader) return given;
  }
  return s.param_count;
}

// No lock: per thread. Keyed by the generated string's address; the text is compared too, in
// case a library was unloaded and another one's string sits at that address.
JsonNode default_node(const char* json) {
  struct Parsed {
    std::string text;
    JsonDocument document;
  };
  thread_local std::unordered_map<const char*, Parsed> parsed;
  auto it = parsed.find(json);
  if (it == parsed.end() || it->second.text != json)
    it = parsed.insert_or_assign(json, Parsed{json, JsonDocument(json)}).first;
  return it->second.document.root();
}

void add_path(PathError& e, const Signature& s, bool positional, std::size_t index) {
  if (positional) {
    e.prepend(index);
    e.prepend(std::string_view("__args__"));
  } else {
    e.prepend(s.params[index].name);
    e.prepend(std::string_view("__kwargs__"));
  }
}

void throw_null_result(const Entity& e) {
  throw LoadError("the factory '" + std::string(e.symbol) + "' returned null");
}

namespace {

// One parameter's argument in a payload, once matched: where it came from, for error paths.
struct ArgSlot {
  JsonNode node;
  bool positional;  // from "__args__" (else "__kwargs__")
};

// The matched arguments of one signature: inline for the common small signature, so a load
// allocates nothing for them.
class SlotBuffer {
 public:
  ArgSlot* reset(std::size_t n) {
    if (n <= kInline) {
      std::fill(inline_, inline_ + n, ArgSlot{});
      data_ = inline_;
    } else {
      heap_.assign(n, ArgSlot{});
      data_ = heap_.data();
    }
    return data_;
  }
  ArgSlot* data() noexcept { return data_; }

 private:
  static constexpr std::size_t kInline = 8;
  ArgSlot inline_[kInline];
  std::vector<ArgSlot> heap_;
  ArgSlot* data_ = inline_;
};

// The payload's parts, read from the runtime's tree (json_tree.h) directly: going through
// JsonNode's out-of-line accessors for every key was a visible part of a load.
struct Payload {
  std::string_view symbol;
  const JsonValue* args = nullptr;    // "__args__"
  const JsonValue* kwargs = nullptr;  // "__kwargs__"
};

std::string_view key_of(const JsonValue& key) noexcept { return {key.s, key.n}; }

Payload read_payload(const JsonNode& node) {
  const JsonValue& object = *static_cast<const JsonValue*>(node.impl());
  if (object.tag != JsonTag::Object) node.fail_expected("a traced object {\"__symbol__\": ...}");
  Payload p;
  bool has_symbol = false;
  for (const JsonValue *key = object.kids, *end = key + 2 * std::size_t{object.n}; key != end;
       key += 2) {
    std::string_view name = key_of(*key);
    const JsonValue& value = key[1];
    if (same_text(name, "__symbol__")) {
      if (value.tag != JsonTag::String) {
        at_path("__symbol__", [&] { JsonNode::from_impl(&value).fail_expected("a string"); });
      }
      p.symbol = key_of(value);
      has_symbol = true;
    } else if (same_text(name, "__args__")) {
      if (value.tag != JsonTag::Array) {
        at_path("__args__", [&] { JsonNode::from_impl(&value).fail_expected("an array"); });
      }
      p.args = &value;
    } else if (same_text(name, "__kwargs__")) {
      if (value.tag != JsonTag::Object) {
        at_path("__kwargs__", [&] { JsonNode::from_impl(&value).fail_expected("an object"); });
      }
      p.kwargs = &value;
    } else {
      throw_unexpected_traced_key(name);
    }
  }
  if (!has_symbol) throw LoadError("a traced object needs a \"__symbol__\" key");
  return p;
}

// Matches the payload's arguments to `s`: fills `slots` and returns how many leading parameters
// are given, or throws the LoadError that says why `s` does not fit.
std::size_t match(const Entity& e, const Signature& s, const Payload& p, SlotBuffer& buffer) {
  // The payload's arguments, as fit_arguments reads and keeps them.
  struct TreeArguments {
    const Payload& p;
    ArgSlot* slots;
    std::size_t next_keyword = 0;

    std::size_t positional_count() const noexcept { return p.args ? p.args->n : 0; }
    void take_positional(std::size_t i) noexcept {
      slots[i] = ArgSlot{JsonNode::from_impl(&p.args->kids[i]), true};
    }
    std::size_t keyword_count() const noexcept { return p.kwargs ? p.kwargs->n : 0; }
    std::string_view keyword_name() const noexcept {
      return key_of(p.kwargs->kids[2 * next_keyword]);
    }
    void take_keyword(std::size_t i) noexcept {
      slots[i] = ArgSlot{JsonNode::from_impl(&p.kwargs->kids[2 * next_keyword++ + 1]), false};
    }
    bool given(std::size_t i) const noexcept { return static_cast<bool>(slots[i].node); }
  };
  TreeArguments args{p, buffer.reset(s.param_count)};
  std::size_t count = 0;
  Misfit misfit = fit_arguments(s, args, count);
  const std::string name(misfit.name);
  switch (misfit.kind) {
    case Misfit::Kind::None: break;
    case Misfit::Kind::TooManyPositional:
      throw LoadError("too many positional arguments: " + std::to_string(args.positional_count()) +
                          " for " + signature_text(e, s),
                      "/__args__");
    case Misfit::Kind::Unexpected:
      throw load_error_at("unexpected argument '" + name + "' for " + signature_text(e, s),
                          {"__kwargs__", misfit.name});
    case Misfit::Kind::GivenTwice:
      throw load_error_at("argument '" + name + "' is given twice", {"__kwargs__", misfit.name});
    case Misfit::Kind::Omitted: {
      const std::string param(s.params[misfit.param].name);
      if (misfit.omission == Omission::Required)
        throw LoadError("missing required argument '" + param + "' of " + signature_text(e, s));
      throw LoadError("argument '" + param +
                      "' must be given: a later argument is, and its default could not be "
                      "re-printed by nni-trace-gen (see its warning) (" +
                      signature_text(e, s) + ")");
    }
  }
  return count;
}

// The arguments of a load from the tree: the payload's values that match() found.
struct TreeSource {
  const ArgSlot* slots;
  LoadContext& ctx;
  const Signature& s;

  bool given(std::size_t i) const noexcept { return static_cast<bool>(slots[i].node); }
  bool positional(std::size_t i) const noexcept { return slots[i].positional; }
  void load(std::size_t i, void* place) const { s.params[i].ops->load(place, slots[i].node, ctx); }
};

// Whether LoadOptions::allowed_symbols lets a load create `symbol`.
bool allowed(std::string_view symbol, const std::vector<std::string>& allowed_symbols) {
  symbol = strip_path(symbol);
  for (const std::string& entry : allowed_symbols) {
    std::string_view a = strip_path(entry);
    if (a == "*") return true;
    if (a.size() >= 3 && a.substr(a.size() - 3) == "::*") {
      std::string_view prefix = a.substr(0, a.size() - 1);  // "demo::"
      if (symbol.substr(0, prefix.size()) == prefix) return true;
    } else if (a == symbol) {
      return true;
    }
  }
  return false;
}

void check_symbols(const JsonNode& node, const std::vector<std::string>& allowed_symbols) {
  if (node.is(JsonType::Array)) {
    for (std::size_t i = 0, n = node.size(); i < n; ++i) {
      at_path(i, [&] { check_symbols(node[i], allowed_symbols); });
    }
    return;
  }
  if (!node.is(JsonType::Object)) return;
  for (std::size_t i = 0, n = node.member_count(); i < n; ++i) {
    std::string_view name = node.member_name(i);
    JsonNode value = node.member_value(i);
    if ((name == "__symbol__" || name == "__nni_type__") && value.is(JsonType::String) &&
        !allowed(value.as_string(), allowed_symbols)) {
      throw load_error_at(
          "symbol '" + std::string(value.as_string()) +
              "' is not in this load's allowed symbols (LoadOptions::allowed_symbols)",
          {name});
    }
    at_path(name, [&] { check_symbols(value, allowed_symbols); });
  }
}

}  // namespace

void check_allowed_symbols(const JsonNode& root, const LoadOptions& options) {
  if (!options.allowed_symbols.empty()) check_symbols(root, options.allowed_symbols);
}

std::shared_ptr<void> load_object(const JsonNode& node, const std::type_info& target,
                                  LoadContext& ctx, bool deletable) {
  Payload p = read_payload(node);
  const Entity* e = find_entity(p.symbol);
  if (!e) {
    throw LoadError("unknown symbol '" + std::string(p.symbol) +
                        "': no traced class or function is registered under this name (is its "
                        "library linked, and its header listed in nni_trace_generate?)",
                    "/__symbol__");
  }

  // Choose the signature: the only one, or among several the first whose names fit.
  SlotBuffer slots;
  const Signature* chosen = nullptr;
  std::size_t count = 0;
  if (e->signature_count == 1) {
    chosen = &e->signatures[0];
    count = match(*e, *chosen, p, slots);
  } else {
    std::string reasons;
    for (std::size_t k = 0; k < e->signature_count && !chosen; ++k) {
      try {
        count = match(*e, e->signatures[k], p, slots);
        chosen = &e->signatures[k];
      } catch (const LoadError& err) {
        reasons += "\n  " + signature_text(*e, e->signatures[k]) + ": " + err.reason();
      }
    }
    if (!chosen) {
      throw LoadError("the arguments fit no traced signature of '" + std::string(e->symbol) +
                      "':" + reasons);
    }
  }

  const Upcast* up = find_upcast(*chosen->result, target);
  if (!up) {
    throw LoadError("'" + std::string(e->symbol) + "' creates a '" + chosen->result->name +
                        "', which is not a '" + type_name(target) + "'",
                    "/__symbol__");
  }
  TreeSource source{slots.data(), ctx, *chosen};
  return as_target(*e, construct(*e, *chosen, count, source, ctx, deletable), *up);
}

std::shared_ptr<void> load_root(std::string_view json, const std::type_info& target,
                                const LoadOptions& options) {
  if (std::shared_ptr<void> made = load_from_tape(json, target, options)) return made;
  JsonDocument doc(json, options.limits);
  check_allowed_symbols(doc.root(), options);
  LoadContext ctx{options};
  return load_object(doc.root(), target, ctx);
}

void throw_not_unique(const std::type_info& type) {
  throw LoadError("a '" + type_name(type) +
                  "' for a std::unique_ptr parameter must be owned by nothing else (a factory "
                  "that keeps a shared_ptr to its result cannot fill it)");
}

std::shared_ptr<void> ArgList::adopt_object(void* object,
                                            void (*destroy)(void*,
                                                            const TraceRecord*) noexcept) const {
  TraceDeleter deleter{std::move(record_), nullptr};
  deleter.destroy = destroy;
  // If the control block cannot be allocated, shared_ptr calls the deleter on `object`.
  return std::shared_ptr<void>(object, std::move(deleter));
}

std::shared_ptr<void> ArgList::bad_count() const {
  throw LoadError("internal error: no generated case for " + std::to_string(count_) +
                  " arguments of '" + std::string(entity_.symbol) + "'");
}

}  // namespace nni::detail
