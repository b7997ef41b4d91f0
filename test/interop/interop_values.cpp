// Both halves of the Python interoperability test of value encodings.
//   interop_values dump   prints "name<TAB>json" lines that check_json_tricks.py decodes;
//   interop_values load   reads "name<TAB>json" lines that json_tricks wrote and checks each
//                         decodes to the C++ value it stands for.
#include <chrono>
#include <complex>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <nni/trace.h>

#include "interop_types.h"

namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::system_clock;

const Clock::time_point kWhen = Clock::time_point(std::chrono::microseconds(1704164645000006));

// One case: the C++ value, written by dump and compared by load.
struct Case {
  std::string name;
  std::function<std::string()> dump;
  std::function<bool(const std::string&)> loads_back;
};

template <class T>
Case make_case(std::string name, T value) {
  return {std::move(name), [value] { return nni::dump(value); },
          [value](const std::string& json) { return nni::load_value<T>(json) == value; }};
}

std::vector<Case> cases() {
  return {
      make_case("set", std::set<int>{1, 2, 3}),
      make_case("complex", std::complex<double>(1.5, -2.0)),
      make_case("timedelta", std::chrono::microseconds(86400000000 + 3000000 + 7)),
      make_case("timedelta_negative", std::chrono::microseconds(-1)),
      make_case("datetime", kWhen),
      make_case("floats", std::vector<double>{0.1, 1e-07, 1e+16, -0.0, 1.0}),
      make_case("string", std::string("caf\xc3\xa9 \xf0\x9f\x98\x80 \"q\"\n")),
      make_case("int_keys", std::map<int, std::string>{{1, "a"}, {20, "b"}}),
      make_case("tuple", std::tuple<int, std::string, bool>{1, "x", true}),
      make_case("ndarray", nni::NDArray<float>({2, 3}, {0, 1, 2, 3, 4, 5.5})),
      make_case("enum", paint::Color::GREEN),
      make_case("ndarray_int", nni::NDArray<std::int64_t>({3}, {-1, 0, 7})),
  };
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode == "dump") {
    for (const Case& c : cases()) std::cout << c.name << '\t' << c.dump() << '\n';
    return 0;
  }
  if (mode == "load") {
    int failures = 0, checked = 0;
    std::string line;
    while (std::getline(std::cin, line)) {
      auto tab = line.find('\t');
      std::string name = line.substr(0, tab), json = line.substr(tab + 1);
      bool found = false;
      for (const Case& c : cases()) {
        if (c.name != name) continue;
        found = true;
        ++checked;
        try {
          if (!c.loads_back(json)) {
            std::cerr << "FAIL " << name << ": " << json << " loads to another value\n";
            ++failures;
          }
        } catch (const std::exception& e) {
          std::cerr << "FAIL " << name << ": " << e.what() << '\n';
          ++failures;
        }
      }
      if (!found) {
        std::cerr << "FAIL unknown case " << name << '\n';
        ++failures;
      }
    }
    std::cout << checked << " loaded, " << failures << " failed\n";
    return failures == 0 && checked > 0 ? 0 : 1;
  }
  std::cerr << "usage: interop_values dump|load\n";
  return 2;
}
