// A traced class in a static library. (test/e2e edits this comment.)
#pragma once

#include <nni/trace.h>

#include <string>

#include "shapes.h"

namespace flat {

class [[nni::trace]] Square : public shapes::Shape {
 public:
  explicit Square(double side, std::string label = "square");
  double area() const override;
  std::string name() const override { return label_; }

 private:
  double side_;
  std::string label_;
};

}  // namespace flat
