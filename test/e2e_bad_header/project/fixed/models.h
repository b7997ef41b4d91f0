// models.h with the callback left out: every parameter can be serialized.
#pragma once
#include <nni/trace.h>

#include <string>

namespace shop {
class [[nni::trace]] Layer {
 public:
  Layer(int width, std::string name = "layer");
  int width;
  std::string name;
};
}  // namespace shop
