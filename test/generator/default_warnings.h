// Defaults that cannot be re-printed for the generated file get a warning at the parameter (the
// loader cannot pass them, so a payload that gives a later argument must give them), and the
// generated code reads them with args.get (default_in_loader false). The run still succeeds.
// A class declared by a macro is read like any other: its defaults are its own text.
// RUN: %nni-trace-gen %s -o %t.cpp --manifest %t.yaml -- -std=c++20 2> %t.err
// RUN: FileCheck %s --input-file %t.err --implicit-check-not=warning: --implicit-check-not=error:
// RUN: FileCheck %s --input-file %t.cpp --check-prefix=CPP
// RUN: FileCheck %s --input-file %t.yaml --check-prefix=YAML
#pragma once
#include <source_location>
#include <string>

#define DEFAULT_NAME "macro"
#define DEFAULT_WIDTH 8

namespace warn {
class [[nni::trace]] Hidden {
  static constexpr int kSecret = 7;

 protected:
  static constexpr int kShared = 8;

 public:
  Hidden(int secret = kSecret, int shared = kShared, std::string name = DEFAULT_NAME,
         int last = kSecret);
  // CHECK: default_warnings.h:[[#@LINE-2]]:14: warning: the default argument of 'secret' uses the private member 'warn::Hidden::kSecret', so generated code cannot pass it: a payload that gives a later argument must give 'secret' too
  // CHECK: default_warnings.h:[[#@LINE-3]]:36: warning: the default argument of 'shared' uses the protected member 'warn::Hidden::kShared'
  // CHECK: default_warnings.h:[[#@LINE-4]]:66: warning: the default argument of 'name' uses the macro 'DEFAULT_NAME'
  // (the last parameter's default is never passed by the loader: no warning for 'last')
};

class [[nni::trace]] Located {
 public:
  Located(unsigned line = std::source_location::current().line(), int lambda = [] { return 1; }(),
          int count = 0);
  // CHECK: default_warnings.h:[[#@LINE-2]]:20: warning: the default argument of 'line' calls 'std::source_location::current', which takes the caller's source location
  // CHECK: default_warnings.h:[[#@LINE-3]]:71: warning: the default argument of 'lambda' is or calls a lambda
};

// Defaults written inside the macro that declares the class are the declaration's own text; a
// macro used as a macro argument is still a macro.
#define DECLARE_LAYER(Name, width)                     \
  class [[nni::trace]] Name {                          \
   public:                                             \
    Name(int depth = 2, int width_ = width, int n = 0); \
  };
DECLARE_LAYER(Plain, 4)
DECLARE_LAYER(FromMacro, DEFAULT_WIDTH)
// CHECK: default_warnings.h:[[#@LINE-1]]:1: warning: the default argument of 'width_' uses the macro 'DEFAULT_WIDTH'
}  // namespace warn

// CHECK: 6 warnings generated.

// CPP: // ---- warn::Hidden
// CPP: {"secret", ::nni::Kind::Number, ::nni::NumberHint::Int, true, false},
// CPP-NEXT: {"shared", ::nni::Kind::Number, ::nni::NumberHint::Int, true, false},
// CPP-NEXT: {"name", ::nni::Kind::String, ::nni::NumberHint::None, true, false},
// CPP-NEXT: {"last", ::nni::Kind::Number, ::nni::NumberHint::Int, true, false},
// CPP: case 4:
// CPP-NEXT: return args.construct<::warn::Hidden>(args.get<int>(0), args.get<int>(1), args.get<::std::string>(2), args.get<int>(3));
// CPP: // ---- warn::Plain
// CPP: case 3:
// CPP-NEXT: args.get_or<int>(0, []() -> int { return 2; }), args.get_or<int>(1, []() -> int { return 4; }), args.get<int>(2)
// CPP: // ---- warn::FromMacro
// CPP: case 3:
// CPP-NEXT: args.get_or<int>(0, []() -> int { return 2; }), args.get<int>(1), args.get<int>(2)

// YAML: - name: secret
// YAML: default: "kSecret"
// YAML-NOT: qualified_default
// YAML: - name: shared
