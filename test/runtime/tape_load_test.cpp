// nni::load's two readers (docs/internals/loads.md): the tape reader (runtime/tape_load.cpp),
// which reads simdjson's tape and hands what it does not read itself to the tree reader (load.cpp)
// where it meets it, and the tree reader alone. Each case loads a payload both ways and requires
// the same outcome: the same dump, or the same LoadError (message and JSON path), with the same
// constructors run. This file is compiled into runtime_tests (generic builds) and
// runtime_tests_fast_loads (typed builds).
#include <gtest/gtest.h>

#include <cstddef>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "load_steps.h"
#include "models.h"

namespace {

// What a load produced, as text (the dump of the object, or the error), and how it was read.
struct Outcome {
  std::string text;
  int constructions = 0;       // of types::Counted and types::CountedList
  bool taken = false;          // the tape reader read it (it did not decline)
  std::size_t tree_reads = 0;  // objects and values the tape reader handed to the tree reader
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
  std::size_t loads = nni::detail::tape_load_count();
  std::size_t tree_reads = nni::detail::tape_tree_read_count();
  types::counted_constructions = 0;
  Outcome o;
  try {
    o.text = "ok " + load(json, options);
  } catch (const nni::LoadError& e) {
    o.text = std::string("LoadError ") + e.what();
  } catch (const std::exception& e) {
    o.text = std::string("other ") + e.what();
  }
  o.constructions = types::counted_constructions;
  o.taken = nni::detail::tape_load_count() != loads;
  o.tree_reads = nni::detail::tape_tree_read_count() - tree_reads;
  nni::detail::set_tape_loads(previous);
  return o;
}

// Loads `json` both ways; the outcomes must match. Returns how the tape reader read it.
Outcome same_both_ways(const Load& load, const std::string& json,
                       const nni::LoadOptions& options = {}) {
  Outcome tape = run(load, json, options, true);
  Outcome tree = run(load, json, options, false);
  EXPECT_FALSE(tree.taken);
  EXPECT_EQ(tape.text, tree.text) << "payload: " << json;
  EXPECT_EQ(tape.constructions, tree.constructions) << "payload: " << json;
  return tape;
}

// A payload, and what to load it as.
struct Case {
  Load load;
  std::string json;
};

bool read_from_tape_alone(const Outcome& o) { return o.taken && o.tree_reads == 0; }

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
  EXPECT_TRUE(read_from_tape_alone(same_both_ways(as<demo::DataLoader>(), kEvaluator)));
  EXPECT_EQ(nni::dump(nni::load<demo::DataLoader>(kEvaluator)), kEvaluator);
}

// Payloads the tape reader builds: each must come out as the tree reader's.
TEST(TapeLoad, BuildsWhatTheTreeBuilds) {
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
    EXPECT_TRUE(read_from_tape_alone(same_both_ways(c.load, c.json)))
        << "not read from the tape alone: " << c.json;
  }
}

// Values the tape reader hands to the tree reader where it meets them: types it has no TapeType
// for, and values its checks do not accept that the tree's codecs do (3.0 for an int).
TEST(TapeLoad, HandsTheRestToTheTreeWhereItIs) {
  const std::vector<Case> cases = {
      // Types the tape does not read: enums, maps, sets, optionals, unique_ptr, references.
      {as<types::Palette>(),
       traced(
           "types::Palette",
           R"("main": {"__enum__": {"__enum_instance_type__": ["types", "Color"], "name": "RED"}}, )"
           R"("weights": {"RED": 2}, "tags": {"__set__": ["a"]}, )"
           R"("fade": {"__timedelta__": null, "seconds": 1}, "gamma": 2.2)")},
      {as<types::Views>(), traced("types::Views", R"("name": "n", "label": "l")")},
      // Values the tree reads and the tape does not check: an integral float for an int.
      {as<demo::DataLoader>(),
       traced("demo::DataLoader", R"("dataset": )" + traced("demo::MNIST", R"("root": "r")") +
                                      R"(, "batch_size": 3.0)")},
  };
  for (const Case& c : cases) {
    Outcome o = same_both_ways(c.load, c.json);
    EXPECT_TRUE(o.taken && o.tree_reads > 0) << c.json;
    EXPECT_EQ(o.text.rfind("ok ", 0), 0u) << o.text;
  }
}

