// The RapidJSON reader: the fallback for what simdjson refuses. It reads NaN and Infinity (which
// Python writes and simdjson refuses), and integers past 64 bits (as doubles); it parses
// iteratively, and reports every error of a payload, with its offset, as a LoadError.
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include "json_tree.h"
#include "nni/errors.h"

namespace nni::detail {

namespace {

// Numbers reach the handler as text and are converted with std::from_chars: exact, and free of
// RapidJSON 1.1.0's misreading of zeros with large exponents ("0e308" read as 1.9e289).
constexpr unsigned kParseFlags = rapidjson::kParseIterativeFlag | rapidjson::kParseNanAndInfFlag |
                                 rapidjson::kParseNumbersAsStringsFlag |
                                 rapidjson::kParseValidateEncodingFlag;

// Builds the tree from SAX events: values wait on a stack until their container ends, then move
// to the tree's values as one block. Stops the parse past a nesting or string limit, so deep
// input is refused before it can make anything recurse.
struct TreeBuilder {
  JsonValue* out;            // the next free value of the tree
  JsonValue* const out_end;  // a bound never reached (rapidjson_value_capacity)
  char* strings;             // the next free byte for strings
  std::size_t max_depth;
  std::size_t max_string;
  std::vector<JsonValue> stack;
  std::vector<std::size_t> starts;  // where each open container's values begin on the stack
  bool too_deep = false;
  bool too_long = false;
  bool lone_surrogate = false;

  bool push(JsonTag tag) {
    JsonValue v{};
    v.tag = tag;
    stack.push_back(v);
    return true;
  }
  bool Null() { return push(JsonTag::Null); }
  bool Bool(bool b) { return push(b ? JsonTag::True : JsonTag::False); }
  bool integer(std::int64_t i) {
    push(JsonTag::Int64);
    stack.back().i = i;
    return true;
  }
  bool Int(int i) { return integer(i); }
  bool Uint(unsigned u) { return integer(u); }
  bool Int64(std::int64_t i) { return integer(i); }
  bool Uint64(std::uint64_t u) {
    if (u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return integer(static_cast<std::int64_t>(u));
    }
    push(JsonTag::Uint64);
    stack.back().u = u;
    return true;
  }
  bool Double(double d) {
    push(JsonTag::Double);
    stack.back().d = d;
    return true;
  }
  bool RawNumber(const char* s, rapidjson::SizeType n, bool) {
    return number(std::string_view(s, n));
  }

  bool number(std::string_view text) {
    bool negative = !text.empty() && text.front() == '-';
    std::string_view magnitude = negative ? text.substr(1) : text;
    if (magnitude == "NaN") return Double(std::numeric_limits<double>::quiet_NaN());
    if (magnitude == "Infinity" || magnitude == "Inf") {
      return Double(negative ? -std::numeric_limits<double>::infinity()
                             : std::numeric_limits<double>::infinity());
    }
    const char* first = text.data();
    const char* last = first + text.size();
    if (text.find_first_of(".eE") == std::string_view::npos) {
      std::int64_t i;
      if (auto r = std::from_chars(first, last, i); r.ec == std::errc() && r.ptr == last) {
        return Int64(i);
      }
      std::uint64_t u;
      if (auto r = std::from_chars(first, last, u); r.ec == std::errc() && r.ptr == last) {
        return Uint64(u);
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
    return Double(d);
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
  bool String(const char* s, rapidjson::SizeType n, bool) {
    if (!fits(s, n)) return false;
    push(JsonTag::String);
    stack.back().n = n;
    stack.back().s = strings;
    if (n) std::memcpy(strings, s, n);  // unescaped, a string is no longer than its JSON text
    strings += n;
    return true;
  }
  bool Key(const char* s, rapidjson::SizeType n, bool copy) { return String(s, n, copy); }
  bool enter() {
    if (starts.size() >= max_depth) {
      too_deep = true;
      return false;
    }
    starts.push_back(stack.size());
    return true;
  }
  bool StartObject() { return enter(); }
  bool StartArray() { return enter(); }
  // Moves the container's values to the tree as one block and leaves the container in their place.
  bool end(JsonTag tag, rapidjson::SizeType n) {
    std::size_t start = starts.back();
    starts.pop_back();
    std::size_t count = stack.size() - start;
    if (count >= static_cast<std::size_t>(out_end - out)) return false;  // (never: see the bound)
    JsonValue container{};
    container.tag = tag;
    container.n = n;
    container.kids = out;
    if (count)
      std::memcpy(static_cast<void*>(out), stack.data() + start, count * sizeof(JsonValue));
    out += count;
    stack.resize(start);
    stack.push_back(container);
    return true;
  }
  bool EndObject(rapidjson::SizeType n) { return end(JsonTag::Object, n); }
  bool EndArray(rapidjson::SizeType n) { return end(JsonTag::Array, n); }
};

}  // namespace

const JsonValue* rapidjson_parse(std::string_view json, const LoadLimits& limits, JsonValue* values,
                                 char* strings) {
  TreeBuilder builder{values,
                      values + rapidjson_value_capacity(json.size()),
                      strings,
                      limits.max_depth,
                      limits.max_string_bytes,
                      {},
                      {}};
  builder.stack.reserve(64);
  builder.starts.reserve(16);
  rapidjson::MemoryStream stream(json.data(), json.size());
  rapidjson::Reader reader;
  rapidjson::ParseResult result = reader.Parse<kParseFlags>(stream, builder);
  if (builder.too_long) {
    throw LoadError("a string at offset " + std::to_string(result.Offset()) + " is longer than " +
                    std::to_string(limits.max_string_bytes) +
                    " bytes (LoadLimits::max_string_bytes)");
  }
  if (builder.lone_surrogate) {
    throw LoadError("a string near offset " + std::to_string(result.Offset()) +
                    " holds a lone UTF-16 surrogate escape (\\uD800-\\uDFFF without its pair)");
  }
  if (builder.too_deep) {
    throw LoadError("JSON nested deeper than " + std::to_string(limits.max_depth) +
                    " levels (LoadLimits::max_depth)");
  }
  if (result.IsError()) {
    throw LoadError(std::string("invalid JSON at offset ") + std::to_string(result.Offset()) +
                    ": " + rapidjson::GetParseError_En(result.Code()));
  }
  *builder.out = builder.stack.back();  // the root, after every block
  return builder.out;
}

}  // namespace nni::detail
