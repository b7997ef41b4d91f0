// The simdjson reader: the fast path. One simdjson DOM parser and document per thread parse the
// payload; one pass over simdjson's tape (its documented format, simdjson's doc/tape.md) then
// writes our tree. Whatever simdjson refuses, RapidJSON reads or reports (json_document.cpp).
#include <algorithm>
#include <cstring>
#include <memory>
#include <utility>
#include <vector>

#include <simdjson.h>

#include "json_tree.h"
#include "nni/errors.h"

namespace nni::detail {

namespace {

// What a parse leaves on its thread: the parser (its buffers grow to the largest payload it has
// read, so a large one gives them back afterwards) and the documents (simdjson's tape and
// unescaped strings) that simdjson_convert and a TapeLease read. docs[leased] takes the next
// parse; the ones before it are leased to loads still reading them (nested, last in first out).
// simdjson refuses a document nested deeper than this (LoadLimits::max_depth's default), so that
// a load that reads the tape with the default limits need not measure its nesting first
// (TapeLease::max_depth).
constexpr std::size_t kParserMaxDepth = LoadLimits{}.max_depth;

simdjson::dom::parser new_parser() noexcept {
  simdjson::dom::parser parser;
  // If this fails, simdjson allocates at the first parse, with its own default depth (1024).
  [[maybe_unused]] simdjson::error_code error = parser.allocate(0, kParserMaxDepth);
  return parser;
}

struct ThreadParser {
  simdjson::dom::parser parser = new_parser();
  std::vector<std::unique_ptr<simdjson::dom::document>> docs;
  std::size_t leased = 0;
  std::vector<JsonValue*> resume;  // per open container: where its parent's values continue
  // A declined lease's parse, which the next simdjson_parse of the same text returns unparsed.
  std::string_view reuse;
  std::size_t reuse_capacity = 0;

