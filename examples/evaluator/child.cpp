// The trial side: reads an evaluator's payload on stdin, re-creates the objects with nni::load,
// evaluates, and prints the result, then its own dump of what it loaded.

#include <iostream>
#include <iterator>
#include <string>

#include <nni/trace.h>

#include "models.h"

int main() {
  std::string payload{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  try {
    nni::Traced<demo::DataLoader> loader = nni::load<demo::DataLoader>(payload);
    std::cout << demo::evaluate(*loader) << "\n" << nni::dump(loader) << "\n";
    return std::cout.flush() ? 0 : 1;
  } catch (const nni::LoadError& e) {
    std::cerr << "evaluator_child: cannot load the payload: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "evaluator_child: " << e.what() << "\n";
    return 1;
  }
}
