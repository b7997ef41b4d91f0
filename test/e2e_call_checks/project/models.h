// One traced class and one that is not.
#pragma once
#include <nni/trace.h>

namespace shop {
class [[nni::trace]] Layer {
 public:
  explicit Layer(int width);
  int width;
};
struct Plain {
  explicit Plain(int size) : size(size) {}
  int size;
};
nni::Traced<Layer> make_layer(int width);
}  // namespace shop
