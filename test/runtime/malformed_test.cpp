// A catalog of malformed payloads: each must make nni::load throw nni::LoadError (never another
// exception, a crash or a leak; the asan preset runs this under ASan + UBSan). Hand-written
// cases also check the exact JSON path (a JSON Pointer) and a piece of the message. Generated
// cases mutate the DESIGN.md evaluator payload deterministically: truncated at every offset,
// every structural character corrupted, every value replaced by each JSON type it cannot be,
// required keys deleted, keys renamed, symbols misspelled. The last section holds the inputs the
// fuzzer (fuzz/load_fuzzer) found, as regression cases. Catalog and findings: docs/hardening.md.
#include <gtest/gtest.h>

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <typeinfo>
#include <utility>
#include <vector>

#include "load_steps.h"
#include "models.h"

namespace {

// ---- outcome of one load ----

struct Outcome {
  bool load_error = false;
  std::string path;
  std::string what;
  std::string other;  // another exception: its type and message

  std::string describe() const {
    if (load_error) return "LoadError at '" + path + "': " + what;
    if (!other.empty()) return "not a LoadError: " + other;
    return "no exception";
  }
};

using Loader = std::function<void(std::string_view)>;

Outcome run_once(const Loader& load, std::string_view payload) {
  Outcome o;
  try {
    load(payload);
  } catch (const nni::LoadError& e) {
    o.load_error = true;
    o.path = e.path();
    o.what = e.what();
  } catch (const std::exception& e) {
    o.other = std::string(typeid(e).name()) + ": " + e.what();
  }
  return o;
}

// Runs the load with the tape reader and with the tree reader alone (runtime/load_steps.h): the
// two must agree on every payload, so a difference is reported as an outcome of its own.
Outcome run(const Loader& load, std::string_view payload) {
  Outcome o = run_once(load, payload);
  bool previous = nni::detail::set_tape_loads(false);
  Outcome tree = run_once(load, payload);
  nni::detail::set_tape_loads(previous);
  if (tree.describe() != o.describe()) {
    o.load_error = false;
    o.other = "the tape and tree readers disagree: " + o.describe() + " / " + tree.describe();
  }
  return o;
}

template <class T>
Loader typed(nni::LoadOptions options = {}) {
  return [options](std::string_view p) { (void)nni::load<T>(p, options); };
}

Loader untyped(nni::LoadOptions options = {}) {
  return [options](std::string_view p) { (void)nni::load(p, options); };
}

std::string show(std::string_view payload) {
  constexpr std::size_t kMax = 300;
  std::string s(payload.substr(0, kMax));
  if (payload.size() > kMax) s += "... (" + std::to_string(payload.size()) + " bytes)";
  return s;
}

// ---- hand-written cases: exact path ----

struct Case {
  const char* name;
  Loader load;
  std::string payload;
  std::string path;  // expected JSON Pointer
  std::string text;  // expected in what()
};

class Malformed : public ::testing::Test {};

class HandWritten : public Malformed {
 public:
  explicit HandWritten(Case c) : c_(std::move(c)) {}
  void TestBody() override {
    Outcome o = run(c_.load, c_.payload);
    ASSERT_TRUE(o.load_error) << o.describe() << "\npayload: " << show(c_.payload);
    EXPECT_EQ(o.path, c_.path) << o.what << "\npayload: " << show(c_.payload);
    EXPECT_NE(o.what.find(c_.text), std::string::npos)
        << "expected '" << c_.text << "' in: " << o.what << "\npayload: " << show(c_.payload);
  }

