// json-tricks' numpy encoding: nested lists in C order, dtype, shape, and "Corder" for ndim > 1.
#include "nni/ndarray.h"

#include <string>

#include "nni/errors.h"

namespace nni::detail {

namespace {

void write_level(JsonWriter& w, const std::vector<std::size_t>& shape, std::size_t depth,
                 std::size_t& next, const std::function<void(std::size_t)>& write_element) {
  if (depth == shape.size()) {
    write_element(next++);
    return;
  }
  w.begin_array();
  for (std::size_t i = 0; i < shape[depth]; ++i)
    write_level(w, shape, depth + 1, next, write_element);
  w.end_array();
}

void read_level(const JsonNode& node, const std::vector<std::size_t>& shape, std::size_t depth,
                const std::function<void(const JsonNode&)>& read_element) {
  if (depth == shape.size()) {
    read_element(node);
    return;
  }
  if (!node.is(JsonType::Array) || node.size() != shape[depth]) {
    node.fail_expected("an array of " + std::to_string(shape[depth]) + " elements (shape)");
  }
  for (std::size_t i = 0; i < shape[depth]; ++i) {
    at_path(i, [&] { read_level(node[i], shape, depth + 1, read_element); });
  }
}

}  // namespace

void write_ndarray(JsonWriter& w, const char* dtype, const std::vector<std::size_t>& shape,
                   const std::function<void(std::size_t)>& write_element) {
  w.begin_object();
  w.key("__ndarray__");
  std::size_t next = 0;
  write_level(w, shape, 0, next, write_element);
  w.key("dtype");
  w.string(dtype);
  w.key("shape");
  w.begin_array();
  for (std::size_t d : shape) w.unsigned_integer(d);
  w.end_array();
  if (shape.size() > 1) {
    w.key("Corder");
    w.boolean(true);
  }
  w.end_object();
}

std::vector<std::size_t> read_ndarray(const JsonNode& node, const char* dtype,
                                      const std::function<void(const JsonNode&)>& read_element) {
  const char* description =
      "an n-d array {\"__ndarray__\": [...], \"dtype\": ..., \"shape\": [...]}";
  if (!node.is(JsonType::Object)) node.fail_expected(description);
  JsonNode data, dtype_node, shape_node, corder;
  for (std::size_t i = 0, n = node.member_count(); i < n; ++i) {
    std::string_view name = node.member_name(i);
    JsonNode v = node.member_value(i);
    if (name == "__ndarray__") {
      data = v;
    } else if (name == "dtype") {
      dtype_node = v;
    } else if (name == "shape") {
      shape_node = v;
    } else if (name == "Corder") {
      corder = v;
    } else {
      throw load_error_at("unexpected key '" + std::string(name) + "' in " + description, {name});
    }
  }
  if (!data || !dtype_node || !shape_node) node.fail_expected(description);
  std::string_view got = at_path("dtype", [&] { return dtype_node.as_string(); });
  if (got != dtype) {
    throw load_error_at("expected dtype " + std::string(dtype) + ", got " + std::string(got),
                        {"dtype"});
  }
  if (corder && !at_path("Corder", [&] { return corder.as_bool(); })) {
    throw load_error_at("Fortran-ordered arrays (Corder false) are not supported", {"Corder"});
  }
  std::vector<std::size_t> shape;
  at_path("shape", [&] {
    for (std::size_t i = 0, n = shape_node.size(); i < n; ++i) {
      shape.push_back(
          at_path(i, [&] { return static_cast<std::size_t>(shape_node[i].as_uint64()); }));
    }
  });
  at_path("__ndarray__", [&] { read_level(data, shape, 0, read_element); });
  return shape;
}

}  // namespace nni::detail
