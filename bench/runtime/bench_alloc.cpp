// Heap cost of tracing, counted with a replaced global operator new: allocations and bytes per
// nni::make against std::make_shared with the same arguments, and per make / dump / load of the
// evaluator graph against the hand-written code. Prints one JSON object (run.sh reads it).
#include <malloc.h>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>

#include "graph.h"

namespace {
struct Counts {
  long allocs = 0;
  long bytes = 0;        // requested
  long usable = 0;       // what malloc actually reserved (malloc_usable_size)
  long live_usable = 0;  // reserved minus freed
};
Counts counts;
bool counting = false;

void* allocate(std::size_t n) {
  void* p = std::malloc(n ? n : 1);
  if (!p) throw std::bad_alloc();
  if (counting) {
    ++counts.allocs;
    counts.bytes += static_cast<long>(n);
    long u = static_cast<long>(malloc_usable_size(p));
    counts.usable += u;
    counts.live_usable += u;
  }
  return p;
}

void release(void* p) noexcept {
  if (!p) return;
  if (counting) counts.live_usable -= static_cast<long>(malloc_usable_size(p));
  std::free(p);
}
}  // namespace

void* operator new(std::size_t n) { return allocate(n); }
void* operator new[](std::size_t n) { return allocate(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  try {
    return allocate(n);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept {
  try {
    return allocate(n);
  } catch (...) {
    return nullptr;
  }
}
void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t) noexcept { release(p); }

namespace {

// Runs f once to warm up (first-use statics), then counts one run. Keeps f's result alive while
// reading the live bytes, so that they are what the result holds.
template <class F>
Counts measure(F f) {
  {
    auto warm = f();
    (void)warm;
  }
  counts = {};
  counting = true;
  auto result = f();
  Counts c = counts;
  counting = false;
  (void)result;
  return c;
}

void print(const char* name, const Counts& c, bool last = false) {
  std::printf(
      "  \"%s\": {\"allocs\": %ld, \"bytes\": %ld, \"usable\": %ld, \"live_usable\": %ld}%s\n",
      name, c.allocs, c.bytes, c.usable, c.live_usable, last ? "" : ",");
}

}  // namespace

int main() {
  std::string payload = nni::dump(bench::nni_graph());
  auto nni_dl = bench::nni_graph();
  auto hand_dl = bench::hand_graph();
  std::printf("{\n");
  print("tiny_make_nni", measure([] { return nni::make<bench::Tiny>(1); }));
  print("tiny_make_hand", measure([] { return std::make_shared<bench::Tiny>(1); }));
  print("normalize_make_nni",
        measure([] { return nni::make<demo::Normalize>(bench::kMean, bench::kStd); }));
  print("normalize_make_hand",
        measure([] { return std::make_shared<demo::Normalize>(bench::kMean, bench::kStd); }));
  print("graph_make_nni", measure([] { return bench::nni_graph(); }));
  print("graph_make_hand", measure([] { return bench::hand_graph(); }));
  print("graph_dump_nni", measure([&] { return nni::dump(nni_dl); }));
  print("graph_dump_hand", measure([&] { return bench::hand_dump(*hand_dl); }));
  print("graph_load_nni", measure([&] { return nni::load<demo::DataLoader>(payload); }));
  print("graph_load_hand", measure([&] { return bench::hand_load(payload); }));
  print("graph_load_hand_json_document",
        measure([&] { return bench::hand_load_json_document(payload); }));
  print("graph_parse_only", measure([&] { return nni::JsonDocument(payload); }), true);
  std::printf("}\n");
}
