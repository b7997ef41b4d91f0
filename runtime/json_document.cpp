// JsonDocument and JsonNode over RapidJSON: it reads NaN and Infinity (which Python writes and
// simdjson and nlohmann refuse), parses iteratively, and round-trips doubles with full precision.
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>
#include <rapidjson/reader.h>

#include "nni/errors.h"
#include "nni/json.h"
#include "python_float.h"

namespace nni {

namespace {

using Value = rapidjson::Value;
// Numbers reach the handler as text and are converted with std::from_chars: exact, and free of
// RapidJSON 1.1.0's misreading of zeros with large exponents ("0e308" read as 1.9e289).
constexpr unsigned kParseFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseNanAndInfFlag |
                                 rapidjson::kParseNumbersAsStringsFlag |
                                 rapidjson::kParseValidateEncodingFlag;

const Value& value_of(const void* impl) { return *static_cast<const Value*>(impl); }

// Forwards SAX events to the document and stops the parse past a nesting limit, so deep input
// is refused before it can make anything recurse.
struct DepthLimitedHandler {
  rapidjson::Document& doc;
  std::size_t max_depth;
  std::size_t max_string;
  std::size_t depth = 0;
  bool too_deep = false;
  bool too_long = false;
  bool lone_surrogate = false;

  bool Null() { return doc.Null(); }
  bool Bool(bool b) { return doc.Bool(b); }
  bool Int(int i) { return doc.Int(i); }
  bool Uint(unsigned u) { return doc.Uint(u); }
  bool Int64(std::int64_t i) { return doc.Int64(i); }
  bool Uint64(std::uint64_t u) { return doc.Uint64(u); }
  bool Double(double d) { return doc.Double(d); }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) {
    return number(std::string_view(s, n));
  }

  bool number(std::string_view text) {
    bool negative = !text.empty() && text.front() == '-';
    std::string_view magnitude = negative ? text.substr(1) : text;
    if (magnitude == "NaN") return doc.Double(std::numeric_limits<double>::quiet_NaN());
    if (magnitude == "Infinity" || magnitude == "Inf") {
      return doc.Double(negative ? -std::numeric_limits<double>::infinity()
                                 : std::numeric_limits<double>::infinity());
    }
    const char* first = text.data();
    const char* last = first + text.size();
    if (text.find_first_of(".eE") == std::string_view::npos) {
      std::int64_t i;
      if (auto r = std::from_chars(first, last, i); r.ec == std::errc() && r.ptr == last) {
        return doc.Int64(i);
      }
      std::uint64_t u;
      if (auto r = std::from_chars(first, last, u); r.ec == std::errc() && r.ptr == last) {
        return doc.Uint64(u);
      }
    }
    double d;
    auto r = std::from_chars(first, last, d);
    if (r.ec == std::errc::result_out_of_range) {
      // Past double's range, as Python reads it: +-inf for a large exponent, +-0 for a small one.
      std::size_t e = text.find_first_of("eE");
      bool tiny = e != std::string_view::npos && e + 1 < text.size() && text[e + 1] == '-';
      d = tiny ? 0.0 : std::numeric_limits<double>::infinity();
      if (negative) d = -d;
    } else if (r.ec != std::errc() || r.ptr != last) {
      return false;  // RapidJSON has checked the grammar; nothing else reaches here
    }
    return doc.Double(d);
  }
  bool fits(const char* s, rapidjson::SizeType n) {
    too_long = n > max_string;
    if (too_long) return false;
    // A \uD800-\uDFFF escape without its pair decodes to ED A0..BF ..: not Unicode, and no
    // std::string a program should be handed as UTF-8.
    for (const char* p = s; (p = static_cast<const char*>(std::memchr(p, '\xED', s + n - p)));) {
      if (++p < s + n && static_cast<unsigned char>(*p) >= 0xA0) {
        lone_surrogate = true;
        return false;
      }
    }
    return true;
  }
  bool String(const char* s, rapidjson::SizeType n, bool copy) {
    return fits(s, n) && doc.String(s, n, copy);
  }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) {
    return fits(s, n) && doc.Key(s, n, copy);
  }
  bool enter() {
    if (++depth > max_depth) {
      too_deep = true;
      return false;
    }
    return true;
  }
  bool StartObject() { return enter() && doc.StartObject(); }
  bool EndObject(rapidjson::SizeType n) {
    --depth;
    return doc.EndObject(n);
  }
  bool StartArray() { return enter() && doc.StartArray(); }
  bool EndArray(rapidjson::SizeType n) {
    --depth;
    return doc.EndArray(n);
  }
};

