// make / call / dump / load of the supported types, with exact payloads.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "models.h"

namespace {

const char kEvaluatorPayload[] =
    R"({"__symbol__": "path:demo::DataLoader", "__kwargs__": {"dataset": {"__symbol__": "path:demo::MNIST", "__kwargs__": {"root": "data/mnist", "train": false, "download": true, "transform": {"__symbol__": "path:demo::Compose", "__kwargs__": {"transforms": [{"__symbol__": "path:demo::Normalize", "__kwargs__": {"mean": [0.1307], "std": [0.3081]}}]}}}}, "batch_size": 100}})";

nni::Traced<demo::DataLoader> make_evaluator() {
  auto norm = nni::make<demo::Normalize>(std::vector<double>{0.1307}, std::vector<double>{0.3081});
  auto tf = nni::make<demo::Compose>(std::vector<std::shared_ptr<demo::Transform>>{norm});
  auto ds = nni::make<demo::MNIST>("data/mnist", false, true, tf);
  return nni::make<demo::DataLoader>(ds, 100);
}

TEST(RoundTrip, DesignPayloadByteForByte) {
  EXPECT_EQ(nni::dump(make_evaluator()), kEvaluatorPayload);
}

TEST(RoundTrip, LoadingTheDesignPayloadAndDumpingGivesItBack) {
  nni::Traced<demo::DataLoader> dl = nni::load<demo::DataLoader>(kEvaluatorPayload);
  ASSERT_TRUE(dl);
  EXPECT_EQ(dl->batch_size(), 100);
  EXPECT_EQ(dl->dataset()->root(), "data/mnist");
  EXPECT_FALSE(dl->dataset()->train());
  EXPECT_TRUE(dl->dataset()->download());
  ASSERT_TRUE(dl->dataset()->transform());
  EXPECT_DOUBLE_EQ(dl->dataset()->transform()->apply(1.0), (1.0 - 0.1307) / 0.3081);
  EXPECT_EQ(nni::dump(dl), kEvaluatorPayload);
}

TEST(RoundTrip, SymbolWithoutPathPrefixLoads) {
  auto n = nni::load<demo::Normalize>(
      R"({"__symbol__": "demo::Normalize", "__kwargs__": {"mean": [1.0], "std": [2.0]}})");
  EXPECT_DOUBLE_EQ(n->apply(5.0), 2.0);
}

TEST(RoundTrip, KwargsLoadInAnyOrder) {
  auto n = nni::load<demo::Normalize>(
      R"({"__symbol__": "path:demo::Normalize", "__kwargs__": {"inplace": true, "std": [2.0], "mean": [1.0]}})");
  EXPECT_TRUE(n->inplace());
  // Dumped again in parameter order.
  EXPECT_EQ(
      nni::dump(n),
      R"({"__symbol__": "path:demo::Normalize", "__kwargs__": {"mean": [1.0], "std": [2.0], "inplace": true}})");
}

TEST(RoundTrip, PositionalArgsLoad) {
  auto n = nni::load<demo::Normalize>(
      R"({"__symbol__": "path:demo::Normalize", "__args__": [[1.0], [2.0]], "__kwargs__": {"inplace": true}})");
  EXPECT_DOUBLE_EQ(n->apply(5.0), 2.0);
  EXPECT_TRUE(n->inplace());
}

TEST(RoundTrip, Scalars) {
  auto s = nni::make<types::Scalars>(true, -5, 1234567890123L, std::int64_t{-9007199254740993},
                                     0.25, "h\u00e9llo");
  std::string payload = nni::dump(s);
  EXPECT_EQ(
      payload,
      R"({"__symbol__": "path:types::Scalars", "__kwargs__": {"b": true, "i": -5, "l": 1234567890123, "i64": -9007199254740993, "d": 0.25, "s": "h\u00e9llo"}})");
  auto back = nni::load<types::Scalars>(payload);
  EXPECT_EQ(back->b, true);
  EXPECT_EQ(back->i, -5);
  EXPECT_EQ(back->l, 1234567890123L);
  EXPECT_EQ(back->i64, -9007199254740993);
  EXPECT_EQ(back->d, 0.25);
  EXPECT_EQ(back->s, "h\u00e9llo");
  EXPECT_EQ(nni::dump(back), payload);
}

TEST(RoundTrip, IntegerArgumentForADoubleParameterPrintsAsFloat) {
  auto f = nni::make<types::Floats>(1);
  EXPECT_EQ(nni::dump(f), R"({"__symbol__": "path:types::Floats", "__kwargs__": {"d": 1.0}})");
  EXPECT_EQ(nni::dump(nni::load<types::Floats>(nni::dump(f))), nni::dump(f));
}

TEST(RoundTrip, DoublesSurviveExactly) {
  for (double d : {0.1, 1.0 / 3.0, 1e-300, 1.7976931348623157e308, 5e-324, -2.5e16}) {
    auto back = nni::load<types::Floats>(nni::dump(nni::make<types::Floats>(d)));
    EXPECT_EQ(back->d, d);
  }
  auto nan = nni::load<types::Floats>(nni::dump(nni::make<types::Floats>(std::nan(""))));
  EXPECT_TRUE(std::isnan(nan->d));
  auto inf = nni::load<types::Floats>(
      R"({"__symbol__": "path:types::Floats", "__kwargs__": {"d": -Infinity}})");
  EXPECT_EQ(inf->d, -std::numeric_limits<double>::infinity());
}

TEST(RoundTrip, Vectors) {
  auto v =
      nni::make<types::Vectors>(std::vector<int>{1, 2, 3}, std::vector<std::string>{"a", "b\n"},
                                std::vector<std::vector<double>>{{1.5}, {}, {2.0, 3.0}});
  std::string payload = nni::dump(v);
  EXPECT_EQ(
      payload,
      R"({"__symbol__": "path:types::Vectors", "__kwargs__": {"ints": [1, 2, 3], "strings": ["a", "b\n"], "matrix": [[1.5], [], [2.0, 3.0]]}})");
  auto back = nni::load<types::Vectors>(payload);
  EXPECT_EQ(back->ints, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(back->strings, (std::vector<std::string>{"a", "b\n"}));
  EXPECT_EQ(back->matrix, (std::vector<std::vector<double>>{{1.5}, {}, {2.0, 3.0}}));
}

TEST(RoundTrip, ImplicitDefaultConstructor) {
  auto e = nni::make<types::Empty>();
  EXPECT_EQ(e->value, 7);
  EXPECT_EQ(nni::dump(e), R"({"__symbol__": "path:types::Empty"})");
  EXPECT_EQ(nni::load<types::Empty>(R"({"__symbol__": "path:types::Empty"})")->value, 7);
}

TEST(RoundTrip, TrailingDefaultsAreNotRecordedAndApplyOnLoad) {
  auto d = nni::make<types::Defaults>(1);
  EXPECT_EQ(nni::dump(d), R"({"__symbol__": "path:types::Defaults", "__kwargs__": {"a": 1}})");
  auto back = nni::load<types::Defaults>(nni::dump(d));
  EXPECT_EQ(back->a, 1);
  EXPECT_GT(back->b, 100);  // the default expression ran again
  EXPECT_EQ(back->c, "xxx");
  auto given = nni::load<types::Defaults>(
      R"({"__symbol__": "path:types::Defaults", "__kwargs__": {"a": 1, "b": 5}})");
  EXPECT_EQ(given->b, 5);
  EXPECT_EQ(given->c, "xxx");
}

TEST(RoundTrip, NestedTracesThroughTracedSharedPtrAndVectors) {
  auto a = nni::make<types::Empty>();
  auto h = nni::make<types::Holder>(a, a.shared(), std::vector<nni::Traced<types::Empty>>{a, a});
  const char* expected =
      R"({"__symbol__": "path:types::Holder", "__kwargs__": {"traced": {"__symbol__": "path:types::Empty"}, "shared": {"__symbol__": "path:types::Empty"}, "many": [{"__symbol__": "path:types::Empty"}, {"__symbol__": "path:types::Empty"}]}})";
  EXPECT_EQ(nni::dump(h), expected);
  auto back = nni::load<types::Holder>(expected);
  // One object per occurrence, as NNI does.
  EXPECT_NE(back->traced.get(), back->shared.get());
  EXPECT_EQ(back->many.size(), 2u);
  EXPECT_EQ(nni::dump(back), expected);
}

TEST(RoundTrip, FactoryCallIsRecordedAndReplayed) {
  auto norm = nni::make<demo::Normalize>(std::vector<double>{0.5}, std::vector<double>{2.0});
  auto ds = nni::call<&demo::create_mnist_dataset>("data/mnist", norm);
  EXPECT_EQ(ds.trace_symbol(), "demo::create_mnist_dataset");
  std::string payload = nni::dump(ds);
  EXPECT_EQ(
      payload,
      R"({"__symbol__": "path:demo::create_mnist_dataset", "__kwargs__": {"root": "data/mnist", "transform": {"__symbol__": "path:demo::Normalize", "__kwargs__": {"mean": [0.5], "std": [2.0]}}}})");
  auto back = nni::load<demo::MNIST>(payload);
  EXPECT_EQ(back->root(), "data/mnist");
  EXPECT_TRUE(back->download());
  EXPECT_EQ(nni::dump(back), payload);
}

TEST(RoundTrip, LoadAsBaseGivesTheDerivedObject) {
  std::shared_ptr<demo::Transform> t = nni::load<demo::Transform>(
      R"({"__symbol__": "path:demo::Normalize", "__kwargs__": {"mean": [1.0], "std": [4.0]}})");
  ASSERT_NE(dynamic_cast<demo::Normalize*>(t.get()), nullptr);
  EXPECT_DOUBLE_EQ(t->apply(5.0), 1.0);
}

TEST(RoundTrip, TracedConvertsToBasePointers) {
  auto n = nni::make<demo::Normalize>(std::vector<double>{0.0}, std::vector<double>{1.0});
  std::shared_ptr<demo::Transform> as_base = n;
  nni::Traced<demo::Transform> traced_base = n;
  EXPECT_EQ(as_base.get(), traced_base.get());
  EXPECT_EQ(nni::dump(as_base), nni::dump(n));
  EXPECT_EQ(traced_base.trace_symbol(), "demo::Normalize");
}

TEST(RoundTrip, DumpWithIndent) {
  auto e = nni::make<types::Small>(std::int8_t{3});
  nni::DumpOptions options;
  options.indent = 2;
  EXPECT_EQ(
      nni::dump(e, options),
      "{\n  \"__symbol__\": \"path:types::Small\",\n  \"__kwargs__\": {\n    \"v\": 3\n  }\n}");
}

TEST(RoundTrip, StreamsAndFiles) {
  auto dl = make_evaluator();
  std::stringstream stream;
  nni::dump(dl, stream);
  EXPECT_EQ(stream.str(), kEvaluatorPayload);
  EXPECT_EQ(nni::dump(nni::load<demo::DataLoader>(stream)), kEvaluatorPayload);

  auto path = std::filesystem::temp_directory_path() /
              ("nni_trace_round_trip_" + std::to_string(::getpid()) + ".json");
  nni::dump_file(dl, path);
  EXPECT_EQ(nni::dump(nni::load_file<demo::DataLoader>(path)), kEvaluatorPayload);
  EXPECT_TRUE(nni::load_file(path).is_record());
  std::filesystem::remove(path);
  EXPECT_THROW(nni::load_file<demo::DataLoader>(path), nni::LoadError);
}

TEST(RoundTrip, EnumsSetsMapsDurationsOptionalsAsParameters) {
  using types::Color;
  auto p = nni::make<types::Palette>(Color::GREEN, std::map<Color, int>{{Color::RED, 2}},
                                     std::set<std::string>{"b", "a"},
                                     std::chrono::milliseconds(1500), std::optional<double>(2.2));
  const char* expected =
      R"({"__symbol__": "path:types::Palette", "__kwargs__": {"main": {"__enum__": {"__enum_instance_type__": ["types", "Color"], "name": "GREEN"}}, "weights": {"RED": 2}, "tags": {"__set__": ["a", "b"]}, "fade": {"__timedelta__": null, "seconds": 1, "microseconds": 500000}, "gamma": 2.2}})";
  EXPECT_EQ(nni::dump(p), expected);
  auto back = nni::load<types::Palette>(expected);
  EXPECT_EQ(back->main, Color::GREEN);
  EXPECT_EQ(back->weights.at(Color::RED), 2);
  EXPECT_EQ(back->tags.size(), 2u);
  EXPECT_EQ(back->fade, std::chrono::milliseconds(1500));
  EXPECT_EQ(back->gamma, 2.2);
  EXPECT_EQ(nni::dump(back), expected);
}

TEST(RoundTrip, ReferencesRawPointersAndUniquePtrsToTracedObjects) {
  auto norm = nni::make<demo::Normalize>(std::vector<double>{1.0}, std::vector<double>{2.0});
  auto empty = nni::make<types::Empty>();
  auto b = nni::make<types::Borrower>(
      norm, empty,
      nni::make_unique<demo::Normalize>(std::vector<double>{0.0}, std::vector<double>{4.0}));
  EXPECT_EQ(&b->transform, norm.get());
  EXPECT_EQ(b->empty, empty.get());
  const char* expected =
      R"({"__symbol__": "path:types::Borrower", "__kwargs__": {"transform": {"__symbol__": "path:demo::Normalize", "__kwargs__": {"mean": [1.0], "std": [2.0]}}, "empty": {"__symbol__": "path:types::Empty"}, "owned": {"__symbol__": "path:demo::Normalize", "__kwargs__": {"mean": [0.0], "std": [4.0]}}}})";
  EXPECT_EQ(nni::dump(b), expected);
  norm = nullptr;  // the record keeps the borrowed objects alive
  empty = nullptr;
  EXPECT_DOUBLE_EQ(b->transform.apply(5.0), 2.0);
  EXPECT_EQ(b->empty->value, 7);

  auto back = nni::load<types::Borrower>(expected);
  EXPECT_DOUBLE_EQ(back->transform.apply(5.0), 2.0);
  EXPECT_EQ(back->empty->value, 7);
  EXPECT_DOUBLE_EQ(back->owned->apply(8.0), 2.0);
  EXPECT_EQ(nni::dump(back), expected);

  auto null_pointer = nni::load<types::Borrower>(
      R"({"__symbol__": "path:types::Borrower", "__kwargs__": {"transform": {"__symbol__": "path:demo::Normalize", "__kwargs__": {"mean": [1.0], "std": [2.0]}}, "empty": null, "owned": null}})");
  EXPECT_EQ(null_pointer->empty, nullptr);
  EXPECT_EQ(null_pointer->owned, nullptr);
  try {
    nni::load<types::Borrower>(
        R"({"__symbol__": "path:types::Borrower", "__kwargs__": {"transform": null, "empty": null, "owned": null}})");
    FAIL() << "a null reference loaded";
  } catch (const nni::LoadError& e) {
    EXPECT_EQ(e.path(), "/__kwargs__/transform");
  }
}

TEST(RoundTrip, StringViewAndCStringParameters) {
  auto v = nni::make<types::Views>("n", "l");
  const char* expected =
      R"({"__symbol__": "path:types::Views", "__kwargs__": {"name": "n", "label": "l"}})";
  EXPECT_EQ(nni::dump(v), expected);
  auto back = nni::load<types::Views>(expected);
  EXPECT_EQ(back->name, "n");
  EXPECT_EQ(back->label, "l");
  // 'after' is omitted before a given argument: the generated loader passes its default.
  auto later = nni::load<types::Views>(
      R"({"__symbol__": "path:types::Views", "__kwargs__": {"name": "n", "label": "l", "owned": null}})");
  EXPECT_EQ(later->after, 1);
  EXPECT_EQ(nni::dump(back), expected);
}

TEST(RoundTrip, DefaultsWrittenAsJsonLoadAsTheirCppValues) {
  types::JsonDefaults cpp(1);
  for (const char* payload :
       {R"({"__symbol__": "path:types::JsonDefaults", "__args__": [1]})",
        R"({"__symbol__": "path:types::JsonDefaults", "__kwargs__": {"id": 1, "on": true}})"}) {
    auto loaded = nni::load<types::JsonDefaults>(payload);
    EXPECT_EQ(loaded->name, cpp.name);
    EXPECT_EQ(loaded->ws, cpp.ws);
    EXPECT_EQ(loaded->tenth, cpp.tenth);
    EXPECT_EQ(loaded->third, cpp.third);
    EXPECT_EQ(loaded->table, cpp.table);
    EXPECT_EQ(loaded->next, nullptr);
    EXPECT_EQ(loaded->big, cpp.big);
    EXPECT_TRUE(loaded->on);
  }
}

TEST(RoundTrip, VariantParameter) {
  auto c = nni::make<types::Choice>(std::variant<std::monostate, int, std::string>("x"));
  EXPECT_EQ(nni::dump(c), R"({"__symbol__": "path:types::Choice", "__kwargs__": {"value": "x"}})");
  auto back = nni::load<types::Choice>(
      R"({"__symbol__": "path:types::Choice", "__kwargs__": {"value": 7}})");
  EXPECT_EQ(std::get<int>(back->value), 7);
}

TEST(RoundTrip, UntracedDatasetIsPayloadTooLargeWhereATracedOneIsSmall) {
  // NNI's warning case: 60,000 images of 28x28 in an untraced, pickle-able dataset.
  types::RawImages raw{"data/mnist", std::vector<std::uint8_t>(60000 * 784, 1)};
  auto raw_loader = nni::make<types::RawLoader>(raw, 100);
  EXPECT_THROW(nni::dump(raw_loader), nni::PayloadTooLarge);
  auto loader = nni::make<types::ImageLoader>(nni::make<types::Images>("data/mnist", 60000), 100);
  std::string payload = nni::dump(loader);
  EXPECT_LT(payload.size(), 300u);
  EXPECT_EQ(nni::load<types::ImageLoader>(payload)->images->pixels.size(), 60000u * 784);
  // A small untraced dataset still travels, as bytes.
  auto small = nni::make<types::RawLoader>(types::RawImages{"x", {1, 2}}, 1);
  EXPECT_EQ(nni::load<types::RawLoader>(nni::dump(small))->images.pixels,
            (std::vector<std::uint8_t>{1, 2}));
}

}  // namespace
