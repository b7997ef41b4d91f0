// Registry lookups with 10,000 traced classes registered (scale_0 ... scale_9): by symbol (load),
// by type (make), and a whole load of a one-argument object, for the first, a middle and the
// last class. Compare with BM_Lookup_*_Small in bench_runtime (a registry of 6).
#include <benchmark/benchmark.h>

#include <string>

#include <nni/trace.h>

#include "scale_0.h"
#include "scale_5.h"
#include "scale_9.h"

namespace {

void BM_Lookup_FindEntity_10k(benchmark::State& state, const char* symbol) {
  if (!nni::detail::find_entity(symbol)) state.SkipWithError("not registered");
  for (auto _ : state) benchmark::DoNotOptimize(nni::detail::find_entity(symbol));
}
BENCHMARK_CAPTURE(BM_Lookup_FindEntity_10k, first, "path:scale::C00000");
BENCHMARK_CAPTURE(BM_Lookup_FindEntity_10k, middle, "path:scale::C05000");
BENCHMARK_CAPTURE(BM_Lookup_FindEntity_10k, last, "path:scale::C09999");

template <class T>
void BM_Lookup_FindClass_10k(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(nni::detail::find_class(typeid(T)));
}
BENCHMARK_TEMPLATE(BM_Lookup_FindClass_10k, scale::C00000);
BENCHMARK_TEMPLATE(BM_Lookup_FindClass_10k, scale::C05000);
BENCHMARK_TEMPLATE(BM_Lookup_FindClass_10k, scale::C09999);

template <class T>
void load_one(benchmark::State& state, const char* symbol) {
  const std::string p =
      std::string(R"({"__symbol__": ")") + symbol + R"(", "__kwargs__": {"x": 1}})";
  for (auto _ : state) benchmark::DoNotOptimize(nni::load<T>(p));
}
void BM_Lookup_LoadOne_10k_first(benchmark::State& state) {
  load_one<scale::C00000>(state, "path:scale::C00000");
}
BENCHMARK(BM_Lookup_LoadOne_10k_first);
void BM_Lookup_LoadOne_10k_last(benchmark::State& state) {
  load_one<scale::C09999>(state, "path:scale::C09999");
}
BENCHMARK(BM_Lookup_LoadOne_10k_last);

}  // namespace

BENCHMARK_MAIN();
