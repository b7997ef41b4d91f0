// nni::Value and nni::Record: building them from a document, writing them, comparing them.
#include "nni/value.h"

#include <stdexcept>
#include <string>

#include "nni/errors.h"
#include "nni/type_ref.h"
#include "symbols.h"

namespace nni {

namespace {

using detail::kPathPrefix;

// A copy of `text` with every `from` replaced by `to`.
std::string replace_all(std::string_view text, std::string_view from, std::string_view to) {
  std::string out;
  for (std::size_t at; (at = text.find(from)) != std::string_view::npos;) {
    out.append(text.substr(0, at));
    out.append(to);
    text.remove_prefix(at + from.size());
  }
  out.append(text);
  return out;
}

[[noreturn]] void wrong_type(const char* wanted) {
  throw std::invalid_argument(std::string("nni::Value is not ") + wanted);
}

}  // namespace

Value::Value(Record r) : data_(std::make_unique<Record>(std::move(r))) {}

Value::Value(const Value& other) { *this = other; }

Value& Value::operator=(const Value& other) {
  if (this == &other) return *this;
  if (other.is_record()) {
    data_ = std::make_unique<Record>(other.as_record());
  } else {
    std::visit(
        [this](const auto& v) {
          if constexpr (!std::is_same_v<std::decay_t<decltype(v)>, std::unique_ptr<Record>>) {
            data_ = v;
          }
        },
        other.data_);
  }
  return *this;
}

Value::~Value() = default;

bool Value::as_bool() const {
  if (!is_bool()) wrong_type("a bool");
  return std::get<bool>(data_);
}

std::int64_t Value::as_int() const {
  if (data_.index() != 2) wrong_type("an integer in the range of std::int64_t");
  return std::get<std::int64_t>(data_);
}

std::uint64_t Value::as_uint() const {
  if (data_.index() == 3) return std::get<std::uint64_t>(data_);
  if (data_.index() != 2 || std::get<std::int64_t>(data_) < 0) wrong_type("a non-negative integer");
  return static_cast<std::uint64_t>(std::get<std::int64_t>(data_));
}

double Value::as_double() const {
  switch (data_.index()) {
    case 2: return static_cast<double>(std::get<std::int64_t>(data_));
    case 3: return static_cast<double>(std::get<std::uint64_t>(data_));
    case 4: return std::get<double>(data_);
    default: wrong_type("a number");
  }
}

const std::string& Value::as_string() const {
  if (!is_string()) wrong_type("a string");
  return std::get<std::string>(data_);
}

const Value::Array& Value::as_array() const {
  if (!is_array()) wrong_type("an array");
  return std::get<Array>(data_);
}

Value::Array& Value::as_array() {
  if (!is_array()) wrong_type("an array");
  return std::get<Array>(data_);
}

const Value::Object& Value::as_object() const {
  if (!is_object()) wrong_type("an object");
  return std::get<Object>(data_);
}

Value::Object& Value::as_object() {
  if (!is_object()) wrong_type("an object");
  return std::get<Object>(data_);
}

const Record& Value::as_record() const {
  if (!is_record()) wrong_type("a record");
  return *std::get<std::unique_ptr<Record>>(data_);
}

Record& Value::as_record() {
  if (!is_record()) wrong_type("a record");
  return *std::get<std::unique_ptr<Record>>(data_);
}

Value& Value::operator[](std::string_view key) {
  if (is_null()) data_ = Object{};
  Object& members = as_object();
  for (auto& [name, value] : members) {
    if (name == key) return value;
  }
  members.emplace_back(std::string(key), Value());
  return members.back().second;
}

const Value* Value::find(std::string_view key) const {
  for (const auto& [name, value] : as_object()) {
    if (name == key) return &value;
  }
  return nullptr;
}

bool operator==(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number() && a.data_.index() != b.data_.index()) {
    return a.as_double() == b.as_double();
  }
  if (a.data_.index() != b.data_.index()) return false;
  if (a.is_record()) return a.as_record() == b.as_record();
  return a.data_ == b.data_;
}

