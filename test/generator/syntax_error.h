// A syntax error in the input: Clang's diagnostic, a non-zero exit, and no output written or
// left behind (an earlier output of the same name is removed).
// RUN: rm -f %t.cpp %t.yaml %t.d
// RUN: not %nni-trace-gen %s -o %t.cpp --manifest %t.yaml --depfile %t.d -- -std=c++17 2>&1 | FileCheck %s
// RUN: test ! -e %t.cpp
// RUN: test ! -e %t.yaml
// RUN: test ! -e %t.d
// RUN: echo stale > %t.cpp
// RUN: not %nni-trace-gen %s -o %t.cpp -- -std=c++17
// RUN: test ! -e %t.cpp
#pragma once

namespace broken {
class [[nni::trace]] Widget {
 public:
  Widget(int size)
};
}  // namespace broken

// CHECK: syntax_error.h:[[#@LINE-4]]:19: error: expected ';' at end of declaration list
// CHECK: nni-trace-gen: error: {{.*}}no output written
