// Writes the seed corpus of load_fuzzer (fuzz/corpus/): valid payloads, dumped by the runtime
// from objects made with nni::make, plus hand-written ones in forms only Python writes.
//   corpus_writer <dir>
#include <cmath>
#include <fstream>
#include <iostream>
#include <limits>
#include <string>

#include "models.h"

namespace {

std::string dir;
int written = 0;

void put(const std::string& name, const std::string& json) {
  std::ofstream(dir + "/" + name + ".json", std::ios::binary) << json;
  ++written;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: corpus_writer <dir>\n";
    return 2;
  }
  dir = argv[1];
  using namespace demo;
  auto norm = nni::make<Normalize>(std::vector<double>{0.1307}, std::vector<double>{0.3081});
  auto tf = nni::make<Compose>(std::vector<std::shared_ptr<Transform>>{norm});
  auto ds = nni::make<MNIST>("data/mnist", false, true, tf);
  auto dl = nni::make<DataLoader>(ds, 100);
  put("evaluator", nni::dump(dl));
  nni::DumpOptions indented;
  indented.indent = 2;
  put("evaluator_indent", nni::dump(dl, indented));
  put("mnist_defaults", nni::dump(nni::make<MNIST>("x")));
  put("normalize_inplace",
      nni::dump(nni::make<Normalize>(std::vector<double>{1, 2}, std::vector<double>{3, 4}, true)));
  put("factory", nni::dump(nni::make<DataLoader>(nni::call<&create_mnist_dataset>("r", norm))));

  using namespace types;
  put("scalars",
      nni::dump(nni::make<Scalars>(true, -7, 1L << 40, std::numeric_limits<std::int64_t>::min(),
                                   -0.0, "caf\xc3\xa9 \xf0\x9f\x98\x80 \"q\"\n")));
  put("scalars_nan",
      nni::dump(nni::make<Scalars>(false, 0, 0L, std::int64_t{0}, std::nan(""), std::string())));
  put("scalars_inf",
      nni::dump(nni::make<Scalars>(false, 0, 0L, std::int64_t{0},
                                   -std::numeric_limits<double>::infinity(), std::string("\x01"))));
  put("vectors",
      nni::dump(nni::make<Vectors>(std::vector<int>{1, -2, 3}, std::vector<std::string>{"a", ""},
                                   std::vector<std::vector<double>>{{1e-7, 1e16}, {}})));
  auto empty = nni::make<Empty>();
  put("empty", nni::dump(empty));
  put("holder", nni::dump(nni::make<Holder>(empty, empty, std::vector<nni::Traced<Empty>>{empty})));
  put("defaults", nni::dump(nni::make<Defaults>(1, 2, std::string("c"))));
  put("small", nni::dump(nni::make<Small>(std::int8_t{-128})));
  put("floats", nni::dump(nni::make<Floats>(1.2345678901234568e+17)));
  put("text", nni::dump(nni::make<Text>(std::string("\xe2\x80\xa8\\/"))));
  put("unrelated", nni::dump(nni::make<Unrelated>(3)));
  put("palette", nni::dump(nni::make<Palette>(
                     Color::GREEN, std::map<Color, int>{{Color::RED, 1}, {Color::BLUE, 2}},
                     std::set<std::string>{"x", "y"}, std::chrono::milliseconds(90061001),
                     std::optional<double>(2.2))));
  put("raw_loader", nni::dump(nni::make<RawLoader>(RawImages{"root", {1, 2, 3, 255}}, 4)));
  put("values", nni::dump(std::vector<nni::Traced<Transform>>{norm, tf}));

  // What Python writes that nni::dump does not: positional arguments, no "path:" prefix.
  put("python_args",
      R"({"__symbol__": "demo::Normalize", "__args__": [[0.5], [0.25]], "__kwargs__": {"inplace": true}})");
  put("python_mnist_args", R"({"__symbol__": "path:demo::MNIST", "__args__": ["r", true]})");
  put("plain", R"([1, -2.5e-3, "s", null, true, {"k": [{}]}, NaN, -Infinity])");
  put("type_ref", R"({"__nni_type__": "path:demo::MNIST"})");
  // Edges of the two JSON parsers (simdjson, and RapidJSON for what it refuses): number kinds
  // and ranges, escapes and surrogate pairs, nesting, containers past 64 values.
  put("json_numbers",
      R"([0, -0, -0.0, 9223372036854775807, -9223372036854775808, 9223372036854775808, )"
      R"(18446744073709551615, 18446744073709551616, 4.9e-324, 2.2250738585072014e-308, )"
      R"(1.7976931348623157e308, 1e-400, 0e308, 1E+2, 0.1000000000000000055511151231257827])");
  put("json_strings",
      R"({"": "\"\\\/\b\f\n\r\t", "\u00e9\u20ac": "\ud83d\ude00\uDBFF\uDFFF", "k": "\u0000\u007f"})");
  put("json_nesting", R"([[[[[[[[[[[[[[[[[[[[{"a": [{"b": [[[[[]]]]}]}]]]]]]]]]]]]]]]]]]]])");
  put(
      "json_wide", "[" + [] {
        std::string s;
        for (int i = 0; i < 100; ++i) s += (i ? ", " : "") + std::to_string(i * 7 - 300);
        return s;
      }() + "]");
  std::cout << "wrote " << written << " payloads to " << dir << "\n";
}
