// Included by alias_traced.h, not read as an input header: another library's header whose own
// generation registers vendor::Pump through this alias.
#pragma once

namespace vendor {
struct Pump {
  Pump() = default;
  explicit Pump(double rate);
  template <class Archive>
  void serialize(Archive& archive);
};
}  // namespace vendor

namespace plumbing {
using Pump [[nni::trace]] = vendor::Pump;
}  // namespace plumbing
