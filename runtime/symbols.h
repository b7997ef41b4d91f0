// Spellings shared by the runtime's parts: symbols with or without "path:", signatures in
// messages.
#pragma once

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

// The LoadError for a key a traced object cannot have (at /<key>).
[[noreturn]] void throw_unexpected_traced_key(std::string_view key);

// "demo::MNIST(root, train=..., download=...)", for messages.
std::string signature_text(const Entity& entity, const Signature& signature);

}  // namespace nni::detail