 private:
  Case c_;
};

const std::string kEvaluator =
    R"({"__symbol__": "path:demo::DataLoader", "__kwargs__": {"dataset": {"__symbol__": "path:demo::MNIST", "__kwargs__": {"root": "data/mnist", "train": false, "download": true, "transform": {"__symbol__": "path:demo::Compose", "__kwargs__": {"transforms": [{"__symbol__": "path:demo::Normalize", "__kwargs__": {"mean": [0.1307], "std": [0.3081]}}]}}}}, "batch_size": 100}})";

std::string mnist(const std::string& kwargs) {
  return R"({"__symbol__": "path:demo::MNIST", "__kwargs__": {)" + kwargs + "}}";
}
std::string loader(const std::string& kwargs) {
  return R"({"__symbol__": "path:demo::DataLoader", "__kwargs__": {)" + kwargs + "}}";
}
std::string scalars(const std::string& i, const std::string& i64 = "1",
                    const std::string& d = "1.0", const std::string& s = R"("")") {
  return R"({"__symbol__": "path:types::Scalars", "__kwargs__": {"b": true, "i": )" + i +
         R"(, "l": 1, "i64": )" + i64 + R"(, "d": )" + d + R"(, "s": )" + s + "}}";
}
std::string palette(const std::string& main, const std::string& weights = "{}",
                    const std::string& tags = R"({"__set__": []})",
                    const std::string& fade = R"({"__timedelta__": null})") {
  return R"({"__symbol__": "path:types::Palette", "__kwargs__": {"main": )" + main +
         R"(, "weights": )" + weights + R"(, "tags": )" + tags + R"(, "fade": )" + fade + "}}";
}
const std::string kGreen =
    R"({"__enum__": {"__enum_instance_type__": ["types", "Color"], "name": "GREEN"}})";
std::string raw_loader(const std::string& images) {
  return R"({"__symbol__": "path:types::RawLoader", "__kwargs__": {"images": )" + images +
         R"(, "batch_size": 4}})";
}

nni::LoadOptions small_documents() {
  nni::LoadOptions o;
  o.limits.max_payload_bytes = 1000;
  return o;
}
nni::LoadOptions shallow() {
  nni::LoadOptions o;
  o.limits.max_depth = 8;
  return o;
}

std::vector<Case> hand_written_cases() {
  using namespace demo;
  using namespace types;
  std::vector<Case> c;
  // Not JSON at all.
  c.push_back({"EmptyInput", typed<MNIST>(), "", "", "invalid JSON at offset 0"});
  c.push_back({"OnlyWhitespace", typed<MNIST>(), " \n\t ", "", "invalid JSON"});
  c.push_back({"TruncatedLiteral", typed<MNIST>(), "nul", "", "invalid JSON"});
  c.push_back({"TruncatedString", typed<MNIST>(), mnist(R"("root": "da)").substr(0, 60), "",
               "invalid JSON"});
  c.push_back({"TrailingGarbage", typed<Empty>(), R"({"__symbol__": "path:types::Empty"} x)", "",
               "invalid JSON"});
  c.push_back({"TwoDocuments", typed<Empty>(),
               R"({"__symbol__": "path:types::Empty"} {"__symbol__": "path:types::Empty"})", "",
               "invalid JSON"});
  c.push_back({"Comment", typed<Empty>(), R"({"__symbol__": "path:types::Empty"} /* c */)", "",
               "invalid JSON"});
  c.push_back({"SingleQuotes", typed<Empty>(), R"({'__symbol__': 'path:types::Empty'})", "",
               "invalid JSON"});
  c.push_back({"TrailingCommaInObject", typed<Empty>(), R"({"__symbol__": "path:types::Empty",})",
               "", "invalid JSON"});
  c.push_back(
      {"TrailingCommaInArray", typed<Normalize>(),
       R"({"__symbol__": "path:demo::Normalize", "__kwargs__": {"mean": [1.0,], "std": [1.0]}})",
       "", "invalid JSON"});
  c.push_back({"MissingColon", typed<Empty>(), R"({"__symbol__" "path:types::Empty"})", "",
               "invalid JSON"});
  c.push_back(
      {"UnquotedKey", typed<Empty>(), R"({__symbol__: "path:types::Empty"})", "", "invalid JSON"});
  c.push_back({"InvalidUtf8InString", typed<Text>(),
               "{\"__symbol__\": \"path:types::Text\", \"__kwargs__\": {\"s\": \"\xff\xfe\"}}", "",
               "invalid JSON"});
  c.push_back({"OverlongUtf8InString", typed<Text>(),
               "{\"__symbol__\": \"path:types::Text\", \"__kwargs__\": {\"s\": \"\xc0\xaf\"}}", "",
               "invalid JSON"});
  c.push_back({"LoneHighSurrogateEscape", typed<Text>(),
               R"({"__symbol__": "path:types::Text", "__kwargs__": {"s": "\ud800"}})", "",
               "invalid JSON"});
  c.push_back({"RawControlCharacterInString", typed<Text>(),
               std::string(R"({"__symbol__": "path:types::Text", "__kwargs__": {"s": "a)") +
                   '\x01' + R"("}})",
               "", "invalid JSON"});
  c.push_back({"BadEscape", typed<Text>(),
               R"({"__symbol__": "path:types::Text", "__kwargs__": {"s": "\q"}})", "",
               "invalid JSON"});
  c.push_back({"NumberTooBigForADouble", typed<Floats>(),
               R"({"__symbol__": "path:types::Floats", "__kwargs__": {"d": 1e400}})", "",
               "invalid JSON"});
  c.push_back({"LeadingZero", typed<Floats>(),
               R"({"__symbol__": "path:types::Floats", "__kwargs__": {"d": 01}})", "",
               "invalid JSON"});
  c.push_back({"LowercaseNan", typed<Floats>(),
               R"({"__symbol__": "path:types::Floats", "__kwargs__": {"d": nan}})", "",
               "invalid JSON"});
  // Limits.
  c.push_back({"NestedPastMaxDepthInAnArgument", typed<Normalize>(),
               R"({"__symbol__": "path:demo::Normalize", "__kwargs__": {"mean": )" +
                   std::string(600, '[') + std::string(600, ']') + R"(, "std": [1.0]}})",
               "", "nested deeper than 512"});
  c.push_back(
      {"NestedPastAConfiguredDepth", typed<Vectors>(shallow()),
       R"({"__symbol__": "path:types::Vectors", "__kwargs__": {"ints": [], "strings": [], "matrix": [[[[[[[[[]]]]]]]]]}})",
       "", "nested deeper than 8"});
  c.push_back({"GiganticStringPastThePayloadLimit", typed<Text>(small_documents()),
               R"({"__symbol__": "path:types::Text", "__kwargs__": {"s": ")" +
                   std::string(5000, 'x') + R"("}})",
               "", "1000"});
  // The traced object itself.
  c.push_back({"RootIsAnArray", typed<MNIST>(), "[1, 2]", "", "expected a traced object"});
  c.push_back({"RootIsNull", typed<MNIST>(), "null", "", "expected a traced object"});
  c.push_back(
      {"RootIsAString", typed<MNIST>(), R"("path:demo::MNIST")", "", "expected a traced object"});
  c.push_back({"RootIsANumber", typed<MNIST>(), "3", "", "expected a traced object"});
  c.push_back(
      {"MissingSymbol", typed<MNIST>(), R"({"__kwargs__": {"root": "x"}})", "", "__symbol__"});
  c.push_back({"EmptyObject", typed<MNIST>(), "{}", "", "__symbol__"});
  c.push_back({"SymbolNotAString", typed<MNIST>(), R"({"__symbol__": 1})", "/__symbol__",
               "expected a string"});
  c.push_back(
      {"SymbolEmpty", typed<MNIST>(), R"({"__symbol__": ""})", "/__symbol__", "unknown symbol"});
  c.push_back({"SymbolOnlyPrefix", typed<MNIST>(), R"({"__symbol__": "path:"})", "/__symbol__",
               "unknown symbol"});
  c.push_back({"SymbolUnknown", typed<MNIST>(), R"({"__symbol__": "path:demo::Nope"})",
               "/__symbol__", "unknown symbol 'path:demo::Nope'"});
  c.push_back({"SymbolWithPythonDots", typed<MNIST>(), R"({"__symbol__": "path:demo.MNIST"})",
               "/__symbol__", "unknown symbol"});
  c.push_back({"SymbolOfAnotherClass", typed<DataLoader>(), mnist(R"("root": "x")"), "/__symbol__",
               "demo::DataLoader"});
  c.push_back({"SymbolNotADerivedClass", typed<Transform>(),
               R"({"__symbol__": "path:types::Unrelated", "__kwargs__": {"x": 1}})", "/__symbol__",
               "is not a 'demo::Transform'"});
  c.push_back(
      {"FactorySymbolForAnotherClass", typed<DataLoader>(),
       R"({"__symbol__": "path:demo::create_mnist_dataset", "__kwargs__": {"root": "r", "transform": null}})",
       "/__symbol__", "demo::DataLoader"});
  c.push_back({"UnexpectedKey", typed<Empty>(),
               R"({"__symbol__": "path:types::Empty", "extra": 1})", "/extra",
               "unexpected key 'extra'"});
  c.push_back({"KwargsIsAnArray", typed<MNIST>(),
               R"({"__symbol__": "path:demo::MNIST", "__kwargs__": ["x"]})", "/__kwargs__",
               "expected an object"});
  c.push_back({"KwargsIsNull", typed<MNIST>(),
               R"({"__symbol__": "path:demo::MNIST", "__kwargs__": null})", "/__kwargs__",
               "expected an object"});
  c.push_back({"ArgsIsAnObject", typed<MNIST>(),
               R"({"__symbol__": "path:demo::MNIST", "__args__": {"root": "x"}})", "/__args__",
               "expected an array"});
  // Arguments.
  c.push_back({"MissingRequiredArgument", typed<MNIST>(), mnist(R"("train": true)"), "",
               "missing required argument 'root'"});
  c.push_back({"UnexpectedArgument", typed<MNIST>(), mnist(R"("root": "x", "colour": 1)"),
               "/__kwargs__/colour", "unexpected argument 'colour'"});
  c.push_back({"UnexpectedArgumentNameEscaped", typed<MNIST>(), mnist(R"("root": "x", "a/b~c": 1)"),
               "/__kwargs__/a~1b~0c", "unexpected argument"});
  c.push_back({"StringGivenANumber", typed<MNIST>(), mnist(R"("root": 5)"), "/__kwargs__/root",
               "expected a string"});
  c.push_back({"BoolGivenAnInteger", typed<MNIST>(), mnist(R"("root": "x", "train": 1)"),
               "/__kwargs__/train", "expected a bool, got 1"});
  c.push_back({"BoolGivenAString", typed<MNIST>(), mnist(R"("root": "x", "train": "true")"),
               "/__kwargs__/train", "expected a bool"});
  c.push_back({"WrongTypeDeepInside", typed<DataLoader>(),
               loader(R"("dataset": )" + mnist(R"("root": "data/mnist", "train": 1)")),
               "/__kwargs__/dataset/__kwargs__/train", "expected a bool, got 1"});
  c.push_back({"UnexpectedKeyInANestedObject", typed<DataLoader>(),
               loader(R"("dataset": {"__symbol__": "path:demo::MNIST", "extra": 1})"),
               "/__kwargs__/dataset/extra", "unexpected key 'extra'"});
  c.push_back(
      {"NestedObjectOfAnUnrelatedClass", typed<MNIST>(),
       mnist(
           R"("root": "x", "train": true, "download": false, "transform": {"__symbol__": "path:types::Unrelated", "__kwargs__": {"x": 1}})"),
       "/__kwargs__/transform/__symbol__", "is not a 'demo::Transform'"});
  c.push_back(
      {"UnrelatedClassInsideAVector", typed<Compose>(),
       R"({"__symbol__": "path:demo::Compose", "__kwargs__": {"transforms": [{"__symbol__": "path:types::Unrelated", "__kwargs__": {"x": 1}}]}})",
       "/__kwargs__/transforms/0/__symbol__", "is not a 'demo::Transform'"});
  c.push_back({"TracedArgumentGivenAString", typed<DataLoader>(), loader(R"("dataset": "mnist")"),
               "/__kwargs__/dataset", "expected a traced object"});
  c.push_back(
      {"WrongTypeInsideAVector", typed<Normalize>(),
       R"({"__symbol__": "path:demo::Normalize", "__kwargs__": {"mean": [1.0, "x"], "std": [1.0]}})",
       "/__kwargs__/mean/1", "expected a number, got a string"});
  c.push_back(
      {"VectorGivenAnObject", typed<Normalize>(),
       R"({"__symbol__": "path:demo::Normalize", "__kwargs__": {"mean": {"0": 1.0}, "std": [1.0]}})",
       "/__kwargs__/mean", "expected an array"});
  c.push_back(
      {"InnerVectorNotAnArray", typed<Vectors>(),
       R"({"__symbol__": "path:types::Vectors", "__kwargs__": {"ints": [], "strings": [], "matrix": [[1.0], 2.0]}})",
       "/__kwargs__/matrix/1", "expected an array"});
  c.push_back(
      {"TracedElementNotAnObject", typed<Holder>(),
       R"({"__symbol__": "path:types::Holder", "__kwargs__": {"traced": null, "shared": null, "many": [{"__symbol__": "path:types::Empty"}, 3]}})",
       "/__kwargs__/many/1", "expected a traced object"});
  c.push_back({"PositionalArgumentWrongType", typed<Normalize>(),
               R"({"__symbol__": "path:demo::Normalize", "__args__": [[1.0], true]})",
               "/__args__/1", "expected an array, got true"});
  // Numbers.
  c.push_back({"NonIntegralInteger", typed<Scalars>(), scalars("2.5"), "/__kwargs__/i",
               "expected an integer, got 2.5"});
  c.push_back(
      {"IntAboveRange", typed<Scalars>(), scalars("2147483648"), "/__kwargs__/i", "out of range"});
  c.push_back(
      {"IntBelowRange", typed<Scalars>(), scalars("-2147483649"), "/__kwargs__/i", "out of range"});
  c.push_back({"Int64AboveRange", typed<Scalars>(), scalars("1", "9223372036854775808"),
               "/__kwargs__/i64", "out of range"});
  c.push_back({"Int64HugeFloat", typed<Scalars>(), scalars("1", "1e300"), "/__kwargs__/i64",
               "out of range"});
  c.push_back({"IntGivenNaN", typed<Scalars>(), scalars("NaN"), "/__kwargs__/i", ""});
  c.push_back({"IntGivenInfinity", typed<Scalars>(), scalars("-Infinity"), "/__kwargs__/i", ""});
  c.push_back({"Int8AboveRange", typed<Small>(),
               R"({"__symbol__": "path:types::Small", "__kwargs__": {"v": 128}})", "/__kwargs__/v",
               "integer 128 is out of range [-128, 127]"});
  c.push_back({"Int8BelowRange", typed<Small>(),
               R"({"__symbol__": "path:types::Small", "__kwargs__": {"v": -129}})", "/__kwargs__/v",
               "out of range"});
  c.push_back({"DoubleGivenAString", typed<Scalars>(), scalars("1", "1", R"("1.0")"),
               "/__kwargs__/d", "expected a number"});
  c.push_back({"DoubleGivenNull", typed<Floats>(),
               R"({"__symbol__": "path:types::Floats", "__kwargs__": {"d": null}})",
               "/__kwargs__/d", "expected a number"});
  c.push_back({"BatchSizeGivenABool", typed<DataLoader>(),
               loader(R"("dataset": null, "batch_size": true)"), "/__kwargs__/batch_size", ""});
  // json-tricks encodings.
  c.push_back(
      {"EnumUnknownEnumerator", typed<Palette>(),
       palette(R"({"__enum__": {"__enum_instance_type__": ["types", "Color"], "name": "PURPLE"}})"),
       "/__kwargs__/main/__enum__/name", "PURPLE"});
  c.push_back(
      {"EnumGivenAPlainString", typed<Palette>(), palette(R"("GREEN")"), "/__kwargs__/main", ""});
  c.push_back(
      {"EnumOfAnotherType", typed<Palette>(),
       palette(R"({"__enum__": {"__enum_instance_type__": ["demo", "Shade"], "name": "GREEN"}})"),
       "/__kwargs__/main/__enum__/__enum_instance_type__", "demo.Shade"});
  c.push_back({"EnumKeyUnknown", typed<Palette>(), palette(kGreen, R"({"PURPLE": 1})"),
               "/__kwargs__/weights/PURPLE", "PURPLE"});
  c.push_back({"SetGivenAList", typed<Palette>(), palette(kGreen, "{}", R"(["x"])"),
               "/__kwargs__/tags", ""});
  c.push_back({"SetElementWrongType", typed<Palette>(),
               palette(kGreen, "{}", R"({"__set__": ["x", 1]})"), "/__kwargs__/tags/__set__/1",
               "expected a string"});
  c.push_back(
      {"TimedeltaFieldWrongType", typed<Palette>(),
       palette(kGreen, "{}", R"({"__set__": []})", R"({"__timedelta__": null, "days": "1"})"),
       "/__kwargs__/fade/days", "expected a number"});
  c.push_back({"TimedeltaGivenANumber", typed<Palette>(),
               palette(kGreen, "{}", R"({"__set__": []})", "90"), "/__kwargs__/fade", ""});
  c.push_back({"BinaryObjectNotBase64", typed<RawLoader>(),
               raw_loader(R"({"__nni_obj__": "@@@@"})"), "/__kwargs__/images/__nni_obj__",
               "base64"});
  c.push_back({"BinaryObjectBadLength", typed<RawLoader>(), raw_loader(R"({"__nni_obj__": "AQI"})"),
               "/__kwargs__/images/__nni_obj__", "base64"});
  c.push_back({"BinaryObjectTruncatedArchive", typed<RawLoader>(),
               raw_loader(R"({"__nni_obj__": "AQQAAAAAAAAAcm9v"})"), "/__kwargs__/images",
               "types::RawImages"});
  c.push_back({"BinaryObjectNotAString", typed<RawLoader>(), raw_loader(R"({"__nni_obj__": 12})"),
               "/__kwargs__/images/__nni_obj__", "expected a string"});
  c.push_back({"BinaryObjectGivenAList", typed<RawLoader>(), raw_loader("[1, 2]"),
               "/__kwargs__/images", ""});
  // Untyped loads check the same structure.
  c.push_back({"UntypedTruncated", untyped(), kEvaluator.substr(0, 100), "", "invalid JSON"});
  c.push_back({"UntypedSymbolNotAString", untyped(), R"([{"__symbol__": 1}])", "/0/__symbol__",
               "expected a string"});
  c.push_back({"UntypedKwargsNotAnObject", untyped(),
               R"({"a": {"__symbol__": "path:demo::MNIST", "__kwargs__": 1}})", "/a/__kwargs__",
               "expected an object"});
  c.push_back({"UntypedDeepNesting", untyped(), std::string(100000, '[') + std::string(100000, ']'),
               "", "nested deeper than 512"});
  return c;
}

