// A bound, not a target: how fast could a loader generated per class be? It reads the payload as
// the hand-written reader on nni::JsonDocument does (typed, no registry lookup, no argument
// matching) but builds each object with nni::make, so that each keeps a record as a loaded object
// does. A program of its own: in bench_runtime, these extra instantiations of nni::make changed
// GCC's inlining there and slowed BM_Graph_Make_Nni by a quarter. docs/performance.md.
#include <benchmark/benchmark.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "graph.h"

namespace {

std::shared_ptr<demo::Transform> make_transform(const nni::JsonNode& node) {
  std::string_view symbol = node.find("__symbol__").as_string();
  nni::JsonNode kw = node.find("__kwargs__");
  if (symbol == "path:demo::Normalize") {
    return nni::make<demo::Normalize>(bench::json_doubles(kw.find("mean")),
                                      bench::json_doubles(kw.find("std")));
  }
  if (symbol == "path:demo::Compose") {
    nni::JsonNode list = kw.find("transforms");
    std::vector<std::shared_ptr<demo::Transform>> ts;
    ts.reserve(list.size());
    for (std::size_t i = 0, n = list.size(); i < n; ++i) ts.push_back(make_transform(list[i]));
    return nni::make<demo::Compose>(std::move(ts));
  }
  throw std::runtime_error("unknown transform");
}

std::shared_ptr<demo::DataLoader> make_load(std::string_view json) {
  nni::JsonDocument doc(json);
  nni::JsonNode kw = bench::json_kwargs(doc.root(), "path:demo::DataLoader");
  nni::JsonNode dkw = bench::json_kwargs(kw.find("dataset"), "path:demo::MNIST");
  auto ds =
      nni::make<demo::MNIST>(std::string(dkw.find("root").as_string()), dkw.find("train").as_bool(),
                             dkw.find("download").as_bool(), make_transform(dkw.find("transform")));
  return nni::make<demo::DataLoader>(std::move(ds),
                                     static_cast<int>(kw.find("batch_size").as_int64()));
}

const std::string& payload() {
  static const std::string p = [] {
    std::string text = nni::dump(bench::nni_graph());
    if (nni::dump(make_load(text)) != text) throw std::runtime_error("make_load's records");
    return text;
  }();
  return p;
}

void BM_Graph_Load_MakeJsonDocument(benchmark::State& state) {
  const std::string& p = payload();
  for (auto _ : state) benchmark::DoNotOptimize(make_load(p));
}
BENCHMARK(BM_Graph_Load_MakeJsonDocument);

void BM_Graph_Load_Hand(benchmark::State& state) {
  const std::string& p = payload();
  for (auto _ : state) benchmark::DoNotOptimize(bench::hand_load(p));
}
BENCHMARK(BM_Graph_Load_Hand);

}  // namespace

BENCHMARK_MAIN();
