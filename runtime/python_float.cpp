#include "python_float.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string_view>

namespace nni::detail {

namespace {

// `sci` is std::to_chars' shortest scientific form ("-1.2345e+17"); re-lays it out per Python's
// float_repr_style 'short': positional when -4 <= exponent < 16, else scientific.
void layout_python(std::string& out, std::string_view sci) {
  if (!sci.empty() && sci.front() == '-') {
    out += '-';
    sci.remove_prefix(1);
  }
  std::size_t e_pos = sci.find('e');
  std::string_view mantissa = sci.substr(0, e_pos);
  int exponent = std::atoi(std::string(sci.substr(e_pos + 1)).c_str());
  char digits[32];
  std::size_t n = 0;
  for (char c : mantissa) {
    if (c != '.') digits[n++] = c;
  }
  int decpt = exponent + 1;  // position of the decimal point after the first digit
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) {
      out += "0.";
      out.append(static_cast<std::size_t>(-decpt), '0');
      out.append(digits, n);
    } else if (static_cast<std::size_t>(decpt) >= n) {
      out.append(digits, n);
      out.append(static_cast<std::size_t>(decpt) - n, '0');
      out += ".0";
    } else {
      out.append(digits, static_cast<std::size_t>(decpt));
      out += '.';
      out.append(digits + decpt, n - static_cast<std::size_t>(decpt));
    }
    return;
  }
  out += digits[0];
  if (n > 1) {
    out += '.';
    out.append(digits + 1, n - 1);
  }
  out += 'e';
  out += exponent < 0 ? '-' : '+';
  int magnitude = std::abs(exponent);
  if (magnitude < 10) out += '0';
  out += std::to_string(magnitude);
}

template <class F>
void append_any(std::string& out, F value) {
  if (std::isnan(value)) {
    out += "NaN";
    return;
  }
  if (std::isinf(value)) {
    out += value < 0 ? "-Infinity" : "Infinity";
    return;
  }
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  layout_python(out, std::string_view(buf, static_cast<std::size_t>(r.ptr - buf)));
}

}  // namespace

void append_python_float(std::string& out, double value) { append_any(out, value); }
void append_python_float(std::string& out, float value) { append_any(out, value); }

std::string python_float_repr(double value) {
  std::string s;
  append_any(s, value);
  return s;
}

}  // namespace nni::detail
