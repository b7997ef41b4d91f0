// The JSON the runtime reads and writes: a writer that prints Python's json.dumps format, and a
// read-only view of a parsed document. Codecs (nni/codec.h) are written against these two.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace nni {

// Writes JSON exactly as Python's json.dumps does: ", " and ": " separators, or with an indent
// "," at line ends; floats as Python's repr; strings with ensure_ascii escaping.
class JsonWriter {
 public:
  // indent < 0: one line. allow_nan: write NaN/Infinity (as Python does) instead of failing.
  explicit JsonWriter(std::string& out, int indent = -1, bool allow_nan = true);

  void null();
  void boolean(bool value);
  void integer(std::int64_t value);
  void unsigned_integer(std::uint64_t value);
  void number(double value);
  void number(float value);  // the shortest decimal that reads back to the same float
  void string(std::string_view utf8);
  void string(std::string_view prefix, std::string_view rest);  // one string, written in parts

  void begin_object();
  void key(std::string_view utf8);
  void end_object();
  void begin_array();
  void end_array();

  std::string& output() noexcept { return out_; }

 private:
  void before_value();
  void close(char bracket);
  void newline_indent(std::size_t depth);

  std::string& out_;
  int indent_;
  bool allow_nan_;
  bool after_key_ = false;
  std::vector<bool> first_;  // one entry per open container: nothing written in it yet
};

enum class JsonType : unsigned char { Null, Bool, Number, String, Array, Object };
const char* json_type_name(JsonType type) noexcept;

// A read-only view of one value in a parsed document. Cheap to copy; valid while the document
// lives. Accessors of the wrong type throw nni::LoadError (with no path; callers add it).
class JsonNode {
 public:
  JsonNode() = default;

  explicit operator bool() const noexcept { return impl_ != nullptr; }
  JsonType type() const noexcept;
  bool is(JsonType t) const noexcept { return type() == t; }

  bool as_bool() const;
  // Numbers as the document wrote them: an integer literal that fits 64 bits, or not.
  bool is_int64() const noexcept;
  bool is_uint64() const noexcept;
  // The number if it is an integer (or an integral float) in range, else a LoadError.
  std::int64_t as_int64() const;
  std::uint64_t as_uint64() const;
  double as_double() const;
  std::string_view as_string() const;

  // Arrays.
  std::size_t size() const;
  JsonNode operator[](std::size_t index) const;

  // Objects: members in document order.
  std::size_t member_count() const;
  std::string_view member_name(std::size_t index) const;
  JsonNode member_value(std::size_t index) const;
  JsonNode find(std::string_view name) const;  // a null view when absent

  // Throws a LoadError saying what was expected instead of this value.
  [[noreturn]] void fail_expected(std::string_view expected) const;

  const void* impl() const noexcept { return impl_; }
  static JsonNode from_impl(const void* impl) noexcept {
    JsonNode node;
    node.impl_ = impl;
    return node;
  }

 private:
  const void* impl_ = nullptr;
};

// Limits on what a load accepts; each refusal is a LoadError.
struct LoadLimits {
  std::size_t max_depth = 512;                 // nesting of arrays and objects
  std::size_t max_payload_bytes = 256u << 20;  // the whole document
  std::size_t max_string_bytes = 64u << 20;    // one string or key, after unescaping
};

// A parsed document. Parses with NaN/Infinity accepted (Python writes them), iteratively (deep
// input is refused at max_depth, never a stack overflow).
class JsonDocument {
 public:
  explicit JsonDocument(std::string_view json, const LoadLimits& limits = {});
  ~JsonDocument();
  JsonDocument(JsonDocument&&) noexcept;
  JsonDocument& operator=(JsonDocument&&) noexcept;

  JsonNode root() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace nni
