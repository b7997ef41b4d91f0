#include <iostream>

#include "models.h"

int main() {
  auto layer = shop::make_layer(4);
  // Throws nni::NotTraced at run time: Plain is not traced.
  auto plain = nni::make<shop::Plain>(2);
  std::cout << "width=" << layer->width << " size=" << plain->size << "\n";
  return 0;
}
