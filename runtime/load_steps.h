// The steps of a load that the two readers share: load.cpp reads the runtime's tree (JsonNode),
// tape_load.cpp reads simdjson's tape when every value of the payload has a TapeType. Both
// choose the signature, check and convert the arguments, and build the objects alike.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <typeinfo>
#include <utility>
#include <vector>

#include "loaded_args.h"
#include "nni/errors.h"
#include "nni/generated.h"
#include "symbols.h"

namespace nni::detail {

// The parameter named `name`, looked for from `expected` on (nni::dump writes arguments in the
// parameters' order, so the first comparison usually finds it), then from the start;
// s.param_count if there is none.
inline std::size_t param_index(const Signature& s, std::string_view name, std::size_t expected) {
  for (std::size_t i = expected; i < s.param_count; ++i) {
    if (same_text(name, s.params[i].name)) return i;
  }
  for (std::size_t i = 0; i < expected && i < s.param_count; ++i) {
    if (same_text(name, s.params[i].name)) return i;
  }
  return s.param_count;
}

// The upcast of a signature's result to `target`, or null. Types are compared by address, then
// by name address: one program usually has one type_info per type, and comparing by name
// (std::type_info::operator==) calls strcmp for every upcast that is not the one. Reading each
// type_info's name only after the addresses failed also showed in profiles of loads.
inline const Upcast* find_upcast(const ResultInfo& r, const std::type_info& target) {
  for (std::size_t i = 0; i < r.upcast_count; ++i) {
    if (r.upcasts[i].base == &target) return &r.upcasts[i];
  }
  for (std::size_t i = 0; i < r.upcast_count; ++i) {
    if (r.upcasts[i].base->name() == target.name()) return &r.upcasts[i];
  }
  for (std::size_t i = 0; i < r.upcast_count; ++i) {
    if (*r.upcasts[i].base == target) return &r.upcasts[i];
  }
  return nullptr;
}

// What a load can do about parameter i when the payload leaves it out and gives the first
// `count` parameters: pass its default (Fillable), or nothing, because it has none (Required) or
// because nni-trace-gen could not re-print it and a later argument is given (NotReprinted). The
// one rule both readers' matches apply.
enum class Omission { Fillable, Required, NotReprinted };
inline Omission omission(const Signature& s, std::size_t i, std::size_t count) noexcept {
  if (!s.params[i].has_default) return Omission::Required;
  if (i < count && !s.params[i].default_in_loader) return Omission::NotReprinted;
  return Omission::Fillable;
}

// Why a payload's arguments do not fit a signature (fit_arguments).
struct Misfit {
  enum class Kind { None, TooManyPositional, Unexpected, GivenTwice, Omitted };
  Kind kind = Kind::None;
  std::string_view name;                   // Unexpected, GivenTwice: the keyword
  std::size_t param = 0;                   // GivenTwice, Omitted: the parameter
  Omission omission = Omission::Fillable;  // Omitted: why it may not be left out
};

// The one rule by which both readers' match() fit a payload's arguments to a signature: the
// positional ones first, then the keyword ones by name (each parameter once), then each parameter
// left out must be Fillable. `args` reads the payload and keeps what matched:
// positional_count(), take_positional(i) (the next positional argument, for parameter i),
// keyword_count(), keyword_name() and take_keyword(i) (the next keyword argument, in order), and
// given(i). Sets `count`, the leading parameters given.
template <class Args>
Misfit fit_arguments(const Signature& s, Args& args, std::size_t& count) {
  const std::size_t positional = args.positional_count();
  if (positional > s.param_count)
    return {Misfit::Kind::TooManyPositional, {}, 0, Omission::Fillable};
  count = positional;
  for (std::size_t i = 0; i < positional; ++i) args.take_positional(i);
  std::size_t filled = positional;  // each argument fills another parameter
  std::size_t expected = positional;
  for (std::size_t m = 0, n = args.keyword_count(); m < n; ++m, ++filled) {
    std::string_view name = args.keyword_name();
    std::size_t i = param_index(s, name, expected);
    if (i == s.param_count) return {Misfit::Kind::Unexpected, name, i, Omission::Fillable};
    if (args.given(i)) return {Misfit::Kind::GivenTwice, name, i, Omission::Fillable};
    expected = i + 1;
    args.take_keyword(i);
    if (i + 1 > count) count = i + 1;
  }
  for (std::size_t i = 0; filled < s.param_count && i < s.param_count; ++i) {
    if (args.given(i)) continue;
    Omission o = omission(s, i, count);
    if (o != Omission::Fillable) return {Misfit::Kind::Omitted, {}, i, o};
  }
  return {Misfit::Kind::None, {}, 0, Omission::Fillable};
}

// How many arguments the loader passes when the payload gives `given`: all of them when every
// parameter after those has a default the loader can pass itself (one generated case serves all
// such counts), else `given` (the compiler applies the defaults).
std::size_t arguments_to_pass(const Signature& s, std::size_t given);

// A default that the generator wrote as JSON (ParamInfo::default_json), parsed once per thread.
JsonNode default_node(const char* json);

[[noreturn]] void throw_null_result(const Entity& e);

// A made object as its `up` base; LoadError if a factory returned null. Inline: once per object.
inline std::shared_ptr<void> as_target(const Entity& e, std::shared_ptr<void> made,
                                       const Upcast& up) {
  if (!made) throw_null_result(e);
  void* converted = up.cast(made.get());
  return std::shared_ptr<void>(std::move(made), converted);
}

// Calls the chosen signature's loader with the payload's arguments, converted by `source`, and
// a record of them; the arguments are converted in order and nothing is constructed if one
// fails. Source: given(i) (the payload has argument i), positional(i) (it is in "__args__"),
// load(i, place) (constructs argument i at `place`, or throws a PathError).
template <class Source>
std::shared_ptr<void> construct(const Entity& e, const Signature& s, std::size_t given,
                                const Source& source, LoadContext& ctx, bool deletable) {
  std::size_t count = arguments_to_pass(s, given);
  LoadedArgs args(s, count);
  for (std::size_t i = 0; i < count; ++i) {
    if (i < given && source.given(i)) {
      try {
        source.load(i, args.slot(i));
      } catch (PathError& error) {
        add_path(error, s, source.positional(i), i);
        throw;
      }
    } else if (const char* json = s.params[i].default_json) {
      s.params[i].ops->load(args.slot(i), default_node(json), ctx);
    } else {
      s.defaults(i, args.slot(i));  // the match checked default_in_loader
    }
    args.constructed(i);
  }
  if (s.construct) return construct_loaded(e, s, args, count, given, deletable);
  return s.load(ArgList(e, args.slots(), count, record_loaded(e, s, args, given)));
}

// Reads `json` from simdjson's tape when it can (tape_load.cpp): the object, as a `target`; null
// if the payload must be read from the runtime's tree instead (nothing has been built).
std::shared_ptr<void> load_from_tape(std::string_view json, const std::type_info& target,
                                     const LoadOptions& options);
// For tests and the fuzzer: whether this thread's loads may read the tape (the default); returns
// the previous setting. Off, every load reads the tree, as before the tape reader.
bool set_tape_loads(bool enabled) noexcept;
// For benchmarks: whether this thread's tape loads use FAST_LOADS's typed builds where they exist
// (the default), or build every object as a class generated without FAST_LOADS is built.
bool set_typed_builds(bool enabled) noexcept;
// How many loads this thread has read from the tape since it started (built, or failed with the
// error the tree reader reports), and how many of their objects and values it handed to the tree
// reader.
std::size_t tape_load_count() noexcept;
std::size_t tape_tree_read_count() noexcept;

}  // namespace nni::detail
