// Untyped loads, records, and editing a copy of a record ("mutation").
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "models.h"

namespace {

const char kEvaluatorPayload[] =
    R"({"__symbol__": "path:demo::DataLoader", "__kwargs__": {"dataset": {"__symbol__": "path:demo::MNIST", "__kwargs__": {"root": "data/mnist", "train": false, "download": true, "transform": {"__symbol__": "path:demo::Compose", "__kwargs__": {"transforms": [{"__symbol__": "path:demo::Normalize", "__kwargs__": {"mean": [0.1307], "std": [0.3081]}}]}}}}, "batch_size": 100}})";

TEST(Record, UntypedLoadGivesRecordsAndDumpsBackUnchanged) {
  nni::Value v = nni::load(kEvaluatorPayload);
  ASSERT_TRUE(v.is_record());
  const nni::Record& dl = v.as_record();
  EXPECT_EQ(dl.trace_symbol(), "demo::DataLoader");
  EXPECT_TRUE(dl.trace_args().empty());
  ASSERT_EQ(dl.trace_kwargs().size(), 2u);
  EXPECT_EQ(dl.trace_kwargs()[0].first, "dataset");
  EXPECT_EQ(dl.kwargs().find("batch_size")->as_int(), 100);
  const nni::Record& ds = dl.kwargs().find("dataset")->as_record();
  EXPECT_EQ(ds.kwargs().find("root")->as_string(), "data/mnist");
  EXPECT_EQ(nni::dump(v), kEvaluatorPayload);
}

TEST(Record, UntypedLoadKeepsPlainValuesAndUnknownSymbols) {
  nni::Value v =
      nni::load(R"({"a": [1, 2.5, "x", null, true], "b": {"__symbol__": "path:x::Unknown"}})");
  ASSERT_TRUE(v.is_object());
  EXPECT_EQ(v["a"][1].as_double(), 2.5);
  EXPECT_TRUE(v["b"].is_record());  // untyped: no registry lookup, nothing is constructed
  EXPECT_EQ(nni::dump(v),
            R"({"a": [1, 2.5, "x", null, true], "b": {"__symbol__": "path:x::Unknown"}})");
}

TEST(Record, TraceCopyEditAndGet) {
  auto ds = nni::make<demo::MNIST>("data/mnist", false, true);
  auto dl = nni::make<demo::DataLoader>(ds, 100);
  nni::Record rec = dl.trace_copy();
  rec.kwargs()["batch_size"] = 64;
  rec.kwargs()["dataset"].as_record().kwargs()["root"] = "elsewhere";
  nni::Traced<demo::DataLoader> edited = rec.get<demo::DataLoader>();
  EXPECT_EQ(edited->batch_size(), 64);
  EXPECT_EQ(edited->dataset()->root(), "elsewhere");
  // The original object and its record are unchanged.
  EXPECT_EQ(dl->batch_size(), 100);
  EXPECT_EQ(
      nni::dump(dl),
      R"({"__symbol__": "path:demo::DataLoader", "__kwargs__": {"dataset": {"__symbol__": "path:demo::MNIST", "__kwargs__": {"root": "data/mnist", "train": false, "download": true}}, "batch_size": 100}})");
  // The re-created object is traced again, with the edited arguments.
  EXPECT_EQ(
      nni::dump(edited),
      R"({"__symbol__": "path:demo::DataLoader", "__kwargs__": {"dataset": {"__symbol__": "path:demo::MNIST", "__kwargs__": {"root": "elsewhere", "train": false, "download": true}}, "batch_size": 64}})");
}

TEST(Record, FactoryTraceCopyWithEditedArguments) {
  auto ds = nni::call<&demo::create_mnist_dataset>("data/mnist", nullptr);
  nni::Record rec = ds.trace_copy();
  EXPECT_EQ(rec.trace_symbol(), "demo::create_mnist_dataset");
  rec.kwargs()["root"] = "data/other";
  auto edited = rec.get<demo::MNIST>();
  EXPECT_EQ(edited->root(), "data/other");
  EXPECT_TRUE(edited->download());  // the factory ran again
  EXPECT_EQ(edited.trace_symbol(), "demo::create_mnist_dataset");
  EXPECT_EQ(ds->root(), "data/mnist");
}

TEST(Record, TraceCopyOfACopyIsIndependent) {
  nni::Record a = nni::make<types::Floats>(1.5).trace_copy();
  nni::Record b = a.trace_copy();
  b.kwargs()["d"] = 2.5;
  EXPECT_EQ(a.kwargs().find("d")->as_double(), 1.5);
  EXPECT_EQ(b.get<types::Floats>()->d, 2.5);
  EXPECT_FALSE(a == b);
}

TEST(Record, TraceKwargsAndArgsOfATracedObject) {
  auto n = nni::make<demo::Normalize>(std::vector<double>{1.0}, std::vector<double>{2.0}, true);
  auto kwargs = n.trace_kwargs();
  ASSERT_EQ(kwargs.size(), 3u);
  EXPECT_EQ(kwargs[0].first, "mean");
  EXPECT_EQ(kwargs[2].first, "inplace");
  EXPECT_TRUE(kwargs[2].second.as_bool());
  EXPECT_TRUE(n.trace_args().empty());
}

TEST(Record, GetRefusesARecordOfAnotherType) {
  nni::Record rec = nni::make<types::Unrelated>(1).trace_copy();
  EXPECT_THROW(rec.get<demo::Transform>(), nni::LoadError);
}

// A loaded object's record keeps std::string and std::vector-of-number arguments flat, in its own
// memory (FlatCopyOps): they must dump exactly as the made object's typed copies do.
std::string flat_args_payload(const std::string& floats) {
  return R"({"__symbol__": "path:types::FlatArgs", "__kwargs__": {"text": "a string too long )"
         R"(for the small-string buffer \u00e9 \"quoted\" \ud83d\ude00", "view": "v", )"
         R"("c_text": "c", "floats": )" +
         floats +
         R"(, "doubles": [0.1307, -0.0, 1e+308, 5e-324], "ints": [-1, 2147483647], )"
         R"("longs": [], "sizes": [18446744073709551615], "bytes": [-128, 0, 127], )"
         R"("shorts": [65535], "flags": [true, false]}})";
}

