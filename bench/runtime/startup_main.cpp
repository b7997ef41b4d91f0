// Start-up cost of registrations: built twice, as startup_10k (linked with 10,000 traced
// classes) and startup_none (no registrations). A priority-101 constructor runs before the
// program's other static initializers (the registrations); main prints how long they took.
//   startup_<x>            exits at once (run.sh times whole processes)
//   startup_<x> --report   prints "<static-init ns> <entities found>"
//   startup_<x> --quick-exit  exits with std::_Exit: no static destructors (no unregistration)
#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <nni/trace.h>

namespace {
timespec t0;
__attribute__((constructor(101))) void before_static_init() { clock_gettime(CLOCK_MONOTONIC, &t0); }
}  // namespace

int main(int argc, char** argv) {
  timespec t1;
  clock_gettime(CLOCK_MONOTONIC, &t1);
  // Uses the registry in both programs, so both load and initialize the runtime the same way.
  bool found = nni::detail::find_entity("scale::C09999") != nullptr;
  if (argc > 1 && std::strcmp(argv[1], "--report") == 0) {
    long ns = (t1.tv_sec - t0.tv_sec) * 1000000000L + (t1.tv_nsec - t0.tv_nsec);
    std::printf("%ld %d\n", ns, found ? 1 : 0);
  }
  if (argc > 1 && std::strcmp(argv[1], "--quick-exit") == 0) std::_Exit(0);
  return 0;
}
