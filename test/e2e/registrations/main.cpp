// Loads a flat::Square (static library) and a disc::Circle (shared library) from payloads and
// from type references, knowing only their base shapes::Shape. `app` expects every load to work;
// with the argument `dropped` (the control, linked without the registrations) it expects every
// load to fail. Exit code 0 when the expectation holds.

#include <cmath>
#include <exception>
#include <iostream>
#include <string>

#include <nni/trace.h>

#include "shapes.h"

namespace {

struct Case {
  const char* symbol;
  const char* payload;
  double area;
};

const Case kCases[] = {
    {"flat::Square",
     R"({"__symbol__": "path:flat::Square", "__kwargs__": {"side": 3.0, "label": "sq"}})", 9.0},
    {"disc::Circle",
     R"({"__symbol__": "path:disc::Circle", "__kwargs__": {"radius": 2.0, "label": "ci"}})", 12.0},
};

// Empty when it worked, else what went wrong.
std::string try_load(const Case& c) {
  try {
    nni::Traced<shapes::Shape> s = nni::load<shapes::Shape>(c.payload);
    if (std::fabs(s->area() - c.area) > 1e-9) return "wrong area " + std::to_string(s->area());
    if (nni::dump(s) != c.payload) return "dumps as " + nni::dump(s);
    std::string ref = std::string(R"({"__nni_type__": "path:)") + c.symbol + "\"}";
    nni::Traced<shapes::Shape> t = nni::load_value<nni::TypeRef>(ref).create<shapes::Shape>(
        {{"label", "made"}, {s->name() == "sq" ? "side" : "radius", 1.0}});
    if (t->name() != "made") return "type reference made " + t->name();
    return "";
  } catch (const std::exception& e) {
    return std::string("exception: ") + e.what();
  }
}

}  // namespace

int main(int argc, char** argv) {
  bool expect_dropped = argc > 1 && std::string(argv[1]) == "dropped";
  int bad = 0;
  for (const Case& c : kCases) {
    std::string error = try_load(c);
    std::cout << c.symbol << ": " << (error.empty() ? "loaded" : error) << "\n";
    if (error.empty() == expect_dropped) ++bad;
  }
  std::cout << (bad ? "FAILED" : "ok") << "\n";
  return bad ? 1 : 0;
}