// ---- the fuzzer's findings (fuzz/load_fuzzer; docs/hardening.md) ----

// Finding 1 (UBSan): RapidJSON 1.1.0 with kParseFullPrecisionFlag calls __builtin_clzll(0) in
// internal::DiyFp::Normalize for a number with an all-zero significand and a large exponent.
// The fuzzer's input: the indented evaluator payload with `0e308` and a stray byte in a symbol.
const std::string kFinding1 =
    "{\n  \"__symbol__\": \"path:demo::DataLoader\",\n  \"__kwargs__\": {\n    \"dataset\": {\n"
    "      \"__symbol__\": 0e308\xc6\x95"
    "emo::MNIST\",\n      \"__kwargs__\": {\n"
    "        \"root\": \"data/mnist\"";

// Finding 2: a lone low surrogate escape loaded into a std::string that is not UTF-8 (and that
// nni::dump then refused). Refused at parse time, with the byte offset.
// Finding 3: a binary object whose archive declares a huge string length makes cereal allocate
// it (0x0400000000000001 bytes here): std::bad_alloc escaped nni::load; under ASan the
// allocation itself aborts. A declared length of 1 GiB loads a 123-byte payload into 1 GiB of
// resident memory before the LoadError (docs/hardening.md).
std::vector<Case> fuzzer_findings() {
  using namespace types;
  std::vector<Case> c;
  c.push_back({"Fuzz1_ZeroWithLargeExponentInBrokenJson", typed<demo::DataLoader>(), kFinding1, "",
               "invalid JSON"});
  c.push_back({"Fuzz2_LoneLowSurrogateEscape", typed<Text>(),
               R"({"__symbol__": "path:types::Text", "__kwargs__": {"s": "\ude00"}})", "",
               "surrogate"});
  c.push_back(
      {"Fuzz2_LoneLowSurrogateEscapeUntyped", untyped(), R"("\u8d3d\ude00")", "", "surrogate"});
  c.push_back(
      {"Fuzz3_BinaryObjectDeclaresAHugeString", typed<RawLoader>(),
       R"({"__symbol__": "path:types::RawLoader", "__kwargs__": {"images": {"__nni_obj__": "AAQAAAAAAAAAcm4vdAQAAAAAAAAAAQID/w=="}, "batch_size": 3}})",
       "/__kwargs__/images", "types::RawImages"});
  return c;
}