  simdjson::dom::document& doc() {
    while (docs.size() <= leased) docs.push_back(std::make_unique<simdjson::dom::document>());
    return *docs[leased];
  }
};

// Buffers kept for the next parse: about 15 bytes per byte of the largest payload (tape 8,
// structural indexes 4, strings 5/3, the padded copy 1), so a 1 MiB payload keeps about 15 MiB
// of address space per thread (what the parse touched stays resident). A larger payload gets
// fresh buffers, freed after its conversion: about 20% slower for the 8 MB benchmark payload
// than keeping them (docs/performance.md), but no thread keeps a large payload's buffers.
constexpr std::size_t kKeepBuffersUpTo = 1u << 20;

void release_if_large(ThreadParser& tp, std::size_t payload_bytes) {
  if (payload_bytes > kKeepBuffersUpTo) {
    tp.parser = new_parser();
    tp.doc() = simdjson::dom::document();
  }
}

ThreadParser& thread_parser() {
  thread_local ThreadParser tp;
  return tp;
}

// Values inside the container whose start is at `tape[i]` (an object's keys and values), counted
// when simdjson's 24-bit count saturates (16,777,215 and more).
std::uint32_t count_elements(const std::uint64_t* tape, std::size_t i) {
  std::uint32_t count = 0;
  std::size_t end = (tape[i] & 0xFFFFFFFFu) - 1;  // the closing bracket
  for (std::size_t j = i + 1; j < end; ++count) {
    switch (tape[j] >> 56) {
      case '[':
      case '{': j = tape[j] & 0xFFFFFFFFu; break;
      case 'l':
      case 'u':
      case 'd': j += 2; break;
      default: j += 1;
    }
  }
  return count;
}

}  // namespace

// RapidJSON refuses a number whose exponent is more than 308 plus its count of fraction digits
// ("Number too big to be stored in double"); simdjson reads the zeros among them ("0e400") as 0.
// Both see every other number alike, so a payload with a zero double is looked at for an exponent
// past 308 (in a string or not; a false alarm only costs the RapidJSON parse).
bool has_exponent_past_308(std::string_view json) {
  if (json.empty()) return false;
  for (char e : {'e', 'E'}) {
    const char* end = json.data() + json.size();
    for (const char* p = json.data(); (p = static_cast<const char*>(std::memchr(p, e, end - p)));) {
      if (++p < end && *p == '+') ++p;
      std::size_t exponent = 0;
      for (; p < end && *p >= '0' && *p <= '9'; ++p) {
        exponent = exponent * 10 + static_cast<std::size_t>(*p - '0');
        if (exponent > 308) return true;
      }
    }
  }
  return false;
}

namespace {

std::size_t parse_on(ThreadParser& tp, std::string_view json) {
  std::string_view reuse = std::exchange(tp.reuse, {});
  if (reuse.data() == json.data() && reuse.size() == json.size() && tp.reuse_capacity)
    return tp.reuse_capacity;
  simdjson::dom::document& doc = tp.doc();
  if (tp.parser.parse_into_document(doc, json.data(), json.size()).error()) {
    release_if_large(tp, json.size());
    return 0;
  }
  // tape[0] points past the root's closing word; every value between takes one word or more.
  return static_cast<std::size_t>(doc.tape[0] & simdjson::internal::JSON_VALUE_MASK) - 2;
}

}  // namespace

std::size_t simdjson_parse(std::string_view json) { return parse_on(thread_parser(), json); }

TapeLease::TapeLease(std::string_view json) noexcept : json_(json) {
  ThreadParser& tp = thread_parser();
  thread_parser_ = &tp;
  capacity_ = parse_on(tp, json);
  if (!capacity_) return;
  simdjson::dom::document& doc = tp.doc();
  words_ = doc.tape.get();
  strings_ = doc.string_buf.get();
  max_depth_ = tp.parser.max_depth();
  ++tp.leased;
}

TapeLease::~TapeLease() {
  if (!capacity_) return;
  ThreadParser& tp = *static_cast<ThreadParser*>(thread_parser_);
  --tp.leased;
  if (!declined_) release_if_large(tp, json_.size());
}

void TapeLease::decline() noexcept {
  declined_ = true;
  ThreadParser& tp = *static_cast<ThreadParser*>(thread_parser_);
  tp.reuse = json_;
  tp.reuse_capacity = capacity_;
}

namespace {

// The tree of the values in tape[first, end), complete values one after the other, written from
// `values` on; the strings they point at are `strings` plus their offsets in simdjson's string
// buffer. False if the tree needs more than `value_capacity` values, a container is nested
// `max_depth` deep or a string is longer than `max_string_bytes` (for a payload, RapidJSON then
// reports it), or the tape holds what simdjson 3 does not write.
struct TreeWrite {
  const std::uint64_t* tape;
  std::size_t first, end;
  const std::uint8_t* string_buf;
  const char* strings;
  std::size_t max_depth, max_string_bytes;
  // Out: the string buffer's bytes the values use, and whether a double is zero.
  std::size_t string_bytes = 0;
  bool zero_double = false;
};

bool write_tree(TreeWrite& w, JsonValue* values, std::size_t value_capacity,
                std::vector<JsonValue*>& resume_stack) {
  const std::uint64_t* tape = w.tape;
  JsonValue* const values_end = values + value_capacity;
  // Per open container: where its parent's values continue.
  if (resume_stack.size() < w.max_depth) resume_stack.resize(w.max_depth);
  JsonValue** const resume = resume_stack.data();
  std::size_t depth = 0;

  JsonValue* next = values;        // where the next value goes
  JsonValue* unused = values + 1;  // the first value no container has claimed yet
  // An if-chain, most frequent first (keys are strings): about 25% faster than a switch here.
  for (std::size_t i = w.first; i < w.end;) {
    const std::uint64_t word = tape[i];
    const unsigned type = static_cast<unsigned>(word >> 56);
    JsonValue& v = *next;
    if (type == '"') {
      const std::size_t offset = word & simdjson::internal::JSON_VALUE_MASK;
      std::uint32_t length;
      std::memcpy(&length, w.string_buf + offset, sizeof length);
      if (length > w.max_string_bytes) return false;
      w.string_bytes = offset + sizeof length + length + 1;
      v.tag = JsonTag::String;
      v.n = length;
      v.s = w.strings + offset + sizeof length;
      ++next;
      ++i;
    } else if (type == '{' || type == '[') {
      if (depth >= w.max_depth) return false;
      // The count is of elements, or of an object's key-value pairs.
      const bool object = type == '{';
      std::uint32_t count = (word >> 32) & simdjson::internal::JSON_COUNT_MASK;
      if (count == simdjson::internal::JSON_COUNT_MASK) {
        count = count_elements(tape, i);
        if (object) count /= 2;
      }
      const std::size_t block = object ? std::size_t{count} * 2 : count;
      if (block > static_cast<std::size_t>(values_end - unused)) return false;
      v.tag = object ? JsonTag::Object : JsonTag::Array;
      v.n = count;
      v.kids = unused;
      resume[depth++] = next + 1;
      next = unused;
      unused += block;
      ++i;
    } else if (type == '}' || type == ']') {
      next = resume[--depth];
      ++i;
    } else if (type == 'd') {
      v.tag = JsonTag::Double;
      std::memcpy(&v.d, &tape[i + 1], sizeof v.d);
      w.zero_double |= v.d == 0;
      ++next;
      i += 2;
    } else if (type == 'l' || type == 'u') {  // simdjson writes 'u' only past int64's range
      v.tag = type == 'l' ? JsonTag::Int64 : JsonTag::Uint64;
      v.u = tape[i + 1];
      ++next;
      i += 2;
    } else {
      if (type == 'n') {
        v.tag = JsonTag::Null;
      } else if (type == 't') {
        v.tag = JsonTag::True;
      } else if (type == 'f') {
        v.tag = JsonTag::False;
      } else {
        return false;  // not in simdjson 3's tape format
      }
      ++next;
      ++i;
    }
  }
  return true;
}

}  // namespace

bool simdjson_convert(std::string_view json, const LoadLimits& limits, JsonValue* values,
                      std::size_t value_capacity, char* strings) {
  ThreadParser& tp = thread_parser();
  simdjson::dom::document& doc = tp.doc();
  // simdjson's strings sit one after the other in its string buffer (a 32-bit length, the bytes,
  // a NUL), in tape order. Values point into `strings` at the same offsets, and the buffer is
  // copied there at the end, in one piece.
  TreeWrite w{doc.tape.get(), 1,
              (doc.tape[0] & simdjson::internal::JSON_VALUE_MASK) - 1,  // the root's end
              doc.string_buf.get(), strings,
              // simdjson refuses a document nested deeper than its parser's max_depth().
              std::min(limits.max_depth, tp.parser.max_depth()), limits.max_string_bytes};
  // A limit exceeded: RapidJSON reports it.
  bool ok = write_tree(w, values, value_capacity, tp.resume) &&
            w.string_bytes <= simdjson_string_capacity(json.size()) &&
            !(w.zero_double && has_exponent_past_308(json));
  if (ok && w.string_bytes) std::memcpy(strings, w.string_buf, w.string_bytes);
  release_if_large(tp, json.size());
  return ok;
}

TapeTree::TapeTree(const TapeLease& lease, std::size_t first, std::size_t end)
    : values_(std::make_unique<JsonValue[]>(end - first)) {  // a value takes a word or more
  TreeWrite w{lease.words(),
              first,
              end,
              lease.strings(),
              reinterpret_cast<const char*>(lease.strings()),
              lease.max_depth(),
              static_cast<std::size_t>(-1)};
  std::vector<JsonValue*> resume;
  if (!write_tree(w, values_.get(), end - first, resume)) {
    // The parse accepted the payload, and the load checked its limits before it began.
    throw LoadError("internal error: a payload's value could not be read as a tree");
  }
}

JsonNode TapeTree::root() const noexcept { return JsonNode::from_impl(values_.get()); }

}  // namespace nni::detail
