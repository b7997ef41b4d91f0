// JsonDocument and JsonNode. A payload is parsed by simdjson (json_simdjson.cpp): the evaluator
// payload into the runtime's tree in about a fifth of RapidJSON's time (docs/performance.md).
// What simdjson refuses (NaN and Infinity, which Python writes, integers past 64 bits, invalid
// JSON) or the runtime must refuse with RapidJSON's message (a LoadLimits refusal) is parsed
// again by RapidJSON (json_rapidjson.cpp), which loads it as before simdjson, or reports the
// error with its offset. Both write the same tree (json_tree.h): O(1) indexed access, and one
// format for everything after the parse.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <new>
#include <string>
#include <utility>

#include "json_tree.h"
#include "nni/errors.h"
#include "nni/json.h"
#include "python_float.h"

namespace nni {

using detail::JsonTag;
using detail::JsonValue;

namespace {

thread_local detail::JsonParser t_parser = detail::JsonParser::Auto;
thread_local std::size_t t_fallbacks = 0;

const JsonValue& value_of(const void* impl) { return *static_cast<const JsonValue*>(impl); }

std::string describe(const JsonValue& v) {
  switch (v.tag) {
    case JsonTag::Null: return "null";
    case JsonTag::False: return "false";
    case JsonTag::True: return "true";
    case JsonTag::Object: return "an object";
    case JsonTag::Array: return "an array";
    case JsonTag::String: return "a string";
    case JsonTag::Int64: return std::to_string(v.i);
    case JsonTag::Uint64: return std::to_string(v.u);
    case JsonTag::Double: return detail::python_float_repr(v.d);
  }
  return "a value";
}

[[noreturn]] void out_of_range(const std::string& integer, const std::string& range) {
  throw LoadError("integer " + integer + " is out of range " + range);
}

}  // namespace

namespace detail {

bool simdjson_first() noexcept { return t_parser == JsonParser::Auto; }

JsonParser set_json_parser(JsonParser parser) noexcept {
  JsonParser previous = t_parser;
  t_parser = parser;
  return previous;
}

std::size_t json_fallback_count() noexcept { return t_fallbacks; }

}  // namespace detail

namespace {

// One block of document memory kept per thread for the next document: a load parses one
// document and frees it, and a block of a typical payload's size (a few KiB) is past malloc's
// per-thread cache, so that allocating it afresh was a visible part of a small load.
//
// Trivially destructible, so that it outlives every other thread_local of the thread: a
// document held by one (the parsed defaults of load.cpp's default_node) may be freed at thread
// exit after the spare block is gone. SpareRelease frees the block when the thread ends and
// closes the spare, whichever order the thread's destructors run in.
class SpareBlock {
 public:
  static constexpr std::size_t kMaxBytes = 64u << 10;  // larger documents are not kept
  static constexpr std::size_t kMinBytes = 4u << 10;   // a smaller block is allocated this large

  void* take(std::size_t bytes) noexcept {
    if (!block_ || bytes_ < bytes) return nullptr;
    return std::exchange(block_, nullptr);
  }
  // Keeps `block` (of `bytes`) if there is room; false if the caller must free it.
  bool keep(void* block, std::size_t bytes) noexcept;
  void close() noexcept {
    ::operator delete(std::exchange(block_, nullptr));
    closed_ = true;
  }

 private:
  void* block_ = nullptr;
  std::size_t bytes_ = 0;
  bool closed_ = false;
};

thread_local SpareBlock t_spare;

struct SpareRelease {
  ~SpareRelease() { t_spare.close(); }
};
thread_local SpareRelease t_spare_release;

bool SpareBlock::keep(void* block, std::size_t bytes) noexcept {
  if (closed_ || block_ || bytes > kMaxBytes) return false;
  (void)&t_spare_release;  // constructed with the first block kept: it frees it at thread exit
  block_ = block;
  bytes_ = bytes;
  return true;
}

}  // namespace

// The header, the values and the strings in one allocation.
struct JsonDocument::Impl {
  const JsonValue* root = nullptr;
  std::size_t bytes = 0;  // of the allocation

