// A traced class in a shared library.
#pragma once

#include <nni/trace.h>

#include <string>

#include "shapes.h"

namespace disc {

class [[nni::trace]] Circle : public shapes::Shape {
 public:
  Circle(double radius, std::string label = "circle");
  double area() const override;
  std::string name() const override { return label_; }

 private:
  double radius_;
  std::string label_;
};

}  // namespace disc
