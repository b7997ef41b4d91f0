// Metadata that nni-trace-gen emits for each traced entity, and the registry that holds it.
// Generated code fills these plain aggregates as static constants; the runtime only reads them.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <typeinfo>
#include <utility>

#include "nni/kind.h"

namespace nni::detail {

class ArgList;
struct Entity;

// One parameter of a traced constructor or factory.
struct ParamInfo {
  const char* name;
  Kind kind;        // JSON kind of the parameter's type (see nni/kind.h)
  NumberHint hint;  // for arithmetic parameters: how an argument is printed
  bool has_default;
};

// Converts a pointer to the created object's static type into a pointer to one of its public,
// unambiguous bases (or itself). Generated as &upcast<Derived, Base>.
struct Upcast {
  const std::type_info* base;
  void* (*cast)(void*);
};

template <class Derived, class Base>
void* upcast(void* p) {
  return static_cast<Base*>(static_cast<Derived*>(p));
}

// The C++ class a signature creates: the traced class for a constructor, the pointee or value
// type for a factory. `upcasts` lists the class itself first, then every public base.
struct ResultInfo {
  const std::type_info* type;
  const char* name;  // fully qualified C++ name, for messages
  const Upcast* upcasts;
  std::size_t upcast_count;
};

// Re-creates an object from matched arguments; returns a pointer to ResultInfo::type.
using LoadFn = std::shared_ptr<void> (*)(const ArgList&);
using FunctionKey = void (*)();

// One traced constructor, or one overload of a traced factory.
struct Signature {
  const ParamInfo* params;
  std::size_t param_count;
  std::size_t required;  // leading parameters without a default
  LoadFn load;
  const ResultInfo* result;
  FunctionKey function;  // the factory's address (factories only), the key of nni::call
};

enum class EntityKind : unsigned char { Class, Function };

struct Entity {
  const char*
      symbol;  // without "path:", e.g. "demo::Normalize" or "torchvision.transforms.Normalize"
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

struct Selected {
  const Entity* entity;
  const Signature* signature;
};

// The signature nni::make<T> / nni::call<F> records its arguments under; throws nni::NotTraced.
Selected select_constructor(const std::type_info& type, const Kind* arg_kinds, std::size_t n);
Selected select_overload(FunctionKey function, const Kind* arg_kinds, std::size_t n);

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
