#include "square.h"

#include <utility>

#include "plain.h"

namespace flat {

Square::Square(double side, std::string label) : side_(side), label_(std::move(label)) {}

double Square::area() const { return kScale * side_ * side_; }

}  // namespace flat
