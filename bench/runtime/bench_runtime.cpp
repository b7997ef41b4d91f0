// nni::make / nni::dump / nni::load against hand-written C++ doing the same work with the same
// JSON writer and parser (simdjson) and no registry. Run by run.sh; results in
// docs/performance.md ("Runtime").
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "graph.h"

// The runtime's switches for its tape reader (private: runtime/load_steps.h), for
// BM_Graph_Load_NniTree and BM_Graph_Load_NniGeneric.
namespace nni::detail {
bool set_tape_loads(bool enabled) noexcept;
bool set_typed_builds(bool enabled) noexcept;
}  // namespace nni::detail

namespace {

void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "bench_runtime: check failed: %s\n", what);
    std::abort();
  }
}

const std::string& payload() {
  static const std::string p = [] {
    std::string nni_text = nni::dump(bench::nni_graph());
    std::string hand_text = bench::hand_dump(*bench::hand_graph());
    check(nni_text == hand_text, "hand_dump writes what nni::dump writes");
    auto back = bench::hand_load(nni_text);
    check(back->batch_size() == 100 && back->dataset()->root() == "data/mnist",
          "hand_load reads the graph");
    check(nni::dump(bench::make_load_json_document(nni_text)) == nni_text,
          "make_load_json_document records the graph");
    check(nni::dump(bench::make_load_simdjson(nni_text)) == nni_text,
          "make_load_simdjson records the graph");
    check(nni::dump(bench::prototype_tape_load(nni_text)) == nni_text,
          "prototype_tape_load records the graph");
    auto back2 = bench::hand_load_json_document(nni_text);
    check(back2->batch_size() == 100 && back2->dataset()->root() == "data/mnist",
          "hand_load_json_document reads the graph");
    check(nni::dump(nni::load<demo::DataLoader>(nni_text)) == nni_text, "nni round trip");
    return nni_text;
  }();
  return p;
}

// ---- the evaluator graph ----

void BM_Graph_Make_Nni(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(bench::nni_graph());
}
BENCHMARK(BM_Graph_Make_Nni);

void BM_Graph_Make_Hand(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(bench::hand_graph());
}
BENCHMARK(BM_Graph_Make_Hand);

void BM_Graph_Dump_Nni(benchmark::State& state) {
  auto dl = bench::nni_graph();
  for (auto _ : state) benchmark::DoNotOptimize(nni::dump(dl));
  state.SetBytesProcessed(state.iterations() * static_cast<long>(payload().size()));
}
BENCHMARK(BM_Graph_Dump_Nni);

void BM_Graph_Dump_Hand(benchmark::State& state) {
  auto dl = bench::hand_graph();
  for (auto _ : state) benchmark::DoNotOptimize(bench::hand_dump(*dl));
  state.SetBytesProcessed(state.iterations() * static_cast<long>(payload().size()));
}
BENCHMARK(BM_Graph_Dump_Hand);

void BM_Graph_Load_Nni(benchmark::State& state) {
  const std::string& p = payload();
  for (auto _ : state) benchmark::DoNotOptimize(nni::load<demo::DataLoader>(p));
  state.SetBytesProcessed(state.iterations() * static_cast<long>(p.size()));
}
BENCHMARK(BM_Graph_Load_Nni);

// The same load with the tape reader off: every payload read from the runtime's tree, as before
// it (runtime/tape_load.cpp). The models are generated with FAST_LOADS (CMakeLists.txt), so
// BM_Graph_Load_Nni uses their typed builds.
void BM_Graph_Load_NniTree(benchmark::State& state) {
  const std::string& p = payload();
  bool previous = nni::detail::set_tape_loads(false);
  for (auto _ : state) benchmark::DoNotOptimize(nni::load<demo::DataLoader>(p));
  nni::detail::set_tape_loads(previous);
  state.SetBytesProcessed(state.iterations() * static_cast<long>(p.size()));
}
BENCHMARK(BM_Graph_Load_NniTree);

// The same load from the tape without FAST_LOADS's typed builds: what a class generated without
// FAST_LOADS gets.
void BM_Graph_Load_NniGeneric(benchmark::State& state) {
  const std::string& p = payload();
  bool previous = nni::detail::set_typed_builds(false);
  for (auto _ : state) benchmark::DoNotOptimize(nni::load<demo::DataLoader>(p));
  nni::detail::set_typed_builds(previous);
  state.SetBytesProcessed(state.iterations() * static_cast<long>(p.size()));
}
BENCHMARK(BM_Graph_Load_NniGeneric);

