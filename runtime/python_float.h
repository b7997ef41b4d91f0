// Floats printed as Python's repr() and json.dumps print them.
#pragma once

#include <string>

namespace nni::detail {

// Appends the shortest decimal that reads back to `value` (the float's own shortest for a float),
// laid out as Python does: "1.0", "0.0001", "1e-05", "1e+16", "1.2345678901234568e+17", and
// "NaN", "Infinity", "-Infinity" as json.dumps writes them.
void append_python_float(std::string& out, double value);
void append_python_float(std::string& out, float value);

std::string python_float_repr(double value);

}  // namespace nni::detail
