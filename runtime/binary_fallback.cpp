// The binary fallback's JSON side: size limit, base64, {"__nni_obj__": ...}.
#include "nni/binary_fallback.h"

#include <cstdlib>
#include <string>

#include "nni/errors.h"
#include "nni/traced.h"

namespace nni::detail {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string base64_encode(const std::string& in) {
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  std::size_t i = 0;
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(in[k]); };
  for (; i + 2 < in.size(); i += 3) {
    unsigned v = (byte(i) << 16) | (byte(i + 1) << 8) | byte(i + 2);
    out += kAlphabet[v >> 18];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  if (i + 1 == in.size()) {
    unsigned v = byte(i) << 16;
    out += kAlphabet[v >> 18];
    out += kAlphabet[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == in.size()) {
    unsigned v = (byte(i) << 16) | (byte(i + 1) << 8);
    out += kAlphabet[v >> 18];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

int base64_digit(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

std::string base64_decode(std::string_view in) {
  if (in.size() % 4 != 0) throw LoadError("invalid base64: length is not a multiple of 4");
  std::string out;
  out.reserve(in.size() / 4 * 3);
  for (std::size_t i = 0; i < in.size(); i += 4) {
    int d[4];
    int padding = 0;
    for (int k = 0; k < 4; ++k) {
      char c = in[i + k];
      if (c == '=' && i + 4 == in.size() && k >= 2) {
        d[k] = 0;
        ++padding;
      } else if (padding > 0 || (d[k] = base64_digit(c)) < 0) {
        throw LoadError("invalid base64 at character " + std::to_string(i + k));
      }
    }
    unsigned v = (d[0] << 18) | (d[1] << 12) | (d[2] << 6) | d[3];
    out += static_cast<char>(v >> 16);
    if (padding < 2) out += static_cast<char>((v >> 8) & 0xFF);
    if (padding < 1) out += static_cast<char>(v & 0xFF);
  }
  return out;
}

}  // namespace

long default_pickle_size_limit() noexcept {
  static const long limit = [] {
    const char* env = std::getenv("PICKLE_SIZE_LIMIT");
    if (!env || !*env) return 4096L;
    char* end = nullptr;
    long v = std::strtol(env, &end, 10);
    return (end && *end == '\0') ? v : 4096L;
  }();
  return limit;
}

void write_binary(JsonWriter& w, const std::string& bytes, const std::type_info& type,
                  DumpContext& ctx) {
  long limit = ctx.options.pickle_size_limit;
  if (limit >= 0 && bytes.size() > static_cast<unsigned long>(limit)) {
    throw PayloadTooLarge("'" + type_name(type) + "' is not traced, and its binary fallback is " +
                          std::to_string(bytes.size()) + " bytes, over pickle_size_limit (" +
                          std::to_string(limit) +
                          " bytes): trace it with [[nni::trace]] so that it is dumped as the "
                          "arguments that built it (or raise DumpOptions::pickle_size_limit or "
                          "PICKLE_SIZE_LIMIT)");
  }
  w.begin_object();
  w.key("__nni_obj__");
  w.string(base64_encode(bytes));
  w.end_object();
}

bool is_binary_object(const JsonNode& node) noexcept {
  return node.is(JsonType::Object) && node.member_count() == 1 &&
         node.member_name(0) == "__nni_obj__";
}

std::string read_binary(const JsonNode& node) {
  if (!node.is(JsonType::Object) || node.member_count() != 1 || !node.find("__nni_obj__")) {
    node.fail_expected("a binary object {\"__nni_obj__\": \"<base64>\"}");
  }
  return at_path("__nni_obj__",
                 [&] { return base64_decode(node.find("__nni_obj__").as_string()); });
}

void throw_bad_binary(const std::type_info& type, const char* what) {
  throw LoadError("the binary object does not hold a '" + type_name(type) + "': " + what);
}

}  // namespace nni::detail
