#include "models.h"

namespace shop {
Layer::Layer(int width) : width(width) {}
nni::Traced<Layer> make_layer(int width) { return nni::make<Layer>(width); }
}  // namespace shop