void BM_Graph_Load_Hand(benchmark::State& state) {
  const std::string& p = payload();
  for (auto _ : state) benchmark::DoNotOptimize(bench::hand_load(p));
  state.SetBytesProcessed(state.iterations() * static_cast<long>(p.size()));
}
BENCHMARK(BM_Graph_Load_Hand);

// The hand-written reader on nni::JsonDocument instead of simdjson's DOM (for comparison).
void BM_Graph_Load_HandJsonDocument(benchmark::State& state) {
  const std::string& p = payload();
  for (auto _ : state) benchmark::DoNotOptimize(bench::hand_load_json_document(p));
  state.SetBytesProcessed(state.iterations() * static_cast<long>(p.size()));
}
BENCHMARK(BM_Graph_Load_HandJsonDocument);

// The same, building with nni::make: the least a loader generated per class (typed, with no
// registry lookup or argument matching) could take. For comparison only.
void BM_Graph_Load_MakeJsonDocument(benchmark::State& state) {
  const std::string& p = payload();
  for (auto _ : state) benchmark::DoNotOptimize(bench::make_load_json_document(p));
  state.SetBytesProcessed(state.iterations() * static_cast<long>(p.size()));
}
BENCHMARK(BM_Graph_Load_MakeJsonDocument);

// The hand-written reader on simdjson's DOM, building with nni::make: the floor of any traced
// load on this parser (each object keeps a record; no lookup, matching or runtime tree).
void BM_Graph_Load_MakeSimdjson(benchmark::State& state) {
  const std::string& p = payload();
  for (auto _ : state) benchmark::DoNotOptimize(bench::make_load_simdjson(p));
  state.SetBytesProcessed(state.iterations() * static_cast<long>(p.size()));
}
BENCHMARK(BM_Graph_Load_MakeSimdjson);

// The floor plus what a registry load must add (symbol lookup, dispatch, matching keyword
// arguments by name): a prototype of a loader generated per class over simdjson's DOM.
void BM_Graph_Load_TapePrototype(benchmark::State& state) {
  const std::string& p = payload();
  for (auto _ : state) benchmark::DoNotOptimize(bench::prototype_tape_load(p));
  state.SetBytesProcessed(state.iterations() * static_cast<long>(p.size()));
}
BENCHMARK(BM_Graph_Load_TapePrototype);

// Parse only (no objects): how much of a load is the parser.
void BM_Graph_ParseOnly(benchmark::State& state) {
  const std::string& p = payload();
  for (auto _ : state) {
    nni::JsonDocument doc(p);
    benchmark::DoNotOptimize(doc.root().impl());
  }
}
BENCHMARK(BM_Graph_ParseOnly);

// simdjson's parse alone (its DOM, parser reused): the part of ParseOnly that is simdjson's.
void BM_Graph_ParseOnly_Simdjson(benchmark::State& state) {
  const std::string& p = payload();
  for (auto _ : state) {
    benchmark::DoNotOptimize(bench::hand_parser().parse(p.data(), p.size()).error());
  }
}
BENCHMARK(BM_Graph_ParseOnly_Simdjson);

// Untyped load: a tree of nni::Records, no objects.
void BM_Graph_LoadUntyped_Nni(benchmark::State& state) {
  const std::string& p = payload();
  for (auto _ : state) benchmark::DoNotOptimize(nni::load(p));
}
BENCHMARK(BM_Graph_LoadUntyped_Nni);

// ---- one object: nni::make vs std::make_shared with the same arguments ----

void BM_Normalize_Make_Nni(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(nni::make<demo::Normalize>(bench::kMean, bench::kStd));
}
BENCHMARK(BM_Normalize_Make_Nni);

void BM_Normalize_Make_Hand(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(std::make_shared<demo::Normalize>(bench::kMean, bench::kStd));
  }
}
BENCHMARK(BM_Normalize_Make_Hand);

void BM_Tiny_Make_Nni(benchmark::State& state) {
  int x = 1;
  for (auto _ : state) {
    benchmark::DoNotOptimize(x);
    benchmark::DoNotOptimize(nni::make<bench::Tiny>(x));
  }
}
BENCHMARK(BM_Tiny_Make_Nni);

