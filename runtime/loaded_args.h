// The arguments of one load, held without knowing their types: each parameter's ArgOps (from the
// generated tables) says how big an argument is and how to construct, copy, dump and destroy
// it. This is what keeps a generated loader down to one constructor call per argument count.
#pragma once

#include <cstddef>
#include <memory>

#include "nni/generated.h"

namespace nni::detail {

// Storage for values laid out one after another, each at its own alignment: inline when small,
// on the heap otherwise. Knows nothing about what is constructed in it.
class ValueStorage {
 public:
  ValueStorage() = default;
  ValueStorage(const ValueStorage&) = delete;
  ValueStorage& operator=(const ValueStorage&) = delete;

  // Room for the arguments of the first `count` parameters, at their sizes and alignments;
  // returns their addresses in `slots`. Call once.
  void allocate(const ParamInfo* params, std::size_t count, void** slots);

 private:
  static constexpr std::size_t kInline = 384;
  alignas(std::max_align_t) std::byte inline_[kInline];
  struct AlignedDelete {
    std::size_t align;
    void operator()(std::byte* p) const noexcept;
  };
  std::unique_ptr<std::byte[], AlignedDelete> heap_{nullptr, AlignedDelete{0}};
};

// The arguments a loader passes: converted from the payload or filled with re-printed defaults,
// destroyed (moved-from or not) when this goes out of scope.
class LoadedArgs {
 public:
  explicit LoadedArgs(const Signature& signature, std::size_t count);
  ~LoadedArgs();
  LoadedArgs(const LoadedArgs&) = delete;
  LoadedArgs& operator=(const LoadedArgs&) = delete;

  void* slot(std::size_t index) const noexcept { return slots_[index]; }
  void* const* slots() const noexcept { return slots_; }
  // Call after constructing argument `index` in slot(index), in order.
  void constructed(std::size_t index) noexcept { constructed_ = index + 1; }

 private:
  static constexpr std::size_t kInlineSlots = 12;
  const Signature& signature_;
  std::size_t constructed_ = 0;
  void* inline_slots_[kInlineSlots];
  std::unique_ptr<void*[]> heap_slots_;
  void** slots_;
  ValueStorage storage_;
};

// The record of a loaded object: copies of its first `given` arguments, in one allocation
// with the control block for the common sizes.
std::shared_ptr<const TraceRecord> record_loaded(const Entity& entity, const Signature& signature,
                                                 const LoadedArgs& args, std::size_t given);

// Builds a loaded object with its Signature::construct: in one allocation with its record and
// the shared_ptr control block, unless `deletable` (a std::unique_ptr will own it) or
// over-aligned, then alone.
std::shared_ptr<void> construct_loaded(const Entity& entity, const Signature& signature,
                                       const LoadedArgs& args, std::size_t count, std::size_t given,
                                       bool deletable);

}  // namespace nni::detail