struct ParseRun {
  std::string_view json;
  const LoadLimits& limits;
  rapidjson::ParseResult result;
  bool too_deep = false;
  bool too_long = false;
  bool lone_surrogate = false;

  bool operator()(rapidjson::Document& doc) {
    rapidjson::MemoryStream stream(json.data(), json.size());
    rapidjson::Reader reader;
    DepthLimitedHandler handler{doc, limits.max_depth, limits.max_string_bytes};
    result = reader.Parse<kParseFlags>(stream, handler);
    too_deep = handler.too_deep;
    too_long = handler.too_long;
    lone_surrogate = handler.lone_surrogate;
    return !result.IsError();
  }
};

std::string describe(const Value& v) {
  switch (v.GetType()) {
    case rapidjson::kNullType: return "null";
    case rapidjson::kFalseType: return "false";
    case rapidjson::kTrueType: return "true";
    case rapidjson::kObjectType: return "an object";
    case rapidjson::kArrayType: return "an array";
    case rapidjson::kStringType: return "a string";
    case rapidjson::kNumberType:
      if (v.IsInt64()) return std::to_string(v.GetInt64());
      if (v.IsUint64()) return std::to_string(v.GetUint64());
      return detail::python_float_repr(v.GetDouble());
  }
  return "a value";
}

}  // namespace

struct JsonDocument::Impl {
  rapidjson::Document doc;
};

JsonDocument::JsonDocument(std::string_view json, const LoadLimits& limits)
    : impl_(std::make_unique<Impl>()) {
  if (json.size() > limits.max_payload_bytes) {
    throw LoadError("payload of " + std::to_string(json.size()) + " bytes exceeds the limit of " +
                    std::to_string(limits.max_payload_bytes) +
                    " bytes (LoadLimits::max_payload_bytes)");
  }
  ParseRun run{json, limits, {}};
  impl_->doc.Populate(run);
  if (run.too_long) {
    throw LoadError("a string at offset " + std::to_string(run.result.Offset()) +
                    " is longer than " + std::to_string(limits.max_string_bytes) +
                    " bytes (LoadLimits::max_string_bytes)");
  }
  if (run.lone_surrogate) {
    throw LoadError("a string near offset " + std::to_string(run.result.Offset()) +
                    " holds a lone UTF-16 surrogate escape (\\uD800-\\uDFFF without its pair)");
  }
  if (run.too_deep) {
    throw LoadError("JSON nested deeper than " + std::to_string(limits.max_depth) +
                    " levels (LoadLimits::max_depth)");
  }
  if (run.result.IsError()) {
    throw LoadError(std::string("invalid JSON at offset ") + std::to_string(run.result.Offset()) +
                    ": " + rapidjson::GetParseError_En(run.result.Code()));
  }
}

JsonDocument::~JsonDocument() = default;
JsonDocument::JsonDocument(JsonDocument&&) noexcept = default;
JsonDocument& JsonDocument::operator=(JsonDocument&&) noexcept = default;

JsonNode JsonDocument::root() const noexcept {
  return JsonNode::from_impl(static_cast<const Value*>(&impl_->doc));
}

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
  switch (value_of(impl_).GetType()) {
    case rapidjson::kNullType: return JsonType::Null;
    case rapidjson::kFalseType:
    case rapidjson::kTrueType: return JsonType::Bool;
    case rapidjson::kObjectType: return JsonType::Object;
    case rapidjson::kArrayType: return JsonType::Array;
    case rapidjson::kStringType: return JsonType::String;
    case rapidjson::kNumberType: return JsonType::Number;
  }
  return JsonType::Null;
}

