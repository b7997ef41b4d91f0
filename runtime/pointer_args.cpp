// The ArgOps functions of every std::shared_ptr<X> parameter without the binary fallback
// (nni/generated.h, ErasedPointer): what Codec<std::shared_ptr<X>> does for loads and dumps,
// written once instead of instantiated per X in every generated file.
#include <new>
#include <utility>

#include "nni/generated.h"

namespace nni::detail {

namespace {

ErasedPointer& pointer_at(void* arg) noexcept { return *static_cast<ErasedPointer*>(arg); }
const ErasedPointer& pointer_at(const void* arg) noexcept {
  return *static_cast<const ErasedPointer*>(arg);
}

}  // namespace

// As load_pointer<X>: null, or the object the payload describes, as its X subobject.
void load_pointer_arg(void* arg, const JsonNode& node, LoadContext& ctx, const PointerType& type) {
  std::shared_ptr<void> object;
  if (!node.is(JsonType::Null)) object = load_object(node, *type.static_type, ctx);
  ::new (arg) ErasedPointer{std::move(object), &type};
}

void destroy_pointer_arg(void* arg) noexcept { pointer_at(arg).~ErasedPointer(); }

void copy_pointer_arg(void* copy, const void* arg) { ::new (copy) ErasedPointer(pointer_at(arg)); }

// As dump_pointer<X> for an X without the binary fallback: null, or the object's record under
// its dynamic type (DumpError when it has none).
void dump_pointer_arg(JsonWriter& w, const void* arg, NumberHint, DumpContext& ctx) {
  const ErasedPointer& p = pointer_at(arg);
  if (!p.object) {
    w.null();
    return;
  }
  write_traced(w, record_of(p.object), p.type->dynamic_type(p.object.get()), ctx);
}

std::shared_ptr<void> take_pointer_arg(void* arg) noexcept {
  return std::move(pointer_at(arg).object);
}

}  // namespace nni::detail
