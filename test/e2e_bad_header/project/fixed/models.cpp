#include "models.h"

#include <utility>

namespace shop {
Layer::Layer(int width, std::string name) : width(width), name(std::move(name)) {}
}  // namespace shop
