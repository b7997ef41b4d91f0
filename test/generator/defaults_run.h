// The loader passes a re-printed default itself: a payload that omits a middle parameter and
// gives a later one loads with the C++ default (qualified names from other namespaces, static
// members, enumerators, braced lists), and one that omits a default the generator could not
// re-print (a private constant) is a LoadError that names the argument. Compiles the generated
// code with Inputs/defaults_run_main.cpp and runs it against the built runtime.
// REQUIRES: runtime-lib
// RUN: %nni-trace-gen %s -o %t.gen.cpp -- -std=c++17 -I%nni-include 2> %t.err
// RUN: FileCheck %s --input-file %t.err --check-prefix=WARN
// RUN: %if gxx %{ %gxx -std=c++17 -fsyntax-only -Wall -Wextra -Werror -Wno-attributes=nni:: -I%nni-include %t.gen.cpp %}
// RUN: %clangxx -std=c++17 -Wall -Wextra -Werror -Wno-unknown-attributes -I%nni-include -I%S -include %s %t.gen.cpp %S/Inputs/defaults_run_main.cpp %nni-runtime-lib -Wl,-rpath,%nni-runtime-dir -o %t.exe
// RUN: %t.exe | FileCheck %s
#pragma once
#include <string>
#include <vector>

namespace units {
constexpr int kScale = 100;
enum class Mode { Slow, Fast };
}  // namespace units

namespace rt {
constexpr int kBase = 3;

class [[nni::trace]] Layer {
 public:
  static constexpr int kLimit = 10;
  Layer(int width, int depth = kBase * 2 + 1, std::vector<int> sizes = {1, 2, 3},
        int scaled = units::kScale + kLimit, units::Mode mode = units::Mode::Fast,
        std::string name = "layer")
      : width(width), depth(depth), sizes(sizes), scaled(scaled), mode(mode), name(name) {}
  int width, depth;
  std::vector<int> sizes;
  int scaled;
  units::Mode mode;
  std::string name;
};

// A factory: a call through a function pointer knows no defaults, so the runtime passes the
// re-printed ones and calls it with all its arguments, whichever the payload leaves out.
[[nni::trace]] inline Layer make_layer(int width, int depth = kBase, std::string name = "made") {
  return Layer(width, depth, {}, 0, units::Mode::Slow, name);
}

class [[nni::trace]] Secretive {
  static constexpr int kSecret = 42;

 public:
  Secretive(int secret = kSecret, int other = 0) : secret(secret), other(other) {}
  // WARN: defaults_run.h:[[#@LINE-1]]:17: warning: the default argument of 'secret' uses the private member 'rt::Secretive::kSecret'
  int secret, other;
};
}  // namespace rt

// CHECK: middle omitted: width=5 depth=7 sizes=1,2,3 scaled=110 mode=fast name=given
// CHECK-NEXT: all omitted but one: width=5 depth=7 sizes=1,2,3 scaled=110 mode=slow name=layer
// CHECK-NEXT: factory, trailing omitted: width=2 depth=3 sizes= scaled=0 mode=slow name=made
// CHECK-NEXT: factory, middle omitted: width=2 depth=3 sizes= scaled=0 mode=slow name=x
// CHECK-NEXT: secret, trailing: secret=42 other=0
// CHECK-NEXT: secret omitted, other given: LoadError: {{.*}}argument 'secret' must be given
// CHECK-NEXT: secret given: secret=1 other=2
