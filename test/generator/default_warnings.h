// Defaults that cannot be re-printed for the generated file get a warning at the parameter (the
// loader cannot pass them, so a payload that gives a later argument must give them), and the
// generated code does not construct them (default_in_loader false, no case in defaults_i_j):
// a payload that leaves them out gets a `case k:` of its own, where the compiler applies them.
// The last parameter's default is re-printed when it can be, silently left out when not (no
// later argument can need it). The run still succeeds.
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
  // (the last parameter's default is never needed before a later argument: no warning for 'last')
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

// Nothing re-printed: no defaults_0_0, and a case for every count.
// CPP: // ---- warn::Hidden
// CPP: {{[{][{]}}"secret", 6}, ::nni::Kind::Number, ::nni::NumberHint::Int, true, false, &::nni::detail::arg_ops<int>, nullptr},
// CPP-NEXT: {{[{][{]}}"shared", 6}, ::nni::Kind::Number, ::nni::NumberHint::Int, true, false, &::nni::detail::arg_ops<int>, nullptr},
// CPP-NEXT: {{[{][{]}}"name", 4}, ::nni::Kind::String, ::nni::NumberHint::None, true, false, &::nni::detail::arg_ops<::std::string>, nullptr},
// CPP-NEXT: {{[{][{]}}"last", 4}, ::nni::Kind::Number, ::nni::NumberHint::Int, true, false, &::nni::detail::arg_ops<int>, nullptr},
// CPP-NOT: defaults_0_0
// CPP: switch (args.count()) {
// CPP-NEXT: case 0:
// CPP-NEXT: ::new (place) ::warn::Hidden();
// CPP-NEXT: return;
// CPP-NEXT: case 1:
// CPP-NEXT: ::new (place) ::warn::Hidden(args.take<int>(0));
// CPP-NEXT: return;
// CPP-NEXT: case 2:
// CPP-NEXT: ::new (place) ::warn::Hidden(args.take<int>(0), args.take<int>(1));
// CPP-NEXT: return;
// CPP-NEXT: case 3:
// CPP-NEXT: ::new (place) ::warn::Hidden(args.take<int>(0), args.take<int>(1), args.take<::std::string>(2));
// CPP-NEXT: return;
// CPP-NEXT: case 4:
// CPP-NEXT: ::new (place) ::warn::Hidden(args.take<int>(0), args.take<int>(1), args.take<::std::string>(2), args.take<int>(3));
// CPP-NEXT: return;
// CPP-NEXT: default:
// CPP: {kParams_0_0, 4, 0, nullptr, &kResult_0, nullptr, nullptr, &construct_0_0, &::nni::detail::object_ops<::warn::Hidden>, nullptr},

// Only the last default is re-printed: 2 arguments are served by the case for 3.
// CPP: // ---- warn::Located
// CPP: {{[{][{]}}"line", 4}, ::nni::Kind::Number, ::nni::NumberHint::UInt, true, false, &::nni::detail::arg_ops<unsigned int>, nullptr},
// CPP-NEXT: {{[{][{]}}"lambda", 6}, ::nni::Kind::Number, ::nni::NumberHint::Int, true, false, &::nni::detail::arg_ops<int>, nullptr},
// CPP-NEXT: {{[{][{]}}"count", 5}, ::nni::Kind::Number, ::nni::NumberHint::Int, true, true, &::nni::detail::arg_ops<int>, "0"},
// CPP-NOT: defaults_1_0
// CPP: switch (args.count()) {
// CPP-NEXT: case 0:
// CPP-NEXT: ::new (place) ::warn::Located();
// CPP-NEXT: return;
// CPP-NEXT: case 1:
// CPP-NEXT: ::new (place) ::warn::Located(args.take<unsigned int>(0));
// CPP-NEXT: return;
// CPP-NEXT: case 3:
// CPP-NEXT: ::new (place) ::warn::Located(args.take<unsigned int>(0), args.take<int>(1), args.take<int>(2));
// CPP-NEXT: return;
// CPP-NEXT: default:
// CPP: {kParams_1_0, 3, 0, nullptr, &kResult_1, nullptr, nullptr, &construct_1_0, &::nni::detail::object_ops<::warn::Located>, nullptr},

// CPP: // ---- warn::Plain
// CPP: {{[{][{]}}"depth", 5}, ::nni::Kind::Number, ::nni::NumberHint::Int, true, true, &::nni::detail::arg_ops<int>, "2"},
// CPP-NEXT: {{[{][{]}}"width_", 6}, ::nni::Kind::Number, ::nni::NumberHint::Int, true, true, &::nni::detail::arg_ops<int>, "4"},
// CPP-NEXT: {{[{][{]}}"n", 1}, ::nni::Kind::Number, ::nni::NumberHint::Int, true, true, &::nni::detail::arg_ops<int>, "0"},
// CPP-NOT: defaults_1_0
// CPP: switch (args.count()) {
// CPP-NEXT: case 3:
// CPP-NEXT: ::new (place) ::warn::Plain(args.take<int>(0), args.take<int>(1), args.take<int>(2));
// CPP-NEXT: return;
// CPP-NEXT: default:

// width_'s default is not re-printed: 0 and 1 arguments have cases of their own, 2 are served
// by the case for 3.
// CPP: // ---- warn::FromMacro
// CPP: {{[{][{]}}"depth", 5}, ::nni::Kind::Number, ::nni::NumberHint::Int, true, true, &::nni::detail::arg_ops<int>, "2"},
// CPP-NEXT: {{[{][{]}}"width_", 6}, ::nni::Kind::Number, ::nni::NumberHint::Int, true, false, &::nni::detail::arg_ops<int>, nullptr},
// CPP-NEXT: {{[{][{]}}"n", 1}, ::nni::Kind::Number, ::nni::NumberHint::Int, true, true, &::nni::detail::arg_ops<int>, "0"},
// CPP-NOT: defaults_1_0
// CPP: switch (args.count()) {
// CPP-NEXT: case 0:
// CPP-NEXT: ::new (place) ::warn::FromMacro();
// CPP-NEXT: return;
// CPP-NEXT: case 1:
// CPP-NEXT: ::new (place) ::warn::FromMacro(args.take<int>(0));
// CPP-NEXT: return;
// CPP-NEXT: case 3:
// CPP-NEXT: ::new (place) ::warn::FromMacro(args.take<int>(0), args.take<int>(1), args.take<int>(2));
// CPP-NEXT: return;
// CPP-NEXT: default:

// YAML: - name: secret
// YAML: default: "kSecret"
// YAML-NOT: qualified_default
// YAML: - name: shared
