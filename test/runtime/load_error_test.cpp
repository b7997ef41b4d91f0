// Bad payloads throw nni::LoadError naming the JSON path and what was expected.
#include <gtest/gtest.h>

#include <string>

#include "load_error_helper.h"
#include "models.h"
#include "objects.h"

namespace {

#define EXPECT_LOAD_ERROR(T, payload, expected_path, expected_text)          \
  do {                                                                       \
    nni::LoadError e_ = load_error<T>(payload);                              \
    EXPECT_EQ(e_.path(), expected_path) << e_.what();                        \
    EXPECT_NE(std::string(e_.what()).find(expected_text), std::string::npos) \
        << "message: " << e_.what();                                         \
  } while (0)

TEST(LoadError, UnknownSymbol) {
  EXPECT_LOAD_ERROR(demo::MNIST, R"({"__symbol__": "path:demo::Nope"})", "/__symbol__",
                    "unknown symbol 'path:demo::Nope'");
}

TEST(LoadError, MissingRequiredArgument) {
  EXPECT_LOAD_ERROR(demo::MNIST,
                    R"({"__symbol__": "path:demo::MNIST", "__kwargs__": {"train": true}})", "",
                    "missing required argument 'root'");
}

TEST(LoadError, UnexpectedArgument) {
  EXPECT_LOAD_ERROR(
      demo::MNIST,
      R"({"__symbol__": "path:demo::MNIST", "__kwargs__": {"root": "x", "colour": 1}})",
      "/__kwargs__/colour", "unexpected argument 'colour'");
}

TEST(LoadError, WrongJsonTypeDeepInside) {
  std::string payload =
      R"({"__symbol__": "path:demo::DataLoader", "__kwargs__": {"dataset": {"__symbol__": "path:demo::MNIST", "__kwargs__": {"root": "data/mnist", "train": 1}}}})";
  EXPECT_LOAD_ERROR(demo::DataLoader, payload, "/__kwargs__/dataset/__kwargs__/train",
                    "expected a bool, got 1");
}

TEST(LoadError, WrongTypeInsideAVector) {
  EXPECT_LOAD_ERROR(
      demo::Normalize,
      R"({"__symbol__": "path:demo::Normalize", "__kwargs__": {"mean": [1.0, "x"], "std": [1.0]}})",
      "/__kwargs__/mean/1", "expected a number, got a string");
}

TEST(LoadError, PositionalArgumentPath) {
  EXPECT_LOAD_ERROR(demo::Normalize,
                    R"({"__symbol__": "path:demo::Normalize", "__args__": [[1.0], true]})",
                    "/__args__/1", "expected an array, got true");
}

TEST(LoadError, NonIntegralInteger) {
  EXPECT_LOAD_ERROR(
      types::Scalars,
      R"({"__symbol__": "path:types::Scalars", "__kwargs__": {"b": true, "i": 2.5, "l": 1, "i64": 1, "d": 1.0, "s": ""}})",
      "/__kwargs__/i", "expected an integer, got 2.5");
}

TEST(LoadError, OutOfRangeIntegers) {
  EXPECT_LOAD_ERROR(types::Small,
                    R"({"__symbol__": "path:types::Small", "__kwargs__": {"v": 128}})",
                    "/__kwargs__/v", "integer 128 is out of range [-128, 127]");
  EXPECT_LOAD_ERROR(
      types::Scalars,
      R"({"__symbol__": "path:types::Scalars", "__kwargs__": {"b": true, "i": 2147483648, "l": 1, "i64": 1, "d": 1.0, "s": ""}})",
      "/__kwargs__/i", "out of range");
  EXPECT_LOAD_ERROR(
      types::Scalars,
      R"({"__symbol__": "path:types::Scalars", "__kwargs__": {"b": true, "i": 1, "l": 1, "i64": 9223372036854775808, "d": 1.0, "s": ""}})",
      "/__kwargs__/i64", "out of range");
  EXPECT_LOAD_ERROR(
      types::Scalars,
      R"({"__symbol__": "path:types::Scalars", "__kwargs__": {"b": true, "i": 1, "l": 1, "i64": 1e300, "d": 1.0, "s": ""}})",
      "/__kwargs__/i64", "out of range");
}

TEST(LoadError, TruncatedJson) {
  EXPECT_LOAD_ERROR(demo::MNIST, R"({"__symbol__": "path:demo::MNIST", "__kwargs__": {"root": "da)",
                    "", "invalid JSON at offset");
}

