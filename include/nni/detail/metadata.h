// Metadata that nni-trace-gen emits for each traced entity, and the registry that holds it.
// Generated code fills these plain aggregates as static constants; the runtime only reads them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <typeinfo>
#include <utility>

#include "nni/kind.h"

namespace nni::detail {

class ArgList;
struct ArgOps;
struct Entity;

// One parameter of a traced constructor or factory.
struct ParamInfo {
  std::string_view name;  // with its length, so that matching a payload's keys measures nothing
  Kind kind;              // JSON kind of the parameter's type (see nni/kind.h)
  NumberHint hint;        // for arithmetic parameters: how an argument is printed
  bool has_default;
  // The generated loader can pass the default itself (re-printed fully qualified), so a payload
  // may omit this parameter even when it gives a later one.
  bool default_in_loader;
  const ArgOps* ops;  // &arg_ops<P> (nni/generated.h): loads, records and dumps its arguments
  // A default_in_loader default as JSON, which the runtime loads like a payload's argument;
  // nullptr when Signature::defaults constructs it instead.
  const char* default_json;
};

// Converts a pointer to the created object's static type into a pointer to one of its public,
// unambiguous bases (or itself). Generated as &upcast<Derived, Base>, and as &same_object for the
// class itself (one function for every class, not one more per class to compile).
struct Upcast {
  const std::type_info* base;
  void* (*cast)(void*);
};

template <class Derived, class Base>
void* upcast(void* p) {
  return static_cast<Base*>(static_cast<Derived*>(p));
}

inline void* same_object(void* p) { return p; }

// The C++ class a signature creates: the traced class for a constructor, the pointee or value
// type for a factory. `upcasts` lists the class itself first, then every public base.
struct ResultInfo {
  const std::type_info* type;
  const char* name;  // fully qualified C++ name, for messages
  const Upcast* upcasts;
  std::size_t upcast_count;
};

// Re-creates an object from loaded arguments; returns a pointer to ResultInfo::type. For
// factories that return a pointer, and classes with their own operator new or delete.
using LoadFn = std::shared_ptr<void> (*)(const ArgList&);
// Constructs the object from loaded arguments at `place` (ObjectOps::size bytes, aligned to
// ObjectOps::align): the runtime owns the memory, so a load can put the object, its record and
// the shared_ptr control block in one allocation. For constructors and by-value factories.
using ConstructFn = void (*)(void* place, const ArgList&);
class TapeArgs;
// Builds the object from arguments read from simdjson's tape, with a typed record, as nni::make
// would: generated only with nni_trace_generate(... FAST_LOADS) (docs/internals/loads.md).
using TapeLoadFn = std::shared_ptr<void> (*)(const TapeArgs&);

// What the runtime needs to own an object that a ConstructFn built (object_ops<T>,
// nni/generated.h).
struct ObjectOps {
  std::size_t size, align;
  void (*destroy)(void* object) noexcept;  // runs the destructor only; the runtime frees
};
// Constructs, in `arg`, the argument that the re-printed default of parameter `index` gives
// (ParamInfo::default_in_loader parameters only).
using DefaultFn = void (*)(std::size_t index, void* arg);
using FunctionKey = void (*)();

// One traced constructor, or one overload of a traced factory.
struct Signature {
  const ParamInfo* params;
  std::size_t param_count;
  std::size_t required;  // leading parameters without a default
  LoadFn load;
  const ResultInfo* result;
  FunctionKey function;  // the factory's address (factories only), the key of nni::call
  DefaultFn defaults;    // nullptr when no parameter is default_in_loader
  // Either `load` or these two: how to build the object in memory the runtime provides.
  ConstructFn construct;
  const ObjectOps* object;
  // Also, with FAST_LOADS and argument types that are all read from the tape: a typed build.
  TapeLoadFn tape_load;
};

enum class EntityKind : unsigned char { Class, Function };

struct Entity {
  // Without "path:", e.g. "demo::Normalize" or "torchvision.transforms.Normalize"; with its
  // length, so that a load's lookup compares it without measuring it.
  std::string_view symbol;
  EntityKind kind;
  const std::type_info* type;  // the traced class (classes only)
  const Signature* signatures;
  std::size_t signature_count;
};

template <auto F>
FunctionKey function_key() {
  return reinterpret_cast<FunctionKey>(F);
}

// Registry. Safe to call during static initialization and from any thread.
void register_entities(const Entity* const* entities, std::size_t count);
void unregister_entities(const Entity* const* entities, std::size_t count);
const Entity* find_entity(std::string_view symbol);  // accepts "path:" prefix
const Entity* find_class(const std::type_info& type);
// nni::NotTraced unless some registered signature creates a `type` (the class or a base of it).
void check_loadable(const std::type_info& type);

struct Selected {
  const Entity* entity;
  const Signature* signature;
};

// The signature nni::make<T> / nni::call<F> records its arguments under; throws nni::NotTraced.
Selected select_constructor(const std::type_info& type, const Kind* arg_kinds, std::size_t n);
Selected select_overload(FunctionKey function, const Kind* arg_kinds, std::size_t n);

// An enum type that a traced signature uses: its enumerators' names, for the json-tricks
// encoding {"__enum__": {"__enum_instance_type__": [module, name], "name": "RED"}}.
struct EnumeratorInfo {
  const char* name;
  std::int64_t value;  // the enumerator's value, converted to std::int64_t
};

struct EnumInfo {
  const std::type_info* type;
  const char* module;  // "demo" for demo::Color; "a.b" for a::b::Color
  const char* name;    // "Color"
  const EnumeratorInfo* enumerators;
  std::size_t enumerator_count;
};

void register_enums(const EnumInfo* const* enums, std::size_t count);
void unregister_enums(const EnumInfo* const* enums, std::size_t count);
const EnumInfo* find_enum(const std::type_info& type);

class EnumRegistration {
 public:
  EnumRegistration(const EnumInfo* const* enums, std::size_t count) : enums_(enums), count_(count) {
    register_enums(enums, count);
  }
  ~EnumRegistration() { unregister_enums(enums_, count_); }
  EnumRegistration(const EnumRegistration&) = delete;
  EnumRegistration& operator=(const EnumRegistration&) = delete;

 private:
  const EnumInfo* const* enums_;
  std::size_t count_;
};

// A static object of this type in generated code registers a target's entities before main.
class Registration {
 public:
  Registration(const Entity* const* entities, std::size_t count)
      : entities_(entities), count_(count) {
    register_entities(entities, count);
  }
  ~Registration() { unregister_entities(entities_, count_); }
  Registration(const Registration&) = delete;
  Registration& operator=(const Registration&) = delete;

 private:
  const Entity* const* entities_;
  std::size_t count_;
};

}  // namespace nni::detail