void BM_Tiny_Make_Hand(benchmark::State& state) {
  int x = 1;
  for (auto _ : state) {
    benchmark::DoNotOptimize(x);
    benchmark::DoNotOptimize(std::make_shared<bench::Tiny>(x));
  }
}
BENCHMARK(BM_Tiny_Make_Hand);

// ---- a 1,000,000-float argument: throughput in bytes of payload ----

const std::string& big_payload() {
  static const std::string p = [] {
    std::string text = nni::dump(nni::make<bench::Signal>(bench::big_samples()));
    check(text == bench::hand_dump_signal(bench::Signal(bench::big_samples())),
          "hand_dump_signal writes what nni::dump writes");
    check(bench::hand_load_signal(text)->samples() == bench::big_samples() &&
              bench::hand_load_signal_json_document(text)->samples() == bench::big_samples(),
          "hand_load_signal reads the samples");
    return text;
  }();
  return p;
}

void BM_BigVector_Dump_Nni(benchmark::State& state) {
  auto s = nni::make<bench::Signal>(bench::big_samples());
  for (auto _ : state) benchmark::DoNotOptimize(nni::dump(s));
  state.SetBytesProcessed(state.iterations() * static_cast<long>(big_payload().size()));
  state.counters["payload_bytes"] = static_cast<double>(big_payload().size());
}
BENCHMARK(BM_BigVector_Dump_Nni)->Unit(benchmark::kMillisecond);

void BM_BigVector_Dump_Hand(benchmark::State& state) {
  bench::Signal s(bench::big_samples());
  for (auto _ : state) benchmark::DoNotOptimize(bench::hand_dump_signal(s));
  state.SetBytesProcessed(state.iterations() * static_cast<long>(big_payload().size()));
}
BENCHMARK(BM_BigVector_Dump_Hand)->Unit(benchmark::kMillisecond);

void BM_BigVector_Load_Nni(benchmark::State& state) {
  const std::string& p = big_payload();
  for (auto _ : state) benchmark::DoNotOptimize(nni::load<bench::Signal>(p));
  state.SetBytesProcessed(state.iterations() * static_cast<long>(p.size()));
}
BENCHMARK(BM_BigVector_Load_Nni)->Unit(benchmark::kMillisecond);

void BM_BigVector_Load_Hand(benchmark::State& state) {
  const std::string& p = big_payload();
  for (auto _ : state) benchmark::DoNotOptimize(bench::hand_load_signal(p));
  state.SetBytesProcessed(state.iterations() * static_cast<long>(p.size()));
}
BENCHMARK(BM_BigVector_Load_Hand)->Unit(benchmark::kMillisecond);

void BM_BigVector_Load_HandJsonDocument(benchmark::State& state) {
  const std::string& p = big_payload();
  for (auto _ : state) benchmark::DoNotOptimize(bench::hand_load_signal_json_document(p));
  state.SetBytesProcessed(state.iterations() * static_cast<long>(p.size()));
}
BENCHMARK(BM_BigVector_Load_HandJsonDocument)->Unit(benchmark::kMillisecond);

void BM_BigVector_ParseOnly(benchmark::State& state) {
  const std::string& p = big_payload();
  for (auto _ : state) {
    nni::JsonDocument doc(p);
    benchmark::DoNotOptimize(doc.root().impl());
  }
  state.SetBytesProcessed(state.iterations() * static_cast<long>(p.size()));
}
BENCHMARK(BM_BigVector_ParseOnly)->Unit(benchmark::kMillisecond);

// ---- registry lookups in this small registry (6 entities); registry_lookup has 10,000 ----

void BM_Lookup_FindEntity_Small(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(nni::detail::find_entity("path:demo::Normalize"));
}
BENCHMARK(BM_Lookup_FindEntity_Small);

void BM_Lookup_FindClass_Small(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(nni::detail::find_class(typeid(bench::Tiny)));
}
BENCHMARK(BM_Lookup_FindClass_Small);

void BM_Lookup_LoadTiny_Small(benchmark::State& state) {
  const std::string p = R"({"__symbol__": "path:bench::Tiny", "__kwargs__": {"x": 1}})";
  for (auto _ : state) benchmark::DoNotOptimize(nni::load<bench::Tiny>(p));
}
BENCHMARK(BM_Lookup_LoadTiny_Small);

}  // namespace

BENCHMARK_MAIN();
