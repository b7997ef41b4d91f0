// A parameter that cannot be serialized because its class, declared in the user's own headers,
// is not traced: a note at the class's declaration with a fix-it that inserts `[[nni::trace]] `
// after its class-key (also with other attributes there). A class taken by value is told how a
// traced class is taken. No note for a class from a system header (std::function), nor a fix-it
// where the class is already traced or is a template specialization.
// RUN: not %nni-trace-gen %s -o %t.cpp -- -std=c++17 -fdiagnostics-parseable-fixits 2> %t.err
// RUN: FileCheck %s --input-file %t.err --implicit-check-not=error: --implicit-check-not=note: --implicit-check-not=fix-it:
#pragma once
#include <functional>
#include <memory>

namespace net {
class Encoder {
 public:
  Encoder(int width);
};
struct alignas(8) Decoder {};
class [[nni::trace]] Head {
 public:
  Head(int classes);
};
template <class T>
struct Pair {
  T first, second;
};

class [[nni::trace]] Model {
 public:
  Model(const Encoder& encoder, Decoder* decoder, Head head, Pair<int> pair,
        std::function<void()> hook);
  // CHECK: trace_fixit.h:[[#@LINE-2]]:24: error: parameter 'encoder' of type 'const Encoder &' cannot be serialized
  // CHECK: trace_fixit.h:[[#@LINE-19]]:7: note: 'net::Encoder' declared here{{$}}
  // CHECK-NEXT: class Encoder {
  // CHECK-NEXT: {{^ +\| +\^$}}
  // CHECK-NEXT: {{^ +\| +\[\[nni::trace\]\] $}}
  // CHECK-NEXT: fix-it:"{{.*}}trace_fixit.h":{[[#@LINE-23]]:7-[[#@LINE-23]]:7}:"{{\[\[}}nni::trace]] "

  // CHECK: trace_fixit.h:[[#@LINE-9]]:42: error: parameter 'decoder' of type 'Decoder *' cannot be serialized
  // CHECK: trace_fixit.h:[[#@LINE-22]]:8: note: 'net::Decoder' declared here{{$}}
  // CHECK: fix-it:"{{.*}}trace_fixit.h":{[[#@LINE-23]]:8-[[#@LINE-23]]:8}:"{{\[\[}}nni::trace]] "

  // CHECK: trace_fixit.h:[[#@LINE-13]]:56: error: parameter 'head' of type 'Head' cannot be serialized
  // CHECK: trace_fixit.h:[[#@LINE-25]]:22: note: 'net::Head' declared here; a traced class is taken as std::shared_ptr<net::Head>, nni::Traced<net::Head>, a reference or a pointer

  // CHECK: trace_fixit.h:[[#@LINE-16]]:72: error: parameter 'pair' of type 'Pair<int>' cannot be serialized
  // CHECK: trace_fixit.h:[[#@LINE-23]]:8: note: 'net::Pair<int>' declared here

  // CHECK: trace_fixit.h:[[#@LINE-18]]:31: error: parameter 'hook' of type 'std::function<void ()>' cannot be serialized
};
}  // namespace net

// CHECK: nni-trace-gen: error: errors in the input; no output written
