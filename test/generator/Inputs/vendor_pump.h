// Included by alias_traced.h (through vendor_alias.h, or alone with -DNO_ALIAS): another
// library's class, untraced where it is declared.
#pragma once

namespace vendor {
struct Pump {
  Pump() = default;
  explicit Pump(double rate);
  template <class Archive>
  void serialize(Archive& archive);
};
}  // namespace vendor
