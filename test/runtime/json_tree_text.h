// A parsed JSON tree as text, for comparing the runtime's two parsers (test/runtime/
// json_parser_test.cpp and the fuzzer): every number's kind (and whether it also reads as a
// uint64) and a double's bits, strings and keys as hex, so that two trees print the same only when
// every accessor would answer the same.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "nni/json.h"

namespace nni_test {

inline void write_json_tree(std::string& out, nni::JsonNode n) {
  auto hex = [&out](std::string_view s) {
    static const char* digits = "0123456789abcdef";
    for (unsigned char c : s) {
      out += digits[c >> 4];
      out += digits[c & 15];
    }
  };
  switch (n.type()) {
    case nni::JsonType::Null: out += "null"; return;
    case nni::JsonType::Bool: out += n.as_bool() ? "true" : "false"; return;
    case nni::JsonType::Number:
      if (n.is_int64()) {
        out += "i" + std::to_string(n.as_int64());
        if (n.is_uint64()) out += "+u";
      } else if (n.is_uint64()) {
        out += "u" + std::to_string(n.as_uint64());
      } else {
        double d = n.as_double();
        std::uint64_t bits;
        std::memcpy(&bits, &d, sizeof bits);
        char buf[64];
        std::snprintf(buf, sizeof buf, "d%.17g/%llx", d, static_cast<unsigned long long>(bits));
        out += buf;
      }
      return;
    case nni::JsonType::String:
      out += "s";
      hex(n.as_string());
      return;
    case nni::JsonType::Array:
      out += "[";
      for (std::size_t i = 0; i < n.size(); ++i) {
        write_json_tree(out, n[i]);
        out += ",";
      }
      out += "]";
      return;
    case nni::JsonType::Object:
      out += "{";
      for (std::size_t i = 0; i < n.member_count(); ++i) {
        hex(n.member_name(i));
        out += ":";
        write_json_tree(out, n.member_value(i));
        out += ",";
      }
      out += "}";
      return;
  }
}

}  // namespace nni_test
