// JsonWriter: Python json.dumps output, byte for byte.
#include <charconv>
#include <cmath>
#include <cstring>

#include "nni/errors.h"
#include "nni/json.h"
#include "python_float.h"

namespace nni {

namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_u_escape(std::string& out, unsigned code_unit) {
  char buf[6] = {'\\',
                 'u',
                 kHex[(code_unit >> 12) & 0xF],
                 kHex[(code_unit >> 8) & 0xF],
                 kHex[(code_unit >> 4) & 0xF],
                 kHex[code_unit & 0xF]};
  out.append(buf, 6);
}

// Decodes one UTF-8 sequence at s[i]; returns the code point and advances i, or -1 if invalid.
long decode_utf8(std::string_view s, std::size_t& i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char b0 = byte(i);
  int len;
  unsigned long cp;
  if (b0 < 0x80) {
    ++i;
    return b0;
  } else if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
  } else {
    return -1;
  }
  if (i + len > s.size()) return -1;
  for (int k = 1; k < len; ++k) {
    unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) return -1;
    cp = (cp << 6) | (b & 0x3F);
  }
  static constexpr unsigned long kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return -1;
  i += len;
  return static_cast<long>(cp);
}

// Python's json.dumps(ensure_ascii=True) string escaping, without the quotes.
void append_escaped_body(std::string& out, std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
      // Copy the run of plain characters in one append.
      std::size_t j = i + 1;
      while (j < s.size()) {
        unsigned char d = static_cast<unsigned char>(s[j]);
        if (d < 0x20 || d >= 0x7F || d == '"' || d == '\\') break;
        ++j;
      }
      out.append(s.data() + i, j - i);
      i = j;
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        ++i;
        continue;
      case '\\':
        out += "\\\\";
        ++i;
        continue;
      case '\n':
        out += "\\n";
        ++i;
        continue;
      case '\r':
        out += "\\r";
        ++i;
        continue;
      case '\t':
        out += "\\t";
        ++i;
        continue;
      case '\b':
        out += "\\b";
        ++i;
        continue;
      case '\f':
        out += "\\f";
        ++i;
        continue;
      default: break;
    }
    if (c < 0x80) {  // other control characters and DEL
      append_u_escape(out, c);
      ++i;
      continue;
    }
    std::size_t at = i;
    long cp = decode_utf8(s, i);
    if (cp < 0) {
      throw DumpError("string is not valid UTF-8 (invalid byte at offset " + std::to_string(at) +
                      ")");
    }
    if (cp >= 0x10000) {  // a surrogate pair, as Python writes it
      unsigned long v = static_cast<unsigned long>(cp) - 0x10000;
      append_u_escape(out, 0xD800 + (v >> 10));
      append_u_escape(out, 0xDC00 + (v & 0x3FF));
    } else {
      append_u_escape(out, static_cast<unsigned>(cp));
    }
  }
}

void append_escaped(std::string& out, std::string_view s) {
  out += '"';
  append_escaped_body(out, s);
  out += '"';
}

}  // namespace

JsonWriter::JsonWriter(std::string& out, int indent, bool allow_nan)
    : out_(out), indent_(indent), allow_nan_(allow_nan) {}

void JsonWriter::newline_indent(std::size_t depth) {
  out_ += '\n';
  out_.append(depth * static_cast<std::size_t>(indent_), ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (first_.empty()) return;
  if (first_.back()) {
    first_.back() = false;
    if (indent_ >= 0) newline_indent(first_.size());
  } else if (indent_ >= 0) {
    out_ += ',';
    newline_indent(first_.size());
  } else {
    out_ += ", ";
  }
}

void JsonWriter::close(char bracket) {
  bool empty = first_.back();
  first_.pop_back();
  if (!empty && indent_ >= 0) newline_indent(first_.size());
  out_ += bracket;
}

void JsonWriter::null() {
  before_value();
  out_ += "null";
}

void JsonWriter::boolean(bool value) {
  before_value();
  out_ += value ? "true" : "false";
}

void JsonWriter::integer(std::int64_t value) {
  before_value();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, value);
  out_.append(buf, r.ptr);
}

void JsonWriter::unsigned_integer(std::uint64_t value) {
  before_value();
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, value);
  out_.append(buf, r.ptr);
}

void JsonWriter::number(double value) {
  if (!std::isfinite(value) && !allow_nan_) {
    throw DumpError("out of range float value " + detail::python_float_repr(value) +
                    " is not JSON compliant (allow_nan is false)");
  }
  before_value();
  detail::append_python_float(out_, value);
}

void JsonWriter::number(float value) {
  if (!std::isfinite(value) && !allow_nan_) {
    throw DumpError("out of range float value " + detail::python_float_repr(value) +
                    " is not JSON compliant (allow_nan is false)");
  }
  before_value();
  detail::append_python_float(out_, value);
}

void JsonWriter::string(std::string_view utf8) {
  before_value();
  append_escaped(out_, utf8);
}

void JsonWriter::string(std::string_view prefix, std::string_view rest) {
  before_value();
  out_ += '"';
  append_escaped_body(out_, prefix);
  append_escaped_body(out_, rest);
  out_ += '"';
}

void JsonWriter::begin_object() {
  before_value();
  out_ += '{';
  first_.push_back(true);
}

void JsonWriter::key(std::string_view utf8) {
  before_value();
  append_escaped(out_, utf8);
  out_ += ": ";
  after_key_ = true;
}

void JsonWriter::end_object() { close('}'); }

void JsonWriter::begin_array() {
  before_value();
  out_ += '[';
  first_.push_back(true);
}

void JsonWriter::end_array() { close(']'); }

}  // namespace nni
