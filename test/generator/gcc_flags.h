// Flags written for GCC (a compile_commands.json, a target's options): each one Clang's driver
// does not know is dropped with a warning that names it, and the run succeeds; flags Clang knows
// (-Wall, -Werror=shadow, -fno-tree-vrp, which it ignores itself) are kept. --strict-flags makes
// each dropped flag an error, and nothing is written.
// RUN: %nni-trace-gen %s -o %t.cpp -- -std=c++17 -Wall -Wlogical-op -Wno-attributes=nni:: -fconserve-stack -Werror=shadow -Wno-error=format-truncation -DGCC_ONLY=1 -I %S 2> %t.err
// RUN: FileCheck %s --input-file %t.err --implicit-check-not=error: --implicit-check-not="dropped the"
// RUN: FileCheck %s --input-file %t.cpp --check-prefix=CPP
// RUN: not %nni-trace-gen %s -o %t.strict.cpp --strict-flags -- -std=c++17 -Wlogical-op -fconserve-stack 2> %t.strict.err
// RUN: FileCheck %s --input-file %t.strict.err --check-prefix=STRICT
// RUN: test ! -e %t.strict.cpp
#pragma once

namespace flags {
#if GCC_ONLY
struct [[nni::trace]] Seen {
  explicit Seen(int width);
};
#endif
}  // namespace flags

// CHECK: nni-trace-gen: warning: dropped the compiler flag '-Wlogical-op', which Clang does not know (--strict-flags makes this an error)
// CHECK: nni-trace-gen: warning: dropped the compiler flag '-Wno-attributes=nni::', which Clang does not know
// CHECK: nni-trace-gen: warning: dropped the compiler flag '-fconserve-stack', which Clang does not know
// CHECK-NOT: '-Wall'
// CPP: // Traced entities: flags::Seen

// STRICT: nni-trace-gen: error: Clang does not know the compiler flag '-Wlogical-op' (--strict-flags)
// STRICT: nni-trace-gen: error: Clang does not know the compiler flag '-fconserve-stack' (--strict-flags)
// STRICT: nni-trace-gen: error: compiler flags Clang does not know; no output written
