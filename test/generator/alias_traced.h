// A class traced through an alias (`using Engine [[nni::trace]] = vendor::Engine;`) is traced
// wherever a parameter names it, though its own declaration carries no attribute: a
// std::shared_ptr, nni::Traced, std::unique_ptr, reference or pointer to it holds traced objects,
// so there is no binary-fallback warning for it even when cereal could serialize it, and a
// reference is passed as the traced object a load creates. The alias may come after the
// parameter, or be in another header of the parse (another library's traced header, which
// registers it in its own generation). Without the aliases (-DNO_ALIAS) the same parameters warn.
// RUN: %nni-trace-gen %s -o %t.cpp --fallback-is-error -- -std=c++17 -I%nni-include 2> %t.err
// RUN: count 0 < %t.err
// RUN: FileCheck %s --input-file %t.cpp
// RUN: %if runtime-headers %{ %clangxx -std=c++17 -fsyntax-only -Wall -Wextra -Werror -Wno-unknown-attributes -I%nni-include %t.cpp %}
// RUN: %nni-trace-gen %s -o %t.cpp -- -std=c++17 -I%nni-include -DNO_ALIAS 2> %t.warn
// RUN: FileCheck %s --input-file %t.warn --check-prefix=WARN --implicit-check-not=warning: --implicit-check-not=error:
#pragma once
#include <nni/trace.h>

#include <memory>
#include <string>
#include <vector>

#ifndef NO_ALIAS
#include "Inputs/vendor_alias.h"
#else
#include "Inputs/vendor_pump.h"
#endif

namespace vendor {
// cereal could serialize it: untraced, a std::shared_ptr to one would be a binary blob.
class Engine {
 public:
  Engine() = default;  // cereal loads into a default-constructed object
  explicit Engine(std::string model);
  template <class Archive>
  void serialize(Archive& archive);
};
}  // namespace vendor

namespace demo {
class [[nni::trace]] Car {
 public:
  Car(std::shared_ptr<vendor::Engine> engine, nni::Traced<vendor::Engine> spare,
      std::vector<std::shared_ptr<vendor::Engine>> fleet, const vendor::Engine& reference,
      std::shared_ptr<vendor::Pump> pump);
  // WARN: alias_traced.h:[[#@LINE-3]]:39: warning: parameter 'engine' of type 'std::shared_ptr<vendor::Engine>' holds the untraced type 'vendor::Engine'
  // WARN: alias_traced.h:[[#@LINE-4]]:75: warning: parameter 'spare' of type 'nni::Traced<vendor::Engine>' holds the untraced type 'vendor::Engine'
  // WARN: alias_traced.h:[[#@LINE-4]]:52: warning: parameter 'fleet' of type 'std::vector<std::shared_ptr<vendor::Engine>>' holds the untraced type 'vendor::Engine'
  // WARN: alias_traced.h:[[#@LINE-5]]:81: warning: parameter 'reference' of untraced type 'vendor::Engine' will be dumped as a size-limited binary blob
  // WARN: alias_traced.h:[[#@LINE-5]]:37: warning: parameter 'pump' of type 'std::shared_ptr<vendor::Pump>' holds the untraced type 'vendor::Pump'
};

#ifndef NO_ALIAS
// After the constructor that uses it: the whole parse counts.
using Engine [[nni::trace]] = vendor::Engine;
#endif
}  // namespace demo

// CHECK: // Traced entities: demo::Car, vendor::Engine
// CHECK: {{[{][{]}}"engine", 6}, ::nni::Kind::Traced, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::shared_ptr<::vendor::Engine>>, nullptr},
// CHECK-NEXT: {{[{][{]}}"spare", 5}, ::nni::Kind::Traced, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::nni::Traced<::vendor::Engine>>, nullptr},
// CHECK-NEXT: {{[{][{]}}"fleet", 5}, ::nni::Kind::Array, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::vector<::std::shared_ptr<::vendor::Engine>>>, nullptr},
// CHECK-NEXT: {{[{][{]}}"reference", 9}, ::nni::Kind::Traced, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<const ::vendor::Engine &>, nullptr},
// CHECK-NEXT: {{[{][{]}}"pump", 4}, ::nni::Kind::Traced, ::nni::NumberHint::None, false, false, &::nni::detail::arg_ops<::std::shared_ptr<::vendor::Pump>>, nullptr},

// WARN: 5 warnings generated.
