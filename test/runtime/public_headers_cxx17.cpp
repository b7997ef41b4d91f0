// Compiled with -std=c++17 by each available compiler (GCC 12, Clang 14, Clang 19): the public
// headers must stay C++17 and warning-free.
#include <nni/generated.h>
#include <nni/trace.h>

int main() { return 0; }
