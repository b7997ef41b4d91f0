// libFuzzer target: nni::load<T> for the test classes of test/runtime/models.h, and the untyped
// nni::load, on arbitrary bytes. Build and run: docs/hardening.md.
//
// What counts as a finding (the fuzzer aborts with a message):
// - ASan / UBSan / LeakSanitizer reports (crashes, overflows, leaks, undefined behaviour);
// - any exception from nni::load other than nni::LoadError (DESIGN.md, "Bad input");
// - a payload that loads but whose object does not dump, or whose dump does not load back to
//   the same dump (dump(load(dump(load(x)))) == dump(load(x)));
// - the runtime's two JSON parsers disagreeing: simdjson (with RapidJSON for what it refuses)
//   and RapidJSON alone must give the same tree, or the same LoadError (runtime/json_tree.h);
// - nni::load's two readers disagreeing: the tape reader (runtime/tape_load.cpp; the models are
//   generated with FAST_LOADS, so its typed builds run) and the tree reader alone must give the
//   same dump, or the same LoadError.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>
#include <string_view>
#include <typeinfo>

#include "json_tree.h"
#include "json_tree_text.h"
#include "load_steps.h"
#include "models.h"

namespace {

// The three findings of the first runs (docs/hardening.md) are fixed; their inputs are
// regression cases in test/runtime/malformed_test.cpp (Malformed.Fuzz*).

[[noreturn]] void finding(const char* what, std::string_view json, const std::string& detail) {
  std::fprintf(stderr, "\n*** load_fuzzer finding: %s\n*** input (%zu bytes): %.*s\n*** %s\n", what,
               json.size(), static_cast<int>(json.size()), json.data(), detail.c_str());
  std::abort();
}

nni::LoadOptions load_options() {
  nni::LoadOptions o;
  o.limits.max_payload_bytes = 1u << 20;
  return o;
}

nni::DumpOptions dump_options() {
  nni::DumpOptions o;
  o.pickle_size_limit = -1;  // a loaded binary object may be larger than the default limit
  return o;
}

std::string parse_to_text(std::string_view json, nni::detail::JsonParser parser,
                          const nni::LoadLimits& limits) {
  nni::detail::JsonParser previous = nni::detail::set_json_parser(parser);
  std::string out;
  try {
    nni::JsonDocument doc(json, limits);
    nni_test::write_json_tree(out, doc.root());
  } catch (const nni::LoadError& e) {
    out = std::string("LoadError: ") + e.what();
  }
  nni::detail::set_json_parser(previous);
  return out;
}

// simdjson (and RapidJSON for what it refuses) and RapidJSON alone: the same tree or the same
// error, with the fuzzer's limits and with small ones (depth 4, strings of 8 bytes).
void parsers_agree(std::string_view json) {
  nni::LoadLimits small;
  small.max_depth = 4;
  small.max_string_bytes = 8;
  for (const nni::LoadLimits& limits : {load_options().limits, small}) {
    std::string fast = parse_to_text(json, nni::detail::JsonParser::Auto, limits);
    std::string slow = parse_to_text(json, nni::detail::JsonParser::RapidJsonOnly, limits);
    // Known and documented (docs/hardening.md): a number of more than about 308 significant
    // digits whose exponent brings it back into range reads as Python reads it with simdjson,
    // while RapidJSON, which builds the significand in a double first, refuses it.
    bool long_significand = fast.rfind("LoadError", 0) != 0 &&
                            slow.find("Number too big to be stored in double") != std::string::npos;
    if (fast != slow && !long_significand) {
      finding("the JSON parsers disagree", json, "simdjson:  " + fast + "\nRapidJSON: " + slow);
    }
  }
}

// A load as T with the tape reader on or off: the dump, or the error.
template <class T>
std::string load_outcome(std::string_view json, bool tape) {
  bool previous = nni::detail::set_tape_loads(tape);
  std::string out;
  try {
    out = "loaded " + nni::dump(nni::load<T>(json, load_options()), dump_options());
  } catch (const std::exception& e) {
    out = std::string(typeid(e).name()) + ": " + e.what();
  }
  nni::detail::set_tape_loads(previous);
  return out;
}

// Loads as T with both readers and compares; on success dumps, reloads, and compares the two
// dumps.
template <class T>
void typed(std::string_view json, const char* name) {
  std::string tape = load_outcome<T>(json, true);
  std::string tree = load_outcome<T>(json, false);
  if (tape != tree) {
    finding("the tape and tree readers disagree", json,
            std::string(name) + "\ntape: " + tape + "\ntree: " + tree);
  }
  const nni::LoadOptions lo = load_options();
  nni::Traced<T> object;
  try {
    object = nni::load<T>(json, lo);
  } catch (const nni::LoadError&) {
    return;
  } catch (const std::exception& e) {
    finding("not a LoadError", json, std::string(name) + ": " + typeid(e).name() + ": " + e.what());
  }
  if (!object) finding("nni::load<T> returned null", json, name);
  std::string first;
  try {
    first = nni::dump(object, dump_options());
  } catch (const std::exception& e) {
    finding("a loaded object does not dump", json,
            std::string(name) + ": " + typeid(e).name() + ": " + e.what());
  }
  try {
    std::string second = nni::dump(nni::load<T>(first, lo), dump_options());
    if (second != first) {
      finding("re-dump differs", json, name + ("\nfirst:  " + first) + "\nsecond: " + second);
    }
  } catch (const std::exception& e) {
    finding("the dump of a loaded object does not load", json,
            std::string(name) + ": " + e.what() + "\ndump: " + first);
  }
}

void untyped(std::string_view json) {
  const nni::LoadOptions lo = load_options();
  nni::Value v;
  try {
    v = nni::load(json, lo);
  } catch (const nni::LoadError&) {
    return;
  } catch (const std::exception& e) {
    finding("not a LoadError (untyped)", json, std::string(typeid(e).name()) + ": " + e.what());
  }
  std::string first;
  try {
    first = nni::dump(v, dump_options());
  } catch (const std::exception& e) {
    finding("an untyped load does not dump", json, std::string(typeid(e).name()) + ": " + e.what());
  }
  try {
    std::string second = nni::dump(nni::load(first, lo), dump_options());
    if (second != first)
      finding("untyped re-dump differs", json, "first:  " + first + "\nsecond: " + second);
  } catch (const std::exception& e) {
    finding("the dump of an untyped load does not load", json,
            std::string(e.what()) + "\ndump: " + first);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  parsers_agree(json);
  untyped(json);
  typed<demo::DataLoader>(json, "demo::DataLoader");
  typed<demo::MNIST>(json, "demo::MNIST");
  typed<demo::Transform>(json, "demo::Transform");
  typed<types::Scalars>(json, "types::Scalars");
  typed<types::Vectors>(json, "types::Vectors");
  typed<types::Empty>(json, "types::Empty");
  typed<types::Holder>(json, "types::Holder");
  typed<types::Defaults>(json, "types::Defaults");
  typed<types::Small>(json, "types::Small");
  typed<types::Floats>(json, "types::Floats");
  typed<types::Text>(json, "types::Text");
  typed<types::Unrelated>(json, "types::Unrelated");
  typed<types::Palette>(json, "types::Palette");
  typed<types::RawLoader>(json, "types::RawLoader");
  typed<types::ReloadPair>(json, "types::ReloadPair");
  // Not types::Images / ImageLoader: their constructor allocates count * 784 bytes, whatever
  // count the payload gives; that is the registered constructor's doing, not the runtime's.
  return 0;
}
