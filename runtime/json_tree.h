// The runtime's parsed JSON, whichever parser read it: one block of JsonValue in which the
// elements of every array, and the alternating keys and values of every object, sit next to
// each other, so that JsonNode's indexed access is O(1); strings are copied into one buffer
// after the values. simdjson (json_simdjson.cpp) parses first; RapidJSON (json_rapidjson.cpp)
// reads what simdjson refuses (NaN, Infinity, integers past 64 bits, ...) and reports every
// error. Private to the runtime: the public view is nni::JsonNode (nni/json.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "nni/json.h"

namespace nni::detail {

enum class JsonTag : std::uint8_t {
  Null,
  False,
  True,
  Int64,
  Uint64,
  Double,
  String,
  Array,
  Object
};

struct JsonValue {
  std::uint32_t n;  // String: bytes; Array: elements; Object: members (the block holds 2n values)
  JsonTag tag;
  union {
    std::int64_t i;         // Int64: an integer literal in int64's range
    std::uint64_t u;        // Uint64: an integer literal past int64's range that fits 64 bits
    double d;               // Double
    const char* s;          // String (not NUL-terminated)
    const JsonValue* kids;  // Array, Object
  };
};
static_assert(sizeof(JsonValue) == 16);

// ---- simdjson: the fast path. Its parser and tape are per thread (thread_local). ----

// Parses `json` on this thread; 0 if simdjson refuses it, else an upper bound of the values the
// tree will hold.
std::size_t simdjson_parse(std::string_view json);
// The bytes simdjson_convert needs for strings: simdjson stores each string with 5 bytes more
// (a 32-bit length and a NUL), and a payload of n bytes holds at most (n + 1) / 3 strings.
constexpr std::size_t simdjson_string_capacity(std::size_t json_size) { return 2 * json_size + 8; }
// Converts the last simdjson_parse of this thread into `values` (root first) and `strings`.
// False if it must be read by RapidJSON after all: a limit is exceeded (RapidJSON reports it
// with its offset), or a number RapidJSON refuses (a zero with an exponent past 308).
bool simdjson_convert(std::string_view json, const LoadLimits& limits, JsonValue* values,
                      std::size_t value_capacity, char* strings);

// Parses `json` on this thread (as simdjson_parse) and leases the document to a load that reads
// it in place (tape_load.cpp) for as long as the lease lives: a parse meanwhile (a constructor's
// own load, a default's JSON) writes another document. A declined lease leaves the document for
// JsonDocument, whose simdjson_parse of the same `json` then does not parse again.
class TapeLease {
 public:
  explicit TapeLease(std::string_view json) noexcept;
  ~TapeLease();
  TapeLease(const TapeLease&) = delete;
  TapeLease& operator=(const TapeLease&) = delete;

  // Whether simdjson parsed it (else nothing is leased, and JsonDocument tries again).
  bool parsed() const noexcept { return capacity_ != 0; }
  const std::uint64_t* words() const noexcept { return words_; }
  const std::uint8_t* strings() const noexcept { return strings_; }
  // The deepest nesting the parse accepted (its parser's max_depth).
  std::size_t max_depth() const noexcept { return max_depth_; }
  void decline() noexcept;

 private:
  std::string_view json_;
  void* thread_parser_;   // json_simdjson.cpp's, reached once
  std::size_t capacity_;  // simdjson_parse's result
  const std::uint64_t* words_ = nullptr;
  const std::uint8_t* strings_ = nullptr;
  std::size_t max_depth_ = 0;
  bool declined_ = false;
};

// One value of a leased document (words [first, end) of its tape) as the runtime's tree, for the
// tree reader (load.cpp) to read it where the tape reader does not (tape_load.cpp). Its strings
// are the document's: it must not outlive the lease.
class TapeTree {
 public:
  TapeTree(const TapeLease& lease, std::size_t first, std::size_t end);
  JsonNode root() const noexcept;

 private:
  std::unique_ptr<JsonValue[]> values_;
};

// RapidJSON refuses a number such as 0e400 that simdjson reads as zero: true if `json` may hold
// one (an exponent past 308, in a string or not), so that a payload with a zero double is read
// by RapidJSON after all.
bool has_exponent_past_308(std::string_view json);

// ---- RapidJSON: reads everything that loaded before simdjson, and reports every error. ----

// The values rapidjson_parse may write for a payload of n bytes: each value but the last takes
// two bytes of JSON or more ("0," "[]" "\"\":"), so there are at most (n + 1) / 2. Its strings
// need at most n bytes (unescaping never lengthens one).
constexpr std::size_t rapidjson_value_capacity(std::size_t json_size) { return json_size / 2 + 1; }
// Parses `json` into `values` and `strings`; returns the root. Throws LoadError for invalid JSON
// and for each LoadLimits refusal (and a lone surrogate), as the runtime did before simdjson.
const JsonValue* rapidjson_parse(std::string_view json, const LoadLimits& limits, JsonValue* values,
                                 char* strings);

// ---- for tests and the fuzzer (test/runtime/json_parser_test.cpp, fuzz/load_fuzzer.cpp) ----

enum class JsonParser : std::uint8_t {
  Auto,           // simdjson, and RapidJSON for what it refuses
  RapidJsonOnly,  // the fallback alone, to compare the two
};
// Which parser JsonDocument uses on this thread; returns the previous choice.
JsonParser set_json_parser(JsonParser parser) noexcept;
// Whether this thread parses with simdjson first (JsonParser::Auto).
bool simdjson_first() noexcept;
// How many JsonDocuments this thread has read with RapidJSON since it started.
std::size_t json_fallback_count() noexcept;

}  // namespace nni::detail