TEST(LoadError, EmptyInput) {
  EXPECT_LOAD_ERROR(demo::MNIST, "", "", "invalid JSON at offset 0");
  EXPECT_LOAD_ERROR(demo::MNIST, "   ", "", "invalid JSON");
}

TEST(LoadError, TrailingGarbage) {
  EXPECT_LOAD_ERROR(types::Empty, R"({"__symbol__": "path:types::Empty"} x)", "", "invalid JSON");
}

TEST(LoadError, DeepNestingIsRefusedNotAStackOverflow) {
  std::string deep(100000, '[');
  deep += std::string(100000, ']');
  EXPECT_LOAD_ERROR(demo::MNIST, deep, "", "nested deeper than 512");
  std::string objects;
  for (int i = 0; i < 100000; ++i) objects += R"({"a":)";
  EXPECT_LOAD_ERROR(demo::MNIST, objects, "", "nested deeper than 512");
}

TEST(LoadError, NotAnObjectAtTheRoot) {
  EXPECT_LOAD_ERROR(demo::MNIST, "[1, 2]", "", "expected a traced object");
  EXPECT_LOAD_ERROR(demo::MNIST, "null", "", "expected a traced object");
}

TEST(LoadError, MissingSymbol) {
  EXPECT_LOAD_ERROR(demo::MNIST, R"({"__kwargs__": {"root": "x"}})", "", "__symbol__");
}

TEST(LoadError, UnrelatedSymbolForABase) {
  EXPECT_LOAD_ERROR(demo::Transform,
                    R"({"__symbol__": "path:types::Unrelated", "__kwargs__": {"x": 1}})",
                    "/__symbol__", "is not a 'demo::Transform'");
  // Nested: a shared_ptr<Transform> parameter given an unrelated traced object.
  EXPECT_LOAD_ERROR(
      demo::MNIST,
      R"({"__symbol__": "path:demo::MNIST", "__kwargs__": {"root": "x", "train": true, "download": false, "transform": {"__symbol__": "path:types::Unrelated", "__kwargs__": {"x": 1}}}})",
      "/__kwargs__/transform/__symbol__", "is not a 'demo::Transform'");
}

TEST(LoadError, UnexpectedKeyInATracedObject) {
  EXPECT_LOAD_ERROR(types::Empty, R"({"__symbol__": "path:types::Empty", "extra": 1})", "/extra",
                    "unexpected key 'extra'");
}

TEST(LoadError, PathSegmentsAreEscapedAsJsonPointer) {
  EXPECT_LOAD_ERROR(
      demo::MNIST, R"({"__symbol__": "path:demo::MNIST", "__kwargs__": {"root": "x", "a/b~c": 1}})",
      "/__kwargs__/a~1b~0c", "unexpected argument");
}

TEST(MakeError, UntracedTypeThrowsNotTraced) {
  EXPECT_THROW(nni::make<types::Untraced>(), nni::NotTraced);
}

