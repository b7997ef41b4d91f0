// Payloads name an entity by its symbol alone, so two traced entities with one symbol in a run
// are an error at the second, with a note at the first. The overloads of one factory share
// their symbol: not a collision.
// RUN: not %nni-trace-gen %s -o %t.cpp -- -std=c++17 2> %t.err
// RUN: FileCheck %s --input-file %t.err --implicit-check-not=error: --implicit-check-not=warning:
// RUN: test ! -e %t.cpp
// RUN: %nni-trace-gen %s -o %t.cpp -- -std=c++17 -DNO_ERRORS
#pragma once
#include <memory>
#include <string>

namespace zoo {
class [[nni::trace("zoo.Animal")]] Cat {
 public:
  Cat(std::string name);
};
[[nni::trace]] std::shared_ptr<Cat> adopt(std::string name);
[[nni::trace]] std::shared_ptr<Cat> adopt(int id);
#ifndef NO_ERRORS
class [[nni::trace("zoo.Animal")]] Dog {
  // CHECK: symbol_collision.h:[[#@LINE-1]]:36: error: traced class 'zoo::Dog' has the symbol 'zoo.Animal' of traced class 'zoo::Cat'; payloads could not tell them apart
  // CHECK: symbol_collision.h:[[#@LINE-9]]:36: note: 'zoo::Cat' takes the symbol 'zoo.Animal' here
 public:
  Dog(std::string name);
};

// A function whose custom symbol is a class's C++ name ("path:" is dropped, as in payloads).
[[nni::trace("path:zoo::Keeper")]] std::shared_ptr<Cat> hire(int id);
class [[nni::trace]] Keeper {};
// CHECK: symbol_collision.h:[[#@LINE-1]]:22: error: traced class 'zoo::Keeper' has the symbol 'zoo::Keeper' of traced function 'zoo::hire'; payloads could not tell them apart
// CHECK: symbol_collision.h:[[#@LINE-3]]:57: note: 'zoo::hire' takes the symbol 'zoo::Keeper' here
#endif
}  // namespace zoo

// CHECK: nni-trace-gen: error: errors in the input; no output written
