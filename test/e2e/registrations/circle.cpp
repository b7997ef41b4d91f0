#include "circle.h"

#include <utility>

namespace disc {

Circle::Circle(double radius, std::string label) : radius_(radius), label_(std::move(label)) {}

double Circle::area() const { return 3.0 * radius_ * radius_; }

}  // namespace disc