TEST(LoadError, UntracedTypeThrowsNotTracedBeforeReadingThePayload) {
  // Not even valid JSON: the type is refused first.
  try {
    nni::load<types::Untraced>("not json");
    ADD_FAILURE() << "no NotTraced";
  } catch (const nni::NotTraced& e) {
    EXPECT_NE(std::string(e.what()).find("types::Untraced"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("[[nni::trace]]"), std::string::npos) << e.what();
  }
}

TEST(LoadError, ANonPolymorphicBaseOfATracedClassIsLoadable) {
  auto panel = nni::make<objs::Panel>(7);
  auto as_base = nni::load<objs::Extent>(nni::dump(panel));
  EXPECT_EQ(as_base->width, 7);
}

TEST(DumpError, ObjectBuiltWithoutMakeNamesThePathAndTheFix) {
  auto plain =
      std::make_shared<demo::Normalize>(std::vector<double>{1.0}, std::vector<double>{1.0});
  auto ds = nni::make<demo::MNIST>("x", true, false, plain);
  try {
    nni::dump(ds);
    FAIL() << "no DumpError";
  } catch (const nni::DumpError& e) {
    EXPECT_EQ(e.path(), "/__kwargs__/transform");
    EXPECT_NE(std::string(e.what()).find("nni::make<demo::Normalize>"), std::string::npos)
        << e.what();
  }
}

}  // namespace

namespace {

const char kGraph[] =
    R"({"__symbol__": "path:demo::DataLoader", "__kwargs__": {"dataset": {"__symbol__": "path:demo::MNIST", "__kwargs__": {"root": "r", "train": true, "download": false, "transform": {"__symbol__": "path:demo::Normalize", "__kwargs__": {"mean": [1.0], "std": [1.0]}}}}}})";

TEST(AllowList, SymbolsAndNamespaceWildcards) {
  nni::LoadOptions options;
  options.allowed_symbols = {"demo::*"};
  EXPECT_TRUE(nni::load<demo::DataLoader>(kGraph, options));
  options.allowed_symbols = {"path:demo::DataLoader", "demo::MNIST", "demo::Normalize"};
  EXPECT_TRUE(nni::load<demo::DataLoader>(kGraph, options));
}

TEST(AllowList, AnythingElseIsRefusedBeforeAnyConstructorRuns) {
  nni::LoadOptions options;
  options.allowed_symbols = {"demo::DataLoader", "demo::MNIST"};
  int before = types::next_id();
  try {
    nni::load<demo::DataLoader>(kGraph, options);
    FAIL() << "no LoadError";
  } catch (const nni::LoadError& e) {
    EXPECT_EQ(e.path(), "/__kwargs__/dataset/__kwargs__/transform/__symbol__");
  }
  // Refused for a whole type reference too, and for values holding traced objects.
  options.allowed_symbols = {"types::*"};
  EXPECT_THROW(
      nni::load_value<nni::TypeRef>(R"({"__nni_type__": "path:demo::Normalize"})", options),
      nni::LoadError);
  EXPECT_EQ(types::next_id(), before + 1);  // nothing else ran in between
}

TEST(Limits, StringLengthIsLimited) {
  nni::LoadOptions options;
  options.limits.max_string_bytes = 8;
  EXPECT_THROW(
      nni::load<types::Text>(
          R"({"__symbol__": "path:types::Text", "__kwargs__": {"s": "123456789"}})", options),
      nni::LoadError);
  EXPECT_EQ(nni::load<types::Text>(
                R"({"__symbol__": "path:types::Text", "__kwargs__": {"s": "12345678"}})")
                ->s,
            "12345678");
}

TEST(Limits, PayloadSizeAndDepthAreLimited) {
  nni::LoadOptions options;
  options.limits.max_payload_bytes = 10;
  EXPECT_THROW(nni::load<types::Empty>(R"({"__symbol__": "path:types::Empty"})", options),
               nni::LoadError);
  options = {};
  options.limits.max_depth = 2;
  EXPECT_THROW(
      nni::load<types::Holder>(
          R"({"__symbol__": "path:types::Holder", "__kwargs__": {"traced": {"__symbol__": "path:types::Empty"}, "shared": null}})",
          options),
      nni::LoadError);
}

}  // namespace