// Finding 1's minimal input is valid JSON: it must load, as 0.0, with no undefined behaviour.
TEST_F(Malformed, Fuzz1_ZeroWithLargeExponentLoadsAsZero) {
  for (const char* zero : {"0e308", "0.000e50", "-0e300"}) {
    std::string p =
        std::string(R"({"__symbol__": "path:types::Floats", "__kwargs__": {"d": )") + zero + "}}";
    Outcome o;
    double d = -1;
    try {
      d = nni::load<types::Floats>(p)->d;
    } catch (const std::exception& e) {
      o.other = e.what();
    }
    EXPECT_TRUE(o.other.empty()) << zero << ": " << o.other;
    EXPECT_EQ(d, 0.0) << zero;
  }
}

// ---- generated cases: mutations of the evaluator payload ----

// A small JSON tree that knows what each value is to the loader, so that mutations know which
// replacements must fail.
enum class Role { Root, Symbol, Kwargs, Traced, String, Bool, Int, Double, Array, Optional };

struct Member;  // {key, value}: a struct, as std::pair would need Node complete here

struct Node {
  Role role;
  std::string scalar;           // literal text of a scalar
  std::vector<Member> members;  // objects
  std::vector<Node> items;      // arrays
  bool object = false, array = false;
  bool required = true;  // as a member of __kwargs__: deleting it must fail
};