  static std::unique_ptr<Impl> create(std::size_t values, std::size_t string_bytes) {
    static_assert(sizeof(Impl) % alignof(JsonValue) == 0);
    std::size_t bytes = sizeof(Impl) + values * sizeof(JsonValue) + string_bytes;
    void* memory = t_spare.take(bytes);
    if (!memory) {
      // At least kMinBytes, so that the block serves later, slightly larger documents too.
      bytes = std::max(bytes, SpareBlock::kMinBytes);
      memory = ::operator new(bytes);
    }
    auto* impl = new (memory) Impl;
    impl->bytes = bytes;
    return std::unique_ptr<Impl>(impl);
  }
  static void operator delete(void* p) noexcept {
    if (!t_spare.keep(p, static_cast<Impl*>(p)->bytes)) ::operator delete(p);
  }

  JsonValue* values() noexcept { return reinterpret_cast<JsonValue*>(this + 1); }
  char* strings(std::size_t values) noexcept {
    return reinterpret_cast<char*>(this->values() + values);
  }
};

JsonDocument::JsonDocument(std::string_view json, const LoadLimits& limits) {
  if (json.size() > limits.max_payload_bytes) {
    throw LoadError("payload of " + std::to_string(json.size()) + " bytes exceeds the limit of " +
                    std::to_string(limits.max_payload_bytes) +
                    " bytes (LoadLimits::max_payload_bytes)");
  }
  if (t_parser == detail::JsonParser::Auto) {
    if (std::size_t capacity = detail::simdjson_parse(json)) {
      std::unique_ptr<Impl> impl =
          Impl::create(capacity, detail::simdjson_string_capacity(json.size()));
      if (detail::simdjson_convert(json, limits, impl->values(), capacity,
                                   impl->strings(capacity))) {
        impl->root = impl->values();
        impl_ = std::move(impl);
        return;
      }
    }
  }
  ++t_fallbacks;
  std::unique_ptr<Impl> impl =
      Impl::create(detail::rapidjson_value_capacity(json.size()), json.size());
  impl->root = detail::rapidjson_parse(
      json, limits, impl->values(), impl->strings(detail::rapidjson_value_capacity(json.size())));
  impl_ = std::move(impl);
}

JsonDocument::~JsonDocument() = default;
JsonDocument::JsonDocument(JsonDocument&&) noexcept = default;
JsonDocument& JsonDocument::operator=(JsonDocument&&) noexcept = default;

JsonNode JsonDocument::root() const noexcept { return JsonNode::from_impl(impl_->root); }

const char* json_type_name(JsonType type) noexcept {
  switch (type) {
    case JsonType::Null: return "null";
    case JsonType::Bool: return "a bool";
    case JsonType::Number: return "a number";
    case JsonType::String: return "a string";
    case JsonType::Array: return "an array";
    case JsonType::Object: return "an object";
  }
  return "a value";
}

JsonType JsonNode::type() const noexcept {
  switch (value_of(impl_).tag) {
    case JsonTag::Null: return JsonType::Null;
    case JsonTag::False:
    case JsonTag::True: return JsonType::Bool;
    case JsonTag::Int64:
    case JsonTag::Uint64:
    case JsonTag::Double: return JsonType::Number;
    case JsonTag::String: return JsonType::String;
    case JsonTag::Array: return JsonType::Array;
    case JsonTag::Object: return JsonType::Object;
  }
  return JsonType::Null;
}

void JsonNode::fail_expected(std::string_view expected) const {
  throw LoadError("expected " + std::string(expected) + ", got " + describe(value_of(impl_)));
}

bool JsonNode::as_bool() const {
  const JsonValue& v = value_of(impl_);
  if (v.tag != JsonTag::True && v.tag != JsonTag::False) fail_expected("a bool");
  return v.tag == JsonTag::True;
}

bool JsonNode::is_int64() const noexcept { return value_of(impl_).tag == JsonTag::Int64; }
bool JsonNode::is_uint64() const noexcept {
  const JsonValue& v = value_of(impl_);
  return v.tag == JsonTag::Uint64 || (v.tag == JsonTag::Int64 && v.i >= 0);
}

std::int64_t JsonNode::as_int64() const {
  const JsonValue& v = value_of(impl_);
  if (v.tag == JsonTag::Int64) return v.i;
  if (v.tag == JsonTag::Uint64) {
    out_of_range(std::to_string(v.u),
                 "[" + std::to_string(std::numeric_limits<std::int64_t>::min()) + ", " +
                     std::to_string(std::numeric_limits<std::int64_t>::max()) + "]");
  }
  if (v.tag == JsonTag::Double) {
    double d = v.d;
    // An integral float (3.0, as Python may write an int-valued float) is accepted.
    if (std::isfinite(d) && std::trunc(d) == d && d >= -9223372036854775808.0 &&
        d < 9223372036854775808.0) {
      return static_cast<std::int64_t>(d);
    }
    if (std::isfinite(d) && std::trunc(d) == d) {
      out_of_range(detail::python_float_repr(d), "for a 64-bit integer");
    }
  }
  fail_expected("an integer");
}

std::uint64_t JsonNode::as_uint64() const {
  const JsonValue& v = value_of(impl_);
  if (v.tag == JsonTag::Uint64) return v.u;
  if (v.tag == JsonTag::Int64) {
    if (v.i >= 0) return static_cast<std::uint64_t>(v.i);
    out_of_range(std::to_string(v.i),
                 "[0, " + std::to_string(std::numeric_limits<std::uint64_t>::max()) + "]");
  }
  if (v.tag == JsonTag::Double) {
    double d = v.d;
    if (std::isfinite(d) && std::trunc(d) == d && d >= 0 && d < 18446744073709551616.0) {
      return static_cast<std::uint64_t>(d);
    }
    if (std::isfinite(d) && std::trunc(d) == d) {
      out_of_range(detail::python_float_repr(d), "for a 64-bit integer");
    }
  }
  fail_expected("an integer");
}

double JsonNode::as_double() const {
  const JsonValue& v = value_of(impl_);
  switch (v.tag) {
    case JsonTag::Double: return v.d;
    case JsonTag::Int64: return static_cast<double>(v.i);
    case JsonTag::Uint64: return static_cast<double>(v.u);
    default: fail_expected("a number");
  }
}

std::string_view JsonNode::as_string() const {
  const JsonValue& v = value_of(impl_);
  if (v.tag != JsonTag::String) fail_expected("a string");
  return {v.s, v.n};
}

std::size_t JsonNode::size() const {
  const JsonValue& v = value_of(impl_);
  if (v.tag != JsonTag::Array) fail_expected("an array");
  return v.n;
}

JsonNode JsonNode::operator[](std::size_t index) const {
  return from_impl(&value_of(impl_).kids[index]);
}

std::size_t JsonNode::member_count() const {
  const JsonValue& v = value_of(impl_);
  if (v.tag != JsonTag::Object) fail_expected("an object");
  return v.n;
}

std::string_view JsonNode::member_name(std::size_t index) const {
  const JsonValue& key = value_of(impl_).kids[2 * index];
  return {key.s, key.n};
}

JsonNode JsonNode::member_value(std::size_t index) const {
  return from_impl(&value_of(impl_).kids[2 * index + 1]);
}

JsonNode JsonNode::find(std::string_view name) const {
  const JsonValue& v = value_of(impl_);
  if (v.tag != JsonTag::Object) fail_expected("an object");
  for (const JsonValue *key = v.kids, *end = v.kids + 2 * std::size_t{v.n}; key != end; key += 2) {
    if (key->n == name.size() && (name.empty() || std::memcmp(key->s, name.data(), key->n) == 0)) {
      return from_impl(key + 1);
    }
  }
  return {};
}

}  // namespace nni
