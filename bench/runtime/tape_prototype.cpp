// A prototype of a load the generator could write per class, reading simdjson's DOM directly
// instead of the runtime's tree and JsonNode codecs: what the design that the load targets point
// at would cost (docs/performance.md, "The floor of a traced load"). Written by hand here as the
// generator would write it for the evaluator graph; benchmark code, not the product's.
//
// It does what such a load must do and the floor (make_load_simdjson) does not: read each traced
// object's keys, look its symbol up in the registry, dispatch through a per-signature function
// pointer, match keyword arguments to parameters by name (any order, each once, required ones
// present) and check JSON types. It builds with nni::make, as the floor does. Left out: positional
// "__args__", several signatures, the allow-list and the limits (one test each per object or
// string, outside the parse), and JSON paths in errors.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <simdjson.h>

#include "graph.h"
#include "nni/detail/metadata.h"

namespace bench {

namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

[[noreturn]] void fail(const std::string& what) { throw nni::LoadError(what); }

// What every generated reader shares: a traced object's symbol, found in the registry, and its
// keyword arguments.
struct Payload {
  const nni::detail::Entity* entity;
  object kwargs;
};

Payload read_payload(element node) {
  object o;
  if (node.get(o)) fail("a traced object {\"__symbol__\": ...}");
  std::string_view symbol;
  object kwargs;
  bool has_symbol = false;
  for (simdjson::dom::key_value_pair field : o) {
    if (field.key == "__symbol__") {
      if (field.value.get(symbol)) fail("a string");
      has_symbol = true;
    } else if (field.key == "__kwargs__") {
      if (field.value.get(kwargs)) fail("an object");
    } else {
      fail("unexpected key");
    }
  }
  if (!has_symbol) fail("a traced object needs a \"__symbol__\" key");
  const nni::detail::Entity* entity = nni::detail::find_entity(symbol);
  if (!entity) fail("unknown symbol");
  return {entity, kwargs};
}

// Argument readers: what each built-in codec would read from the tape.
std::vector<double> read_doubles(element node) {
  array list;
  if (node.get(list)) fail("an array");
  std::vector<double> v;
  v.reserve(list.size());
  for (element e : list) {
    double d;
    if (e.get(d)) fail("a number");
    v.push_back(d);
  }
  return v;
}

std::string read_string(element node) {
  std::string_view s;
  if (node.get(s)) fail("a string");
  return std::string(s);
}

bool read_bool(element node) {
  bool b;
  if (node.get(b)) fail("a bool");
  return b;
}

int read_int(element node) {
  std::int64_t i;
  if (node.get(i)) fail("an integer");
  if (i < std::numeric_limits<int>::min() || i > std::numeric_limits<int>::max()) fail("range");
  return static_cast<int>(i);
}

[[noreturn]] void unexpected(std::string_view key) {
  fail("unexpected argument '" + std::string(key) + "'");
}
template <class T>
void set_once(std::optional<T>& slot, T value, std::string_view key) {
  if (slot) fail("argument '" + std::string(key) + "' is given twice");
  slot = std::move(value);
}

// The generated readers, one per signature, and the table of them that the runtime would hold
// in each Signature (here: entity -> reader, filled on first use).
using TapeLoadFn = std::shared_ptr<void> (*)(object kwargs);
std::shared_ptr<void> load_any(element node, const std::type_info& target);

template <class T>
std::shared_ptr<T> read_pointer(element node) {
  if (node.is_null()) return nullptr;
  return std::static_pointer_cast<T>(load_any(node, typeid(T)));
}

std::shared_ptr<void> load_normalize(object kwargs) {
  std::optional<std::vector<double>> mean, std;
  std::optional<bool> inplace;
  for (simdjson::dom::key_value_pair field : kwargs) {
    if (field.key == "mean") {
      set_once(mean, read_doubles(field.value), field.key);
    } else if (field.key == "std") {
      set_once(std, read_doubles(field.value), field.key);
    } else if (field.key == "inplace") {
      set_once(inplace, read_bool(field.value), field.key);
    } else {
      unexpected(field.key);
    }
  }
  if (!mean || !std) fail("missing required argument");
  if (inplace)
    return nni::make<demo::Normalize>(std::move(*mean), std::move(*std), *inplace).shared();
  return nni::make<demo::Normalize>(std::move(*mean), std::move(*std)).shared();
}

std::shared_ptr<void> load_compose(object kwargs) {
  std::optional<std::vector<std::shared_ptr<demo::Transform>>> transforms;
  for (simdjson::dom::key_value_pair field : kwargs) {
    if (field.key == "transforms") {
      array list;
      if (field.value.get(list)) fail("an array");
      std::vector<std::shared_ptr<demo::Transform>> ts;
      ts.reserve(list.size());
      for (element e : list) ts.push_back(read_pointer<demo::Transform>(e));
      set_once(transforms, std::move(ts), field.key);
    } else {
      unexpected(field.key);
    }
  }
  if (!transforms) fail("missing required argument");
  return nni::make<demo::Compose>(std::move(*transforms)).shared();
}

std::shared_ptr<void> load_mnist(object kwargs) {
  std::optional<std::string> root;
  std::optional<bool> train, download;
  std::optional<std::shared_ptr<demo::Transform>> transform;
  for (simdjson::dom::key_value_pair field : kwargs) {
    if (field.key == "root") {
      set_once(root, read_string(field.value), field.key);
    } else if (field.key == "train") {
      set_once(train, read_bool(field.value), field.key);
    } else if (field.key == "download") {
      set_once(download, read_bool(field.value), field.key);
    } else if (field.key == "transform") {
      set_once(transform, read_pointer<demo::Transform>(field.value), field.key);
    } else {
      unexpected(field.key);
    }
  }
  if (!root) fail("missing required argument");
  // The generated reader would pass each missing default as the generic loader does; the
  // benchmark's payload gives all four.
  if (!train || !download || !transform) fail("prototype: all arguments expected");
  return nni::make<demo::MNIST>(std::move(*root), *train, *download, std::move(*transform))
      .shared();
}

std::shared_ptr<void> load_data_loader(object kwargs) {
  std::optional<std::shared_ptr<demo::MNIST>> dataset;
  std::optional<int> batch_size;
  for (simdjson::dom::key_value_pair field : kwargs) {
    if (field.key == "dataset") {
      set_once(dataset, read_pointer<demo::MNIST>(field.value), field.key);
    } else if (field.key == "batch_size") {
      set_once(batch_size, read_int(field.value), field.key);
    } else {
      unexpected(field.key);
    }
  }
  if (!dataset) fail("missing required argument");
  if (batch_size) return nni::make<demo::DataLoader>(std::move(*dataset), *batch_size).shared();
  return nni::make<demo::DataLoader>(std::move(*dataset)).shared();
}

struct Reader {
  const nni::detail::Entity* entity;
  TapeLoadFn load;
  const std::type_info* result;
  const std::type_info* base;  // the one upcast besides the class itself, or null
};

const Reader* reader_of(const nni::detail::Entity* entity) {
  static const Reader readers[] = {
      {nni::detail::find_entity("demo::Normalize"), &load_normalize, &typeid(demo::Normalize),
       &typeid(demo::Transform)},
      {nni::detail::find_entity("demo::Compose"), &load_compose, &typeid(demo::Compose),
       &typeid(demo::Transform)},
      {nni::detail::find_entity("demo::MNIST"), &load_mnist, &typeid(demo::MNIST), nullptr},
      {nni::detail::find_entity("demo::DataLoader"), &load_data_loader, &typeid(demo::DataLoader),
       nullptr},
  };
  for (const Reader& r : readers) {
    if (r.entity == entity) return &r;
  }
  return nullptr;
}

bool same_type(const std::type_info& a, const std::type_info& b) noexcept {
  return &a == &b || a == b;
}

// The runtime's part: dispatch through the signature's reader, then upcast to what the
// parameter holds (here the bases are at offset 0, as the generic loader's upcast finds).
std::shared_ptr<void> load_any(element node, const std::type_info& target) {
  Payload p = read_payload(node);
  const Reader* r = reader_of(p.entity);
  if (!r) fail("no tape reader");
  if (!same_type(*r->result, target) && !(r->base && same_type(*r->base, target)))
    fail("wrong type");
  return r->load(p.kwargs);
}

}  // namespace

std::shared_ptr<demo::DataLoader> prototype_tape_load(std::string_view json) {
  element root = hand_parser().parse(json.data(), json.size());
  return std::static_pointer_cast<demo::DataLoader>(load_any(root, typeid(demo::DataLoader)));
}

}  // namespace bench