struct Member {
  std::string first;
  Node second;
};

Node scalar(Role role, std::string text, bool required = true) {
  Node n;
  n.role = role;
  n.scalar = std::move(text);
  n.required = required;
  return n;
}
Node array(std::vector<Node> items, bool required = true) {
  Node n;
  n.role = Role::Array;
  n.array = true;
  n.items = std::move(items);
  n.required = required;
  return n;
}
Node traced(const std::string& symbol, std::vector<Member> kwargs, bool required = true) {
  Node k;
  k.role = Role::Kwargs;
  k.object = true;
  k.members = std::move(kwargs);
  Node n;
  n.role = Role::Traced;
  n.object = true;
  n.required = required;
  n.members = {{"__symbol__", scalar(Role::Symbol, "\"" + symbol + "\"")}, {"__kwargs__", k}};
  return n;
}

void write(const Node& n, std::string& out) {
  if (n.object) {
    out += '{';
    for (std::size_t i = 0; i < n.members.size(); ++i) {
      if (i) out += ", ";
      out += '"' + n.members[i].first + "\": ";
      write(n.members[i].second, out);
    }
    out += '}';
  } else if (n.array) {
    out += '[';
    for (std::size_t i = 0; i < n.items.size(); ++i) {
      if (i) out += ", ";
      write(n.items[i], out);
    }
    out += ']';
  } else {
    out += n.scalar;
  }
}

