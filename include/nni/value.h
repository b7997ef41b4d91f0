// nni::Value, a JSON-like tree whose traced parts are nni::Records, and nni::Record, a trace
// without an object: what nni::load(json) gives, and what trace_copy() gives for editing
// ("mutation"): rec.kwargs()["batch_size"] = 64; rec.get<demo::DataLoader>().
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "nni/api.h"
#include "nni/codec.h"
#include "nni/traced.h"

namespace nni {

class Record;

class Value {
 public:
  using Array = std::vector<Value>;
  using Object = std::vector<std::pair<std::string, Value>>;  // keeps document order

  Value() noexcept = default;  // null
  Value(std::nullptr_t) noexcept {}
  Value(bool b) : data_(b) {}
  template <class I, std::enable_if_t<std::is_integral_v<I> && !std::is_same_v<I, bool>, int> = 0>
  Value(I i) {
    if constexpr (std::is_signed_v<I>) {
      data_ = static_cast<std::int64_t>(i);
    } else if (static_cast<std::uint64_t>(i) <= static_cast<std::uint64_t>(INT64_MAX)) {
      data_ = static_cast<std::int64_t>(i);
    } else {
      data_ = static_cast<std::uint64_t>(i);
    }
  }
  Value(double d) : data_(d) {}
  Value(const char* s) : data_(std::string(s)) {}
  Value(std::string s) : data_(std::move(s)) {}
  Value(Array a) : data_(std::move(a)) {}
  Value(Object o) : data_(std::move(o)) {}
  Value(Record r);

  Value(const Value& other);
  Value(Value&&) noexcept = default;
  Value& operator=(const Value& other);
  Value& operator=(Value&&) noexcept = default;
  ~Value();

  bool is_null() const noexcept { return data_.index() == 0; }
  bool is_bool() const noexcept { return data_.index() == 1; }
  bool is_integer() const noexcept { return data_.index() == 2 || data_.index() == 3; }
  bool is_number() const noexcept { return is_integer() || data_.index() == 4; }
  bool is_string() const noexcept { return data_.index() == 5; }
  bool is_array() const noexcept { return data_.index() == 6; }
  bool is_object() const noexcept { return data_.index() == 7; }
  bool is_record() const noexcept { return data_.index() == 8; }

  // Accessors throw std::invalid_argument on the wrong type.
  bool as_bool() const;
  std::int64_t as_int() const;
  std::uint64_t as_uint() const;  // a non-negative integer
  bool fits_int64() const noexcept { return data_.index() == 2; }
  double as_double() const;  // any number
  const std::string& as_string() const;
  const Array& as_array() const;
  Array& as_array();
  const Object& as_object() const;
  Object& as_object();
  const Record& as_record() const;
  Record& as_record();

  // Object member, inserted (null) when absent; a null Value becomes an empty object first.
  Value& operator[](std::string_view key);
  // Object member or nullptr.
  const Value* find(std::string_view key) const;
  Value& operator[](std::size_t index) { return as_array().at(index); }
  const Value& operator[](std::size_t index) const { return as_array().at(index); }

  friend bool operator==(const Value& a, const Value& b);
  friend bool operator!=(const Value& a, const Value& b) { return !(a == b); }

 private:
  // Records are boxed so that Value stays small; the box is deep-copied with the Value.
  std::variant<std::nullptr_t, bool, std::int64_t, std::uint64_t, double, std::string, Array,
               Object, std::unique_ptr<Record>>
      data_;
};

// A trace without an object: symbol, positional and keyword arguments, all editable.
class Record {
 public:
  Record() = default;
  Record(std::string symbol, Value::Array args, Value::Object kwargs);

  // The symbol without "path:" (as Traced::trace_symbol()); set_symbol accepts either.
  const std::string& trace_symbol() const noexcept { return symbol_; }
  void set_symbol(std::string_view symbol);
  const Value::Array& trace_args() const noexcept { return args_.as_array(); }
  const Value::Object& trace_kwargs() const noexcept { return kwargs_.as_object(); }

  // Editable arguments: rec.kwargs()["batch_size"] = 64.
  Value& args() noexcept { return args_; }
  Value& kwargs() noexcept { return kwargs_; }
  const Value& args() const noexcept { return args_; }
  const Value& kwargs() const noexcept { return kwargs_; }

  // A copy to edit further; the original is unchanged.
  Record trace_copy() const { return *this; }

  // Re-creates the object this record describes (T, or a base of the traced class).
  template <class T>
  Traced<T> get(const LoadOptions& options = {}) const {
    return load<T>(dump(*this), options);
  }

  friend bool operator==(const Record& a, const Record& b);

 private:
  std::string symbol_;
  Value args_ = Value::Array{};
  Value kwargs_ = Value::Object{};
};

namespace detail {
void write_value(JsonWriter& w, const Value& v, DumpContext& ctx);
Value read_value(const JsonNode& node);
Record record_copy_of(const TraceRecord* record, const std::type_info& type);
}  // namespace detail

template <>
struct Codec<Value> {
  static constexpr Kind kind = Kind::Other;
  static void dump(JsonWriter& w, const Value& v, DumpContext& ctx) {
    detail::write_value(w, v, ctx);
  }
  static Value load(const JsonNode& node, LoadContext&) { return detail::read_value(node); }
};

template <>
struct Codec<Record> {
  static constexpr Kind kind = Kind::Traced;
  static void dump(JsonWriter& w, const Record& r, DumpContext& ctx) {
    detail::write_value(w, Value(r), ctx);
  }
  static Record load(const JsonNode& node, LoadContext&) {
    Value v = detail::read_value(node);
    if (!v.is_record()) node.fail_expected("a traced object {\"__symbol__\": ...}");
    return std::move(v.as_record());
  }
};

// Untyped load: a JSON-like tree whose traced objects are Records. Creates no object.
Value load(std::string_view json, const LoadOptions& options = {});
Value load(std::istream& in, const LoadOptions& options = {});
Value load_file(const std::filesystem::path& path, const LoadOptions& options = {});

template <class T>
Record Traced<T>::trace_copy() const {
  return detail::record_copy_of(detail::record_of(shared()),
                                get() ? detail::dynamic_type(*get()) : typeid(T));
}

template <class T>
Value::Object Traced<T>::trace_kwargs() const {
  return trace_copy().trace_kwargs();
}

template <class T>
Value::Array Traced<T>::trace_args() const {
  return trace_copy().trace_args();
}

}  // namespace nni