void JsonNode::fail_expected(std::string_view expected) const {
  throw LoadError("expected " + std::string(expected) + ", got " + describe(value_of(impl_)));
}

bool JsonNode::as_bool() const {
  const Value& v = value_of(impl_);
  if (!v.IsBool()) fail_expected("a bool");
  return v.GetBool();
}

bool JsonNode::is_int64() const noexcept { return value_of(impl_).IsInt64(); }
bool JsonNode::is_uint64() const noexcept { return value_of(impl_).IsUint64(); }

std::int64_t JsonNode::as_int64() const {
  const Value& v = value_of(impl_);
  if (v.IsInt64()) return v.GetInt64();
  if (v.IsUint64()) {
    throw LoadError("integer " + std::to_string(v.GetUint64()) + " is out of range [" +
                    std::to_string(std::numeric_limits<std::int64_t>::min()) + ", " +
                    std::to_string(std::numeric_limits<std::int64_t>::max()) + "]");
  }
  if (v.IsDouble()) {
    double d = v.GetDouble();
    // An integral float (3.0, as Python may write an int-valued float) is accepted.
    if (std::isfinite(d) && std::trunc(d) == d && d >= -9223372036854775808.0 &&
        d < 9223372036854775808.0) {
      return static_cast<std::int64_t>(d);
    }
    if (std::isfinite(d) && std::trunc(d) == d) {
      throw LoadError("integer " + detail::python_float_repr(d) +
                      " is out of range for a 64-bit integer");
    }
  }
  fail_expected("an integer");
}

std::uint64_t JsonNode::as_uint64() const {
  const Value& v = value_of(impl_);
  if (v.IsUint64()) return v.GetUint64();
  if (v.IsInt64()) {
    throw LoadError("integer " + std::to_string(v.GetInt64()) + " is out of range [0, " +
                    std::to_string(std::numeric_limits<std::uint64_t>::max()) + "]");
  }
  if (v.IsDouble()) {
    double d = v.GetDouble();
    if (std::isfinite(d) && std::trunc(d) == d && d >= 0 && d < 18446744073709551616.0) {
      return static_cast<std::uint64_t>(d);
    }
    if (std::isfinite(d) && std::trunc(d) == d) {
      throw LoadError("integer " + detail::python_float_repr(d) +
                      " is out of range for a 64-bit integer");
    }
  }
  fail_expected("an integer");
}

double JsonNode::as_double() const {
  const Value& v = value_of(impl_);
  if (!v.IsNumber()) fail_expected("a number");
  return v.GetDouble();
}

std::string_view JsonNode::as_string() const {
  const Value& v = value_of(impl_);
  if (!v.IsString()) fail_expected("a string");
  return {v.GetString(), v.GetStringLength()};
}

std::size_t JsonNode::size() const {
  const Value& v = value_of(impl_);
  if (!v.IsArray()) fail_expected("an array");
  return v.Size();
}

JsonNode JsonNode::operator[](std::size_t index) const {
  return from_impl(&value_of(impl_)[static_cast<rapidjson::SizeType>(index)]);
}

std::size_t JsonNode::member_count() const {
  const Value& v = value_of(impl_);
  if (!v.IsObject()) fail_expected("an object");
  return v.MemberCount();
}

std::string_view JsonNode::member_name(std::size_t index) const {
  const auto& m = value_of(impl_).MemberBegin()[static_cast<rapidjson::SizeType>(index)];
  return {m.name.GetString(), m.name.GetStringLength()};
}

JsonNode JsonNode::member_value(std::size_t index) const {
  return from_impl(&value_of(impl_).MemberBegin()[static_cast<rapidjson::SizeType>(index)].value);
}

JsonNode JsonNode::find(std::string_view name) const {
  const Value& v = value_of(impl_);
  if (!v.IsObject()) fail_expected("an object");
  for (auto it = v.MemberBegin(); it != v.MemberEnd(); ++it) {
    if (std::string_view(it->name.GetString(), it->name.GetStringLength()) == name) {
      return from_impl(&it->value);
    }
  }
  return {};
}

}  // namespace nni