TEST(Record, FlatCopiesOfALoadedObjectDumpAsTheMadeObjectsCopies) {
  std::string payload = flat_args_payload("[0.5, -2.0, 1e+30]");
  auto loaded = nni::load<types::FlatArgs>(payload);
  EXPECT_EQ(loaded->text,
            "a string too long for the small-string buffer \xc3\xa9 \"quoted\" "
            "\xf0\x9f\x98\x80");
  EXPECT_EQ(loaded->sizes, (std::vector<unsigned long>{18446744073709551615ul}));
  EXPECT_EQ(loaded->bytes, (std::vector<std::int8_t>{-128, 0, 127}));
  EXPECT_EQ(nni::dump(loaded), payload);

  auto made = nni::make<types::FlatArgs>(loaded->text, std::string_view(loaded->view),
                                         loaded->c_text.c_str(), loaded->floats, loaded->doubles,
                                         loaded->ints, loaded->longs, loaded->sizes, loaded->bytes,
                                         loaded->shorts, loaded->flags);
  EXPECT_EQ(nni::dump(made), payload);
  // Indented output goes through the same writer calls.
  nni::DumpOptions indented;
  indented.indent = 2;
  EXPECT_EQ(nni::dump(loaded, indented), nni::dump(made, indented));
}

TEST(Record, FlatCopyOfALargeVectorInARecordOfItsOwn) {
  std::string floats = "[";
  for (int i = 0; i < 1000; ++i) floats += (i ? ", " : "") + std::to_string(i) + ".5";
  floats += "]";
  std::string args = flat_args_payload(floats);
  // Alone (a std::unique_ptr owns it): its record is allocated apart from it, on the heap.
  std::string payload =
      R"({"__symbol__": "path:types::FlatOwner", "__kwargs__": {"args": )" + args + "}}";
  auto owner = nni::load<types::FlatOwner>(payload);
  ASSERT_EQ(owner->args->floats.size(), 1000u);
  EXPECT_EQ(owner->args->floats[999], 999.5f);
  EXPECT_EQ(nni::dump(owner), payload);
  // In one allocation with the object.
  EXPECT_EQ(nni::dump(nni::load<types::FlatArgs>(args)), args);
}

TEST(Record, FlatCopyReportsTheElementThatCannotBeDumped) {
  std::string payload = flat_args_payload("[0.5, NaN]");
  auto loaded = nni::load<types::FlatArgs>(payload);
  EXPECT_EQ(nni::dump(loaded), payload);  // NaN is allowed by default, as in Python
  nni::DumpOptions strict;
  strict.allow_nan = false;
  for (const std::string& path : {std::string("loaded"), std::string("made")}) {
    try {
      if (path == "loaded") {
        nni::dump(loaded, strict);
      } else {
        nni::dump(nni::make<types::FlatArgs>(
                      loaded->text, std::string_view(loaded->view), loaded->c_text.c_str(),
                      loaded->floats, loaded->doubles, loaded->ints, loaded->longs, loaded->sizes,
                      loaded->bytes, loaded->shorts, loaded->flags),
                  strict);
      }
      ADD_FAILURE() << path << ": no DumpError";
    } catch (const nni::DumpError& e) {
      EXPECT_EQ(e.path(), "/__kwargs__/floats/1") << path;
    }
  }
}

}  // namespace
