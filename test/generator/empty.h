// A header without traced entities: a valid source that registers nothing (and keeps the
// anchor, so that the link options that name it still work).
// RUN: %nni-trace-gen %s -o %t.cpp --anchor empty -- -std=c++17
// RUN: FileCheck %s --input-file %t.cpp --implicit-check-not=kEntit --implicit-check-not=namespace
#pragma once
struct Plain {
  int x;
};
// CHECK: // Traced entities: none
// CHECK: #include <nni/generated.h>
// CHECK-NOT: #include "
// CHECK: extern "C" const char nni_trace_anchor_empty = 0;
