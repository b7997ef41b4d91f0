// Untyped loads, records, and editing a copy of a record ("mutation").
#include <gtest/gtest.h>

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

}  // namespace