std::string text(const Node& n) {
  std::string out;
  write(n, out);
  return out;
}

Node evaluator_tree() {
  Node normalize =
      traced("path:demo::Normalize", {{"mean", array({scalar(Role::Double, "0.1307")})},
                                      {"std", array({scalar(Role::Double, "0.3081")})}});
  Node compose = traced("path:demo::Compose", {{"transforms", array({normalize})}}, false);
  Node mnist = traced("path:demo::MNIST", {{"root", scalar(Role::String, "\"data/mnist\"")},
                                           {"train", scalar(Role::Bool, "false", false)},
                                           {"download", scalar(Role::Bool, "true", false)},
                                           {"transform", compose}});
  Node root = traced("path:demo::DataLoader",
                     {{"dataset", mnist}, {"batch_size", scalar(Role::Int, "100", false)}});
  root.role = Role::Root;
  return root;
}

std::string escape_pointer(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '~') {
      out += "~0";
    } else if (ch == '/') {
      out += "~1";
    } else {
      out += ch;
    }
  }
  return out;
}

struct Mutation {
  std::string name;
  std::string payload;
  std::string path;  // expected path; "*" when only a LoadError is required
};

// Visits every node below `n` with its JSON Pointer; `edit` receives a mutable reference into a
// fresh copy of the whole tree, so each mutation starts from the valid payload.
void visit(
    const Node& root,
    const std::function<void(const std::string& path, const Node& node,
                             const std::function<std::string(const std::function<void(Node&)>&)>&)>&
        f) {
  // Paths to nodes as index lists: (is_member, index).
  std::function<void(const Node&, std::vector<std::pair<bool, std::size_t>>&, const std::string&)>
      walk = [&](const Node& n, std::vector<std::pair<bool, std::size_t>>& at,
                 const std::string& path) {
        auto mutate = [&](const std::function<void(Node&)>& edit) {
          Node copy = root;
          Node* p = &copy;
          for (auto [member, i] : at) p = member ? &p->members[i].second : &p->items[i];
          edit(*p);
          return text(copy);
        };
        if (!at.empty()) f(path, n, mutate);
        for (std::size_t i = 0; i < n.members.size(); ++i) {
          at.push_back({true, i});
          walk(n.members[i].second, at, path + "/" + escape_pointer(n.members[i].first));
          at.pop_back();
        }
        for (std::size_t i = 0; i < n.items.size(); ++i) {
          at.push_back({false, i});
          walk(n.items[i], at, path + "/" + std::to_string(i));
          at.pop_back();
        }
      };
  std::vector<std::pair<bool, std::size_t>> at;
  walk(root, at, "");
}

