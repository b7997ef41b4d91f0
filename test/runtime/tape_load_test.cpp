// nni::load's two readers (docs/internals/loads.md): the tape reader (runtime/tape_load.cpp),
// taken when every value of a payload has a TapeType, and the tree reader (load.cpp), which reads
// everything else and reports every error. Each case loads a payload both ways and requires the
// same outcome: the same dump, or the same LoadError (message and JSON path). This file is
// compiled into runtime_tests (generic builds) and runtime_tests_fast_loads (typed builds).
#include <gtest/gtest.h>

#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "load_steps.h"
#include "models.h"

namespace {

// What a load produced, as text: the dump of the object, or the error.
struct Outcome {
  std::string text;
  bool from_tape = false;
};

using Load = std::function<std::string(const std::string&, const nni::LoadOptions&)>;

template <class T>
Load as() {
  return [](const std::string& json, const nni::LoadOptions& options) {
    return nni::dump(nni::load<T>(json, options));
  };
}

Outcome run(const Load& load, const std::string& json, const nni::LoadOptions& options, bool tape) {
  bool previous = nni::detail::set_tape_loads(tape);
  std::size_t before = nni::detail::tape_load_count();
  Outcome o;
  try {
    o.text = "ok " + load(json, options);
  } catch (const nni::LoadError& e) {
    o.text = std::string("LoadError ") + e.what();
  } catch (const std::exception& e) {
    o.text = std::string("other ") + e.what();
  }
  o.from_tape = nni::detail::tape_load_count() != before;
  nni::detail::set_tape_loads(previous);
  return o;
}

// Loads `json` both ways; the outcomes must match. Returns whether the tape reader built it.
bool same_both_ways(const Load& load, const std::string& json,
                    const nni::LoadOptions& options = {}) {
  Outcome tape = run(load, json, options, true);
  Outcome tree = run(load, json, options, false);
  EXPECT_FALSE(tree.from_tape);
  EXPECT_EQ(tape.text, tree.text) << "payload: " << json;
  return tape.from_tape;
}

std::string traced(const std::string& symbol, const std::string& kwargs) {
  return R"({"__symbol__": "path:)" + symbol + R"(", "__kwargs__": {)" + kwargs + "}}";
}

const std::string kNormalize = traced("demo::Normalize", R"("mean": [0.1307], "std": [0.3081])");
const std::string kEvaluator =
    traced("demo::DataLoader",
           R"("dataset": )" +
               traced("demo::MNIST",
                      R"("root": "data/mnist", "train": false, "download": true, )"
                      R"("transform": )" +
                          traced("demo::Compose", R"("transforms": [)" + kNormalize + "]")) +
               R"(, "batch_size": 100)");

TEST(TapeLoad, ReadsTheEvaluatorGraphFromTheTape) {
  EXPECT_TRUE(same_both_ways(as<demo::DataLoader>(), kEvaluator));
  EXPECT_EQ(nni::dump(nni::load<demo::DataLoader>(kEvaluator)), kEvaluator);
}

// Payloads the tape reader builds: each must come out as the tree reader's.
TEST(TapeLoad, BuildsWhatTheTreeBuilds) {
  struct Case {
    Load load;
    std::string json;
  };
  const std::vector<Case> cases = {
      // Arguments out of order, positional, and defaults left to the loader.
      {as<demo::MNIST>(), traced("demo::MNIST", R"("train": true, "root": "r")")},
      {as<demo::MNIST>(), R"({"__symbol__": "path:demo::MNIST", "__args__": ["r", false]})"},
      {as<demo::MNIST>(),
       R"({"__symbol__": "path:demo::MNIST", "__args__": ["r"], "__kwargs__": {"train": false}})"},
      {as<demo::MNIST>(), traced("demo::MNIST", R"("root": "r", "transform": null)")},
      {as<demo::DataLoader>(),
       traced("demo::DataLoader", R"("dataset": )" + traced("demo::MNIST", R"("root": "")"))},
      // A base-class target, nested pointers and null elements.
      {as<demo::Transform>(), kNormalize},
      {as<demo::Transform>(),
       traced("demo::Compose", R"("transforms": [null, )" + kNormalize + ", " +
                                   traced("demo::Compose", R"("transforms": [])") + "]")},
      // Numbers at the edges of their types, strings with escapes.
      {as<types::Scalars>(),
       traced("types::Scalars",
              R"("b": true, "i": -2147483648, "l": 9223372036854775807, )"
              R"("i64": -9223372036854775808, "d": 5, "s": "\"\u00e9\ud83d\ude00\n")")},
      {as<types::Small>(), traced("types::Small", R"("v": -128)")},
      {as<types::Floats>(), traced("types::Floats", R"("d": 18446744073709551615)")},
      {as<types::Floats>(), traced("types::Floats", R"("d": -0.0)")},
      {as<types::Vectors>(), traced("types::Vectors", R"("ints": [1, -2], "strings": ["a", ""], )"
                                                      R"("matrix": [[1, 2.5], [], [-0.5]])")},
      // Defaults the compiler applies, and ones the generator re-printed as JSON.
      {as<types::Defaults>(), traced("types::Defaults", R"("a": 1, "b": 2)")},
      {as<types::JsonDefaults>(), traced("types::JsonDefaults", R"("id": 1)")},
      {as<types::JsonDefaults>(), traced("types::JsonDefaults", R"("id": 1, "ws": [3])")},
      // A later argument given, an earlier default omitted: built with the re-printed default
      // (the generic build; FAST_LOADS's typed one passes only leading arguments).
      {as<types::JsonDefaults>(), traced("types::JsonDefaults", R"("id": 1, "on": false)")},
      {as<types::Empty>(), R"({"__symbol__": "path:types::Empty"})"},
  };
  for (const Case& c : cases) {
    EXPECT_TRUE(same_both_ways(c.load, c.json)) << "not read from the tape: " << c.json;
  }
}

// Payloads the tape reader leaves to the tree: types it has no TapeType for, values its checks
// do not accept (the tree's codecs accept some, 3.0 for an int, and report the others), and
// errors of every kind. Nothing is built before it declines.
TEST(TapeLoad, DeclinesTheRestAndTheTreeAgrees) {
  struct Case {
    Load load;
    std::string json;
  };
  const std::vector<Case> cases = {
      // Types the tape does not read: enums, maps, sets, optionals, unique_ptr, references.
      {as<types::Palette>(),
       traced(
           "types::Palette",
           R"("main": {"__enum__": {"__enum_instance_type__": ["types", "Color"], "name": "RED"}}, )"
           R"("weights": {}, "tags": {"__set__": []}, "fade": {"__timedelta__": null}})")},
      {as<types::Views>(), traced("types::Views", R"("name": "n", "label": "l")")},
      // Values the tree reads and the tape does not check: an integral float for an int.
      {as<demo::DataLoader>(),
       traced("demo::DataLoader", R"("dataset": )" + traced("demo::MNIST", R"("root": "r")") +
                                      R"(, "batch_size": 3.0)")},
      // Errors: wrong types, ranges, names, symbols, shapes.
      {as<demo::DataLoader>(),
       traced("demo::DataLoader",
              R"("dataset": )" + traced("demo::MNIST", R"("root": 5)") + R"(, "batch_size": 3)")},
      {as<types::Small>(), traced("types::Small", R"("v": 128)")},
      {as<types::Scalars>(),
       traced("types::Scalars",
              R"("b": true, "i": 2147483648, "l": 1, "i64": 1, "d": 1, "s": "")")},
      {as<types::Floats>(), traced("types::Floats", R"("d": "1")")},
      {as<demo::MNIST>(), traced("demo::MNIST", R"("root": "r", "color": 1)")},
      {as<demo::MNIST>(), traced("demo::MNIST", R"("root": "r", "root": "s")")},
      {as<demo::MNIST>(), traced("demo::MNIST", R"("train": true)")},
      {as<demo::MNIST>(), R"({"__symbol__": "path:demo::MNIST", "__args__": ["r", 1, 2, 3, 4]})"},
      {as<demo::MNIST>(), traced("demo::MNISTT", R"("root": "r")")},
      {as<demo::MNIST>(), traced("demo::Normalize", R"("mean": [], "std": [])")},
      {as<demo::MNIST>(), R"({"__kwargs__": {"root": "r"}})"},
      {as<demo::MNIST>(), R"({"__symbol__": "path:demo::MNIST", "__kwargs__": [], "x": 1})"},
      {as<demo::MNIST>(), R"([1, 2])"},
      {as<demo::Transform>(),
       traced("demo::Compose", R"("transforms": [)" + kNormalize + R"(, {"__symbol__": 1}])")},
      {as<types::Vectors>(),
       traced("types::Vectors", R"("ints": [1, 2.5], "strings": [], "matrix": [])")},
      // What the parse refuses or reads another way: NaN (RapidJSON reads it), 0e400 beside a
      // zero double (RapidJSON refuses it), an integer past 64 bits.
      {as<types::Floats>(), traced("types::Floats", R"("d": NaN)")},
      {as<types::Floats>(), traced("types::Floats", R"("d": 0e400)")},
      {as<types::Floats>(), traced("types::Floats", R"("d": 0.0, "x": "1e999")")},
      {as<types::Floats>(), traced("types::Floats", R"("d": 184467440737095516160)")},
      {as<types::Floats>(), "{"},
  };
  for (const Case& c : cases) {
    EXPECT_FALSE(same_both_ways(c.load, c.json)) << "read from the tape: " << c.json;
  }
}

TEST(TapeLoad, LimitsAndAllowedSymbolsAsTheTree) {
  // Keys and symbols count too: "path:types::Text" is 16 bytes.
  nni::LoadOptions short_strings;
  short_strings.limits.max_string_bytes = 16;
  EXPECT_FALSE(same_both_ways(as<types::Text>(),
                              traced("types::Text", R"("s": "12345678901234567")"), short_strings));
  EXPECT_TRUE(same_both_ways(as<types::Text>(), traced("types::Text", R"("s": "1234567890123456")"),
                             short_strings));
  // The evaluator payload nests 10 containers ("mean" is the tenth). Under that limit the tape
  // reader declines, as the runtime's simdjson reader does, and RapidJSON decides as before.
  nni::LoadOptions shallow;
  for (std::size_t depth : {3, 9}) {
    shallow.limits.max_depth = depth;
    EXPECT_FALSE(same_both_ways(as<demo::DataLoader>(), kEvaluator, shallow)) << depth;
  }
  shallow.limits.max_depth = 10;
  EXPECT_TRUE(same_both_ways(as<demo::DataLoader>(), kEvaluator, shallow));
  nni::LoadOptions small;
  small.limits.max_payload_bytes = 10;
  EXPECT_FALSE(same_both_ways(as<demo::DataLoader>(), kEvaluator, small));

  nni::LoadOptions demo_only;
  demo_only.allowed_symbols = {"demo::*"};
  EXPECT_TRUE(same_both_ways(as<demo::DataLoader>(), kEvaluator, demo_only));
  demo_only.allowed_symbols = {"demo::DataLoader", "demo::MNIST"};
  EXPECT_FALSE(same_both_ways(as<demo::DataLoader>(), kEvaluator, demo_only));
}

// A constructor that loads again, on the same thread, while the outer load still reads its
// payload and plan: the second object must still get its own arguments.
TEST(TapeLoad, AConstructorThatLoadsAgain) {
  auto reloads = [](const std::string& s, const std::string& after) {
    return traced("types::Reloads", R"("payload": ")" + s + R"(", "after": )" + after);
  };
  std::string inner = R"({\"__symbol__\": \"path:types::Text\", \"__kwargs__\": {\"s\": \"in\"}})";
  std::string pair =
      traced("types::ReloadPair", R"("first": )" + reloads(inner, "[1.5]") + R"(, "second": )" +
                                      reloads(inner, "[2.5, 3]"));
  EXPECT_TRUE(same_both_ways(as<types::ReloadPair>(), pair));
  auto loaded = nni::load<types::ReloadPair>(pair);
  EXPECT_EQ(loaded->first->inner->s, "in");
  EXPECT_EQ(loaded->second->after, (std::vector<double>{2.5, 3}));

  // The inner load fails inside the constructor: the error has the outer argument's path.
  std::string bad =
      traced("types::ReloadPair", R"("first": )" + reloads(inner, "[1]") + R"(, "second": )" +
                                      reloads(R"({\"__symbol__\": 3})", "[]"));
  same_both_ways(as<types::ReloadPair>(), bad);  // the same error both ways
  try {
    nni::load<types::ReloadPair>(bad);
    ADD_FAILURE() << "no LoadError";
  } catch (const nni::LoadError& e) {
    EXPECT_EQ(e.path().rfind("/__kwargs__/second/", 0), 0u) << e.path() << ": " << e.what();
  }
}

}  // namespace
