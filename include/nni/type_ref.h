// References to traced classes and functions, dumped as NNI dumps a class or function:
// {"__nni_type__": "path:demo::Normalize"}. A loaded reference can create an instance.
#pragma once

#include <string>
#include <string_view>
#include <typeinfo>
#include <utility>

#include "nni/codec.h"
#include "nni/detail/metadata.h"
#include "nni/value.h"

namespace nni {

class TypeRef {
 public:
  TypeRef() = default;

  // The symbol without "path:" ("demo::Normalize").
  std::string_view symbol() const noexcept { return entity_ ? entity_->symbol : ""; }
  bool is_class() const noexcept { return entity_ && entity_->kind == detail::EntityKind::Class; }
  bool is_function() const noexcept {
    return entity_ && entity_->kind == detail::EntityKind::Function;
  }
  explicit operator bool() const noexcept { return entity_ != nullptr; }

  // Creates an instance (calls the function) with these keyword arguments, as nni::load would.
  template <class T>
  Traced<T> create(Value::Object kwargs = {}, const LoadOptions& options = {}) const {
    return Record(std::string(symbol()), {}, std::move(kwargs)).get<T>(options);
  }

  friend bool operator==(const TypeRef& a, const TypeRef& b) { return a.entity_ == b.entity_; }
  friend bool operator!=(const TypeRef& a, const TypeRef& b) { return a.entity_ != b.entity_; }

  static TypeRef from_entity(const detail::Entity* entity) noexcept {
    TypeRef r;
    r.entity_ = entity;
    return r;
  }

 private:
  const detail::Entity* entity_ = nullptr;
};

namespace detail {
const Entity* function_entity(FunctionKey function);     // NotTraced if not registered
const Entity& class_entity(const std::type_info& type);  // NotTraced if not registered
}  // namespace detail

// A reference to a traced class: nni::type_ref<demo::Normalize>().
template <class T>
TypeRef type_ref() {
  return TypeRef::from_entity(&detail::class_entity(typeid(T)));
}

// A reference to a traced function: nni::type_ref<&demo::create_mnist_dataset>().
template <auto F>
TypeRef type_ref() {
  return TypeRef::from_entity(detail::function_entity(detail::function_key<F>()));
}

// Whether T (or the function F) is traced: registered by generated code.
template <class T>
bool is_wrapped_with_trace() {
  return detail::find_class(typeid(T)) != nullptr;
}

template <auto F>
bool is_wrapped_with_trace() {
  try {
    return detail::function_entity(detail::function_key<F>()) != nullptr;
  } catch (const NotTraced&) {
    return false;
  }
}

// Whether an object carries a trace record: built by nni::make, nni::call or nni::load.
template <class T>
bool is_traceable(const std::shared_ptr<T>& object) noexcept {
  return detail::record_of(object) != nullptr;
}
template <class T>
bool is_traceable(const Traced<T>& object) noexcept {
  return detail::record_of(object.shared()) != nullptr;
}
inline bool is_traceable(const Record&) noexcept { return true; }
template <class T>
bool is_traceable(const T&) noexcept {
  return false;
}

namespace detail {
void write_type_ref(JsonWriter& w, const TypeRef& ref);
TypeRef read_type_ref(const JsonNode& node);
}  // namespace detail

template <>
struct Codec<TypeRef> {
  static constexpr Kind kind = Kind::TypeRef;
  static void dump(JsonWriter& w, const TypeRef& ref, DumpContext&) {
    detail::write_type_ref(w, ref);
  }
  static TypeRef load(const JsonNode& node, LoadContext&) { return detail::read_type_ref(node); }
};

}  // namespace nni
