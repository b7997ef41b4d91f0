#include <iostream>

#include "models.h"

int main() {
  auto layer =
      nni::load<shop::Layer>(R"({"__symbol__": "path:shop::Layer", "__kwargs__": {"width": 4}})");
  std::cout << "loaded width=" << layer->width << "\n";
  return 0;
}