// Errors of every kind: the tape reader hands the object or value to the tree reader, which
// reports it, after building what it would have built anyway.
TEST(TapeLoad, TheTreeReportsEveryError) {
  const std::vector<Case> cases = {
      // Wrong types, ranges, names, symbols, shapes.
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
  };
  for (const Case& c : cases) {
    Outcome o = same_both_ways(c.load, c.json);
    EXPECT_TRUE(o.taken && o.tree_reads > 0) << c.json;
    EXPECT_EQ(o.text.rfind("LoadError ", 0), 0u) << o.text;
  }
}

std::string counted(int id) { return traced("types::Counted", R"("id": )" + std::to_string(id)); }

// The constructors a failed load runs are the tree reader's: those before the error, once each.
TEST(TapeLoad, BuildsWhatTheTreeBuildsBeforeAnError) {
  struct Counting {
    std::string kwargs;
    int constructions;  // by both readers
  };
  const std::vector<Counting> cases = {
      // All built, and the list itself.
      {R"("items": [)" + counted(1) + ", " + counted(2) + R"(], "last": )" + counted(3) +
           R"(, "n": 1)",
       4},
      // The last argument is wrong: everything before it is built.
      {R"("items": [)" + counted(1) + R"(], "last": )" + counted(2) + R"(, "n": "x")", 2},
      // An object the tape reader does not accept, after one it built.
      {R"("items": [)" + counted(1) + R"(], "last": {"__symbol__": "path:types::Nope"}, "n": 1)",
       1},
      // An element that is not an object: the tree reader reads the whole list, and builds the
      // element before it.
      {R"("items": [)" + counted(1) + ", 5, " + counted(3) + R"(], "last": null, "n": 1)", 1},
      // A constructor's argument out of range, inside the list.
      {R"("items": [)" + counted(1) +
           R"(, {"__symbol__": "path:types::Counted", )"
           R"("__kwargs__": {"id": 1e10}}], "last": null, "n": 1)",
       1},
  };
  for (const Counting& c : cases) {
    std::string json = traced("types::CountedList", c.kwargs);
    Outcome o = same_both_ways(as<types::CountedList>(), json);
    EXPECT_TRUE(o.taken) << json;
    EXPECT_EQ(o.constructions, c.constructions) << json << ": " << o.text;
  }
}

// What the tree reader refuses before it builds anything, the tape reader declines before it
// builds anything: the payload goes to the tree reader whole, from the same parse.
TEST(TapeLoad, DeclinesWhatTheTreeRefusesBeforeBuilding) {
  const std::string built_first = R"("items": [)" + counted(1) + R"(], "last": )" + counted(2);
  const std::vector<Case> cases = {
      // What the parse refuses or reads another way: NaN (RapidJSON reads it), 0e400 beside a
      // zero double (RapidJSON refuses it), an integer past 64 bits.
      {as<types::Floats>(), traced("types::Floats", R"("d": NaN)")},
      {as<types::Floats>(), traced("types::Floats", R"("d": 0e400)")},
      {as<types::Floats>(), traced("types::Floats", R"("d": 0.0, "x": "1e999")")},
      {as<types::Floats>(), traced("types::Floats", R"("d": 184467440737095516160)")},
      {as<types::Floats>(), "{"},
      // The zero that RapidJSON refuses comes after objects the tape reader would have built.
      {as<types::CountedList>(), traced("types::CountedList", built_first + R"(, "n": 0e400)")},
      {as<types::CountedList>(),
       traced("types::CountedList", built_first + R"(, "n": 1, "x": [-0.0, "e309"])")},
  };
  for (const Case& c : cases) {
    Outcome o = same_both_ways(c.load, c.json);
    EXPECT_FALSE(o.taken) << "read from the tape: " << c.json;
    EXPECT_EQ(o.constructions, 0) << c.json;
  }
}

