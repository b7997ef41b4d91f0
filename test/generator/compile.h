// The generated source compiles against the runtime's headers, with Clang and GCC, without
// warnings: the DESIGN.md example plus an alias of a template specialization, a struct without
// constructors, factory overloads, nested traced arguments and enums.
// REQUIRES: runtime-headers
// RUN: %nni-trace-gen %s -o %t.cpp --anchor compile -- -std=c++17 -I%nni-include
// RUN: %clangxx -std=c++17 -fsyntax-only -Wall -Wextra -Werror -Wno-unknown-attributes -I%nni-include %t.cpp
// RUN: %if gxx %{ %gxx -std=c++17 -fsyntax-only -Wall -Wextra -Werror -Wno-attributes=nni:: -I%nni-include %t.cpp %}
// RUN: %clangxx -std=c++20 -fsyntax-only -Wall -Wextra -Werror -Wno-unknown-attributes -I%nni-include %t.cpp
#pragma once
#include <nni/trace.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace demo {
struct Transform {
  virtual ~Transform() = default;
};
class [[nni::trace]] Normalize : public Transform {
 public:
  Normalize(std::vector<double> mean, std::vector<double> std, bool inplace = false);
};
class [[nni::trace]] Compose : public Transform {
 public:
  explicit Compose(std::vector<std::shared_ptr<Transform>> transforms);
};
class [[nni::trace]] MNIST {
 public:
  MNIST(std::string root, bool train = true, bool download = false,
        std::shared_ptr<Transform> transform = nullptr);
};
class [[nni::trace]] DataLoader {
 public:
  DataLoader(std::shared_ptr<MNIST> dataset, int batch_size = 1);
  DataLoader(nni::Traced<MNIST> dataset, const std::string& sampler, std::uint32_t seed);
};
[[nni::trace]] std::shared_ptr<MNIST> create_mnist_dataset(std::string root,
                                                           std::shared_ptr<Transform> transform);
[[nni::trace]] std::shared_ptr<MNIST> create_mnist_dataset(std::string root);
[[nni::trace]] std::unique_ptr<Transform> make_identity() noexcept;

struct [[nni::trace]] Hyper {
  float lr = 0.1f;
};
enum class Color { RED, GREEN };
class [[nni::trace]] Painter {
 public:
  Painter(Color color, std::vector<Color> palette = {});
};
template <class T>
class Box {
 public:
  explicit Box(std::vector<T> items, std::map<std::string, T> named = {});
};
using FloatBox [[nni::trace]] = Box<float>;
}  // namespace demo