// Replacements of each JSON type, and which roles accept them (those are not malformed).
struct Replacement {
  const char* name;
  const char* text;
};
const Replacement kReplacements[] = {{"Null", "null"}, {"True", "true"},    {"Int", "7"},
                                     {"Float", "2.5"}, {"String", "\"s\""}, {"Array", "[]"},
                                     {"Object", "{}"}};

bool accepted(Role role, const std::string& name, const std::string& key) {
  switch (role) {
    case Role::Traced: return name == "Null";    // a null shared_ptr
    case Role::Kwargs: return name == "Object";  // {}: covered by DeletedKeys
    case Role::String: return name == "String";
    case Role::Bool: return name == "True";
    case Role::Int: return name == "Int";
    case Role::Double: return name == "Int" || name == "Float";
    case Role::Array: return name == "Array";  // an empty vector
    default: break;
  }
  (void)key;
  return false;
}

std::vector<Mutation> flipped_types() {
  std::vector<Mutation> out;
  visit(evaluator_tree(), [&](const std::string& path, const Node& n, const auto& mutate) {
    for (const Replacement& r : kReplacements) {
      if (accepted(n.role, r.name, path)) continue;
      out.push_back({"flip " + path + " to " + r.name,
                     mutate([&](Node& target) { target = scalar(n.role, r.text); }), path});
    }
  });
  return out;
}

std::vector<Mutation> deleted_keys() {
  std::vector<Mutation> out;
  visit(evaluator_tree(), [&](const std::string& path, const Node& n, const auto& mutate) {
    for (std::size_t i = 0; i < n.members.size(); ++i) {
      const auto& [key, value] = n.members[i];
      bool must_fail = key == "__symbol__" || key == "__kwargs__" || value.required;
      if (!must_fail) continue;
      // Deleting a member is reported at the traced object that misses it.
      std::string at = n.role == Role::Kwargs ? path.substr(0, path.rfind('/')) : path;
      out.push_back(
          {"delete " + path + "/" + key,
           mutate([&](Node& target) { target.members.erase(target.members.begin() + i); }), at});
    }
  });
  // The root's own keys.
  Node root = evaluator_tree();
  for (std::size_t i = 0; i < root.members.size(); ++i) {
    Node copy = root;
    copy.members.erase(copy.members.begin() + i);
    out.push_back({"delete /" + root.members[i].first, text(copy), ""});
  }
  return out;
}

std::vector<Mutation> renamed_keys() {
  std::vector<Mutation> out;
  auto add = [&](const std::string& path, const auto& mutate, const Node& n) {
    for (std::size_t i = 0; i < n.members.size(); ++i) {
      out.push_back({"rename " + path + "/" + n.members[i].first,
                     mutate([&](Node& target) { target.members[i].first += "_x"; }), "*"});
    }
  };
  visit(evaluator_tree(),
        [&](const std::string& path, const Node& n, const auto& mutate) { add(path, mutate, n); });
  Node root = evaluator_tree();
  for (std::size_t i = 0; i < root.members.size(); ++i) {
    Node copy = root;
    copy.members[i].first += "_x";
    out.push_back({"rename /" + root.members[i].first, text(copy), "*"});
  }
  return out;
}