TEST(TapeLoad, LimitsAndAllowedSymbolsAsTheTree) {
  // Keys and symbols count too: "path:types::Text" is 16 bytes.
  nni::LoadOptions short_strings;
  short_strings.limits.max_string_bytes = 16;
  EXPECT_FALSE(same_both_ways(as<types::Text>(),
                              traced("types::Text", R"("s": "12345678901234567")"), short_strings)
                   .taken);
  EXPECT_TRUE(same_both_ways(as<types::Text>(), traced("types::Text", R"("s": "1234567890123456")"),
                             short_strings)
                  .taken);
  // The evaluator payload nests 10 containers ("mean" is the tenth). Under that limit the tape
  // reader declines, as the runtime's simdjson reader does, and RapidJSON decides as before.
  nni::LoadOptions shallow;
  for (std::size_t depth : {3, 9}) {
    shallow.limits.max_depth = depth;
    EXPECT_FALSE(same_both_ways(as<demo::DataLoader>(), kEvaluator, shallow).taken) << depth;
  }
  shallow.limits.max_depth = 10;
  EXPECT_TRUE(same_both_ways(as<demo::DataLoader>(), kEvaluator, shallow).taken);
  // At the default max_depth (512), which the thread's simdjson parser enforces itself: the
  // tape reader measures nothing, and must still refuse one container more.
  for (int depth : {510, 511, 512, 513, 600}) {
    int arrays = depth - 2;  // inside the traced object and its "__kwargs__"
    std::string json = traced("demo::MNIST", R"("root": "r", "x": )" + std::string(arrays, '[') +
                                                 std::string(arrays, ']'));
    Outcome o = same_both_ways(as<demo::MNIST>(), json);
    EXPECT_NE(o.text.find(depth > 512 ? "nested deeper than 512" : "unexpected argument 'x'"),
              std::string::npos)
        << depth << ": " << o.text;
  }
  nni::LoadOptions small;
  small.limits.max_payload_bytes = 10;
  EXPECT_FALSE(same_both_ways(as<demo::DataLoader>(), kEvaluator, small).taken);

  nni::LoadOptions demo_only;
  demo_only.allowed_symbols = {"demo::*"};
  EXPECT_TRUE(same_both_ways(as<demo::DataLoader>(), kEvaluator, demo_only).taken);
  demo_only.allowed_symbols = {"demo::DataLoader", "demo::MNIST"};
  EXPECT_FALSE(same_both_ways(as<demo::DataLoader>(), kEvaluator, demo_only).taken);
  // A symbol outside the list after objects the tape reader would have built: nothing is.
  nni::LoadOptions counted_only;
  counted_only.allowed_symbols = {"types::Counted", "types::CountedList"};
  std::string json =
      traced("types::CountedList", R"("items": [)" + counted(1) + R"(], "last": )" +
                                       traced("types::Text", R"("s": "")") + R"(, "n": 1)");
  Outcome o = same_both_ways(as<types::CountedList>(), json, counted_only);
  EXPECT_FALSE(o.taken);
  EXPECT_EQ(o.constructions, 0);
  // ... and the same payload nested deeper than the limit (it counts containers: 4 here).
  nni::LoadOptions three_deep;
  three_deep.limits.max_depth = 3;
  o = same_both_ways(as<types::CountedList>(), json, three_deep);
  EXPECT_FALSE(o.taken);
  EXPECT_EQ(o.constructions, 0);
}

// A constructor that loads again, on the same thread, while the outer load still reads its
// payload: the second object must still get its own arguments.
TEST(TapeLoad, AConstructorThatLoadsAgain) {
  auto reloads = [](const std::string& s, const std::string& after) {
    return traced("types::Reloads", R"("payload": ")" + s + R"(", "after": )" + after);
  };
  std::string inner = R"({\"__symbol__\": \"path:types::Text\", \"__kwargs__\": {\"s\": \"in\"}})";
  std::string pair =
      traced("types::ReloadPair", R"("first": )" + reloads(inner, "[1.5]") + R"(, "second": )" +
                                      reloads(inner, "[2.5, 3]"));
  EXPECT_TRUE(read_from_tape_alone(same_both_ways(as<types::ReloadPair>(), pair)));
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
