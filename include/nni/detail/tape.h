// Arguments read straight from simdjson's tape: how nni::load builds the arguments of the types
// below without the runtime's tree and JsonNode (runtime/tape_load.cpp, docs/internals/loads.md).
// The runtime checks each value against its parameter's TapeType before it reads it; a TapeType's
// load then reads a value the check accepted, and the parameter's codec reads any other from the
// runtime's tree. Included by nni/generated.h; not by users.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <typeinfo>

namespace nni::detail {

struct PointerType;

// A parsed payload in simdjson's tape format (simdjson's doc/tape.md): one 64-bit word per
// value, its type in the top byte ('{' '[' '"' 'l' 'u' 'd' 't' 'f' 'n'); an integer or a double
// in the next word; a container's word holds the index just past its closing word; a string's
// word holds its offset in the string buffer, where a 32-bit length, the bytes and a NUL sit.
class TapeReader {
 public:
  static constexpr std::uint64_t kPayloadMask = (std::uint64_t{1} << 56) - 1;
  // A container's count is 24 bits; at this value it is saturated (that many or more).
  static constexpr std::size_t kCountMask = 0xFFFFFF;

  TapeReader(const std::uint64_t* words, const std::uint8_t* strings, void* builder) noexcept
      : words_(words), strings_(strings), builder_(builder) {}

  unsigned type(std::size_t i) const noexcept { return static_cast<unsigned>(words_[i] >> 56); }
  // The word after the value at word i.
  std::size_t next(std::size_t i) const noexcept {
    unsigned t = type(i);
    if (t == '{' || t == '[') return static_cast<std::size_t>(words_[i] & 0xFFFFFFFFu);
    return i + 1 + (t == 'l' || t == 'u' || t == 'd');  // a number's value is the next word
  }
  // A container's elements, or an object's key-value pairs (the runtime refuses a saturated
  // count, 2^24 - 1 and more, before a TapeType reads it).
  std::size_t count(std::size_t i) const noexcept {
    return static_cast<std::size_t>((words_[i] >> 32) & kCountMask);
  }
  std::int64_t int64(std::size_t i) const noexcept {
    std::int64_t v;
    std::memcpy(&v, &words_[i + 1], sizeof v);
    return v;
  }
  std::uint64_t uint64(std::size_t i) const noexcept { return words_[i + 1]; }
  // A number as JsonNode::as_double reads it: the double, or the integer converted.
  double number(std::size_t i) const noexcept {
    switch (type(i)) {
      case 'l': return static_cast<double>(int64(i));
      case 'u': return static_cast<double>(uint64(i));
      default: {
        double d;
        std::memcpy(&d, &words_[i + 1], sizeof d);
        return d;
      }
    }
  }
  std::string_view string(std::size_t i) const noexcept {
    const std::uint8_t* at = strings_ + (words_[i] & kPayloadMask);
    std::uint32_t length;
    std::memcpy(&length, at, sizeof length);
    return {reinterpret_cast<const char*>(at + sizeof length), length};
  }
  // The traced object at word i, built, as a pointer to its `target` subobject (the pointer
  // parameter's or element's class). Defined in the runtime.
  std::shared_ptr<void> object(std::size_t i, const std::type_info& target) const;

 private:
  const std::uint64_t* words_;
  const std::uint8_t* strings_;
  void* builder_;
};

// What the runtime accepts from the tape for a parameter or element type, and how that type's
// value is built from it.
enum class TapeKind : std::uint8_t {
  Bool,      // true or false
  Signed,    // an integer literal in the range of a signed integer of `bytes` bytes
  Unsigned,  // an integer literal in the range of an unsigned integer of `bytes` bytes
  Floating,  // any number
  String,
  Vector,   // an array of `element`s
  Pointer,  // null, or a traced object that has a `pointer->static_type`
};

// Where a matched argument's value is: its word in the tape, and whether it came from "__args__"
// (for the JSON path of an error while it is built).
struct TapeArg {
  std::uint32_t word;
  std::uint32_t positional;  // 0 or 1; a word, not a bool, so that a TapeArg has no padding
};

struct TapeType {
  TapeKind kind;
  std::uint8_t bytes;
  const TapeType* element;
  const PointerType* pointer;
  // Constructs the value at `place` from word i (checked against this TapeType).
  void (*load)(void* place, const TapeReader& tape, std::size_t i);
};

}  // namespace nni::detail