std::vector<Mutation> misspelled_symbols() {
  std::vector<Mutation> out;
  visit(evaluator_tree(), [&](const std::string& path, const Node& n, const auto& mutate) {
    if (n.role != Role::Symbol) return;
    const std::string s = n.scalar.substr(1, n.scalar.size() - 2);  // without quotes
    const std::string variants[] = {s + "X",
                                    s.substr(0, s.size() - 1),
                                    "path:" + s,
                                    "PATH:" + s.substr(5),
                                    s.substr(0, 5) + "::" + s.substr(5),
                                    s + " "};
    for (const std::string& v : variants) {
      out.push_back({"symbol " + path + " = " + v,
                     mutate([&](Node& target) { target.scalar = "\"" + v + "\""; }), path});
    }
  });
  return out;
}

std::vector<Mutation> out_of_range_numbers() {
  std::vector<Mutation> out;
  for (const char* v : {"2147483648", "-2147483649", "9223372036854775808", "1e20", "2.5", "-0.5",
                        "NaN", "Infinity", "-Infinity", "18446744073709551616"}) {
    Node root = evaluator_tree();
    root.members[1].second.members[1].second.scalar = v;
    out.push_back({std::string("batch_size = ") + v, text(root), "/__kwargs__/batch_size"});
  }
  return out;
}

std::vector<Mutation> truncations() {
  std::vector<Mutation> out;
  for (std::size_t i = 0; i < kEvaluator.size(); ++i) {
    out.push_back({"truncated at " + std::to_string(i), kEvaluator.substr(0, i), ""});
  }
  return out;
}

// Every structural character outside strings replaced by '#', which JSON never allows there.
std::vector<Mutation> corrupted_structure() {
  std::vector<Mutation> out;
  bool in_string = false;
  for (std::size_t i = 0; i < kEvaluator.size(); ++i) {
    char ch = kEvaluator[i];
    bool structural =
        !in_string && (ch == '{' || ch == '}' || ch == '[' || ch == ']' || ch == ':' || ch == ',');
    if (ch == '"' && (i == 0 || kEvaluator[i - 1] != '\\')) {
      structural = true;
      in_string = !in_string;
    }
    if (!structural) continue;
    std::string p = kEvaluator;
    p[i] = '#';
    out.push_back({"'#' at " + std::to_string(i), p, ""});
  }
  return out;
}

std::size_t g_catalog_size = 0;

void check_all(const std::vector<Mutation>& cases) {
  ASSERT_FALSE(cases.empty());
  g_catalog_size += cases.size();
  int failures = 0;
  for (const Mutation& m : cases) {
    Outcome o = run(typed<demo::DataLoader>(), m.payload);
    bool ok = o.load_error && (m.path == "*" || o.path == m.path);
    if (!ok) {
      ++failures;
      ADD_FAILURE() << m.name << ": expected a LoadError at '" << m.path << "', got "
                    << o.describe() << "\npayload: " << show(m.payload);
    }
  }
  EXPECT_EQ(failures, 0) << "of " << cases.size() << " cases";
}

TEST_F(Malformed, ValidPayloadLoads) {
  // The mutations start from a payload that loads, and that the tree writes byte for byte.
  ASSERT_EQ(text(evaluator_tree()), kEvaluator);
  EXPECT_EQ(nni::dump(nni::load<demo::DataLoader>(kEvaluator)), kEvaluator);
}

TEST_F(Malformed, TruncatedAtEveryOffset) { check_all(truncations()); }
TEST_F(Malformed, StructuralCharacterCorrupted) { check_all(corrupted_structure()); }
TEST_F(Malformed, ValueOfAnotherJsonType) { check_all(flipped_types()); }
TEST_F(Malformed, RequiredKeyDeleted) { check_all(deleted_keys()); }
TEST_F(Malformed, KeyRenamed) { check_all(renamed_keys()); }
TEST_F(Malformed, SymbolMisspelled) { check_all(misspelled_symbols()); }
TEST_F(Malformed, BatchSizeOutOfRangeOrNotAnInteger) { check_all(out_of_range_numbers()); }

TEST_F(Malformed, CatalogHasAtLeast100Cases) {
  std::size_t generated = truncations().size() + corrupted_structure().size() +
                          flipped_types().size() + deleted_keys().size() + renamed_keys().size() +
                          misspelled_symbols().size() + out_of_range_numbers().size();
  std::size_t hand = hand_written_cases().size() + fuzzer_findings().size();
  RecordProperty("generated", static_cast<int>(generated));
  RecordProperty("hand_written", static_cast<int>(hand));
  std::printf("malformed catalog: %zu hand-written (with paths), %zu generated\n", hand, generated);
  EXPECT_GE(hand, 50u);
  EXPECT_GE(hand + generated, 100u);
}

// Registers each hand-written case as a test of its own: Malformed.<name>.
const bool kRegistered = [] {
  for (std::vector<Case>* list :
       {new std::vector<Case>(hand_written_cases()), new std::vector<Case>(fuzzer_findings())}) {
    for (Case& c : *list) {
      ::testing::RegisterTest("Malformed", c.name, nullptr, nullptr, __FILE__, __LINE__,
                              [c]() -> Malformed* { return new HandWritten(c); });
    }
    delete list;
  }
  return true;
}();

}  // namespace
