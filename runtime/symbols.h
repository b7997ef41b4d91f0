// Spellings shared by the runtime's parts: symbols with or without "path:", signatures in
// messages.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "nni/detail/metadata.h"

namespace nni::detail {

inline constexpr std::string_view kPathPrefix = "path:";

// "path:demo::Normalize" and "demo::Normalize" both name demo::Normalize.
inline std::string_view strip_path(std::string_view symbol) {
  if (symbol.substr(0, kPathPrefix.size()) == kPathPrefix) symbol.remove_prefix(kPathPrefix.size());
  return symbol;
}

// a == b for the short strings a load compares (keys, parameter names, symbols), inline: in 8-byte
// words, the last one overlapping, instead of a call to memcmp, which showed in profiles of loads;
// from 4 to 7 bytes, in two 4-byte words that overlap (a loop over the bytes of names such as
// "root" and "mean" showed too).
inline bool same_text(std::string_view a, std::string_view b) noexcept {
  std::size_t n = a.size();
  if (n != b.size()) return false;
  auto word = [](const char* p) {
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    return w;
  };
  auto half = [](const char* p) {
    std::uint32_t w;
    std::memcpy(&w, p, sizeof w);
    return w;
  };
  if (n < 8) {
    if (n >= 4) {
      return ((half(a.data()) ^ half(b.data())) |
              (half(a.data() + n - 4) ^ half(b.data() + n - 4))) == 0;
    }
    for (std::size_t i = 0; i < n; ++i) {
      if (a[i] != b[i]) return false;
    }
    return true;
  }
  for (std::size_t i = 0; i + 8 < n; i += 8) {
    if (word(a.data() + i) != word(b.data() + i)) return false;
  }
  return word(a.data() + n - 8) == word(b.data() + n - 8);
}

// The LoadError for a key a traced object cannot have (at /<key>).
[[noreturn]] void throw_unexpected_traced_key(std::string_view key);

// "demo::MNIST(root, train=..., download=...)", for messages.
std::string signature_text(const Entity& entity, const Signature& signature);

}  // namespace nni::detail
