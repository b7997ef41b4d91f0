// A traced class whose constructor takes a std::function: nni-trace-gen refuses it at the
// parameter, and the build of `models` fails there (fixed/ holds the corrected files).
#pragma once
#include <nni/trace.h>

#include <functional>
#include <string>

namespace shop {
class [[nni::trace]] Layer {
 public:
  // A callback can neither be written to JSON nor re-created from it.
  Layer(int width, std::function<void(int)> on_change, std::string name = "layer");
  int width;
  std::string name;
};
}  // namespace shop
