#include <iostream>

#include "models.h"

int main() {
  auto layer = shop::make_layer(4);
  std::cout << "width=" << layer->width << "\n";
  return 0;
}
