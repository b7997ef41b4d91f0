// The untraced polymorphic base that the executable loads through.
#pragma once

#include <string>

namespace shapes {

struct Shape {
  virtual ~Shape() = default;
  virtual double area() const = 0;
  virtual std::string name() const = 0;
};

}  // namespace shapes
