#include "models.h"

#include <utility>

namespace shop {
Layer::Layer(int width, std::function<void(int)> on_change, std::string name)
    : width(width), name(std::move(name)) {
  if (on_change) on_change(width);
}
}  // namespace shop