Record::Record(std::string symbol, Value::Array args, Value::Object kwargs)
    : symbol_(detail::strip_path(symbol)), args_(std::move(args)), kwargs_(std::move(kwargs)) {}

void Record::set_symbol(std::string_view symbol) { symbol_ = detail::strip_path(symbol); }

bool operator==(const Record& a, const Record& b) {
  return a.symbol_ == b.symbol_ && a.args_ == b.args_ && a.kwargs_ == b.kwargs_;
}

Value load(std::string_view json, const LoadOptions& options) {
  JsonDocument doc(json, options.limits);
  return detail::read_value(doc.root());
}

Value load(std::istream& in, const LoadOptions& options) {
  return load(detail::read_stream(in), options);
}

Value load_file(const std::filesystem::path& path, const LoadOptions& options) {
  return load(detail::read_file(path), options);
}

namespace detail {

void write_value(JsonWriter& w, const Value& v, DumpContext& ctx) {
  if (v.is_null()) {
    w.null();
  } else if (v.is_bool()) {
    w.boolean(v.as_bool());
  } else if (v.fits_int64()) {
    w.integer(v.as_int());
  } else if (v.is_integer()) {
    w.unsigned_integer(v.as_uint());
  } else if (v.is_number()) {
    w.number(v.as_double());
  } else if (v.is_string()) {
    w.string(v.as_string());
  } else if (v.is_array()) {
    w.begin_array();
    std::size_t i = 0;
    for (const Value& item : v.as_array()) at_path(i++, [&] { write_value(w, item, ctx); });
    w.end_array();
  } else if (v.is_object()) {
    w.begin_object();
    for (const auto& [name, item] : v.as_object()) {
      w.key(name);
      at_path(std::string_view(name), [&] { write_value(w, item, ctx); });
    }
    w.end_object();
  } else {
    const Record& r = v.as_record();
    w.begin_object();
    w.key("__symbol__");
    w.string(kPathPrefix, r.trace_symbol());
    if (!r.trace_args().empty()) {
      w.key("__args__");
      at_path("__args__", [&] { write_value(w, r.args(), ctx); });
    }
    if (!r.trace_kwargs().empty()) {
      w.key("__kwargs__");
      at_path("__kwargs__", [&] { write_value(w, r.kwargs(), ctx); });
    }
    w.end_object();
  }
}

Value read_value(const JsonNode& node) {
  switch (node.type()) {
    case JsonType::Null: return Value();
    case JsonType::Bool: return Value(node.as_bool());
    case JsonType::Number:
      if (node.is_int64()) return Value(node.as_int64());
      if (node.is_uint64()) return Value(node.as_uint64());
      return Value(node.as_double());
    case JsonType::String: return Value(std::string(node.as_string()));
    case JsonType::Array: {
      Value::Array items;
      items.reserve(node.size());
      for (std::size_t i = 0, n = node.size(); i < n; ++i) {
        items.push_back(at_path(i, [&] { return read_value(node[i]); }));
      }
      return Value(std::move(items));
    }
    case JsonType::Object: break;
  }
  Value::Object members;
  members.reserve(node.member_count());
  for (std::size_t i = 0, n = node.member_count(); i < n; ++i) {
    std::string_view name = node.member_name(i);
    members.emplace_back(std::string(name),
                         at_path(name, [&] { return read_value(node.member_value(i)); }));
  }
  const Value* symbol = nullptr;
  for (const auto& [name, value] : members) {
    if (name == "__symbol__") symbol = &value;
  }
  if (!symbol) return Value(std::move(members));

  // A traced object: only __symbol__, __args__ and __kwargs__, as nni::load<T> demands.
  Record record;
  for (auto& [name, value] : members) {
    if (name == "__symbol__") {
      if (!value.is_string()) {
        at_path("__symbol__", [&] { node.find("__symbol__").fail_expected("a string"); });
      }
      record.set_symbol(value.as_string());
    } else if (name == "__args__") {
      if (!value.is_array())
        at_path("__args__", [&] { node.find(name).fail_expected("an array"); });
      record.args() = std::move(value);
    } else if (name == "__kwargs__") {
      if (!value.is_object()) {
        at_path("__kwargs__", [&] { node.find(name).fail_expected("an object"); });
      }
      record.kwargs() = std::move(value);
    } else {
      throw_unexpected_traced_key(name);
    }
  }
  return Value(std::move(record));
}

void write_instance(JsonWriter& w, const std::string& cpp_name, const Value::Object& attributes,
                    DumpContext& ctx) {
  std::size_t split = cpp_name.rfind("::");
  std::string module = split == std::string::npos
                           ? std::string()
                           : replace_all(cpp_name.substr(0, split), "::", ".");
  std::string name = split == std::string::npos ? cpp_name : cpp_name.substr(split + 2);
  w.begin_object();
  w.key("__instance_type__");
  w.begin_array();
  w.string(module);
  w.string(name);
  w.end_array();
  w.key("attributes");
  at_path("attributes", [&] { write_value(w, Value(attributes), ctx); });
  w.end_object();
}

Value::Object read_instance(const JsonNode& node, const std::string& cpp_name) {
  const char* description =
      "a custom instance {\"__instance_type__\": [...], \"attributes\": {...}}";
  if (!node.is(JsonType::Object)) node.fail_expected(description);
  JsonNode type = node.find("__instance_type__");
  if (!type) node.fail_expected(description);
  // Check that the payload names this type: the written module and name, joined by "::".
  std::string written = at_path("__instance_type__", [&] {
    if (!type.is(JsonType::Array) || type.size() != 2) type.fail_expected("[module, name]");
    std::string module = replace_all(type[0].as_string(), ".", "::");
    return module.empty() ? std::string(type[1].as_string())
                          : module + "::" + std::string(type[1].as_string());
  });
  if (written != cpp_name) {
    throw load_error_at("expected an instance of '" + cpp_name + "', got '" + written + "'",
                        {"__instance_type__"});
  }
  Value::Object attributes;
  for (std::size_t i = 0, n = node.member_count(); i < n; ++i) {
    std::string_view name = node.member_name(i);
    if (name == "__instance_type__") continue;
    if (name != "attributes") {
      throw load_error_at("unexpected key '" + std::string(name) + "' in " + description, {name});
    }
    JsonNode value = node.member_value(i);
    if (!value.is(JsonType::Object))
      at_path("attributes", [&] { value.fail_expected("an object"); });
    attributes = at_path("attributes", [&] { return std::move(read_value(value).as_object()); });
  }
  return attributes;
}

void write_type_ref(JsonWriter& w, const TypeRef& ref) {
  if (!ref) throw DumpError("an empty nni::TypeRef cannot be dumped");
  w.begin_object();
  w.key("__nni_type__");
  w.string(kPathPrefix, ref.symbol());
  w.end_object();
}

TypeRef read_type_ref(const JsonNode& node) {
  const char* description = "a type reference {\"__nni_type__\": \"path:...\"}";
  if (!node.is(JsonType::Object) || node.member_count() != 1 || !node.find("__nni_type__")) {
    node.fail_expected(description);
  }
  return at_path("__nni_type__", [&] {
    std::string_view symbol = node.find("__nni_type__").as_string();
    const Entity* e = find_entity(symbol);
    if (!e) {
      throw LoadError("unknown symbol '" + std::string(symbol) +
                      "': no traced class or function is registered under this name");
    }
    return TypeRef::from_entity(e);
  });
}

Record record_copy_of(const TraceRecord* record, const std::type_info& type) {
  std::string json;
  JsonWriter w(json);
  DumpOptions options;
  DumpContext ctx{options};
  write_traced(w, record, type, ctx);
  JsonDocument doc(json);
  return std::move(read_value(doc.root()).as_record());
}

}  // namespace detail
}  // namespace nni
