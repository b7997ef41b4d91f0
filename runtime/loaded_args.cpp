#include "loaded_args.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <new>

#include "nni/detail/record.h"

namespace nni::detail {

namespace {

struct Layout {
  std::size_t size = 0;
  std::size_t align = alignof(std::max_align_t);
};

// Where each of `count` values goes, from offset `start`; the values are the arguments
// themselves (arg_size), or the record's copies of `args` (stored_size, or a FlatCopyOps's size).
// Called once without `base` for the size to allocate, then with it to write each value's
// address to `slots`.
Layout lay_out(const ParamInfo* params, std::size_t count, const LoadedArgs* args,
               std::size_t start, std::byte* base = nullptr, void** slots = nullptr) noexcept {
  Layout layout;
  std::size_t offset = start;
  for (std::size_t i = 0; i < count; ++i) {
    const ArgOps& ops = *params[i].ops;
    std::size_t align, size;
    if (!args) {
      align = ops.arg_align;
      size = ops.arg_size;
    } else if (ops.flat) {
      align = alignof(std::uint64_t);
      size = ops.flat->size(args->slot(i));
    } else {
      align = ops.stored_align;
      size = ops.stored_size;
    }
    offset = align_up(offset, align);
    if (slots) slots[i] = base + offset;
    offset += size;
    layout.align = std::max(layout.align, align);
  }
  layout.size = offset;
  return layout;
}

std::byte* allocate_aligned(std::size_t size, std::size_t align) {
  return static_cast<std::byte*>(::operator new(size, std::align_val_t{align}));
}

// A record whose copies live in `storage_`: a table of their addresses, then the values.
class LoadedRecord : public TraceRecord {
 public:
  LoadedRecord(const Entity& entity, const Signature& signature, std::size_t given) noexcept
      : TraceRecord(&entity, &signature, given) {}

 protected:
  // Each derived class calls this in its destructor, while its storage still exists.
  void destroy_values() noexcept {
    const ParamInfo* params = signature().params;
    for (std::size_t i = stored_; i-- > 0;) {
      const ArgOps& ops = *params[i].ops;
      if (!ops.trivial && !ops.flat) ops.destroy_stored(slots_[i]);
    }
    stored_ = 0;
  }

  // Copies the arguments into `storage`: the table of their addresses, then the values (as
  // lay_out(..., &args, table_bytes(given)) sized it). If a copy throws, the ones made are
  // destroyed.
  void fill(std::byte* storage, const LoadedArgs& args) {
    slots_ = reinterpret_cast<void**>(storage);
    const ParamInfo* params = signature().params;
    lay_out(params, given(), &args, table_bytes(given()), storage, slots_);
    try {
      for (std::size_t i = 0; i < given(); ++i) {
        const ArgOps& ops = *params[i].ops;
        if (ops.trivial) {
          std::memcpy(slots_[i], args.slot(i), ops.arg_size);
        } else if (ops.flat) {
          ops.flat->store(slots_[i], args.slot(i));
        } else {
          ops.store(slots_[i], args.slot(i));
        }
        stored_ = i + 1;
      }
    } catch (...) {
      destroy_values();
      throw;
    }
  }

  void write_arg(std::size_t index, JsonWriter& w, DumpContext& ctx) const override {
    const ParamInfo& param = signature().params[index];
    if (param.ops->flat) {
      param.ops->flat->dump(w, slots_[index], ctx);
    } else {
      param.ops->dump(w, slots_[index], param.hint, ctx);
    }
  }

 public:
  static std::size_t table_bytes(std::size_t given) noexcept { return given * sizeof(void*); }

 private:
  void** slots_ = nullptr;
  std::size_t stored_ = 0;  // copies constructed, destroyed in reverse
};

template <std::size_t N>
class InlineRecord final : public LoadedRecord {
 public:
  InlineRecord(const Entity& entity, const Signature& signature, const LoadedArgs& args,
               std::size_t given)
      : LoadedRecord(entity, signature, given) {
    fill(storage_, args);
  }
  ~InlineRecord() override { destroy_values(); }

 private:
  alignas(std::max_align_t) std::byte storage_[N];
};

class HeapRecord final : public LoadedRecord {
 public:
  HeapRecord(const Entity& entity, const Signature& signature, const LoadedArgs& args,
             std::size_t given, Layout layout)
      : LoadedRecord(entity, signature, given),
        storage_(allocate_aligned(layout.size, layout.align)),
        align_(layout.align) {
    try {
      fill(storage_, args);
    } catch (...) {
      release();
      throw;
    }
  }
  ~HeapRecord() override {
    destroy_values();
    release();
  }

 private:
  void release() noexcept { ::operator delete(storage_, std::align_val_t{align_}); }

  std::byte* storage_;
  std::size_t align_;
};

// A record that lives at the start of its object's allocation, its copies right after it.
class BlockRecord final : public LoadedRecord {
 public:
  static std::size_t storage_offset() noexcept {
    return align_up(sizeof(BlockRecord), alignof(std::max_align_t));
  }

  BlockRecord(const Entity& entity, const Signature& signature, const LoadedArgs& args,
              std::size_t given)
      : LoadedRecord(entity, signature, given) {
    fill(reinterpret_cast<std::byte*>(this) + storage_offset(), args);
  }
  ~BlockRecord() override { destroy_values(); }
};

void destroy_in_block(void* object, const TraceRecord* record) noexcept {
  record->signature().object->destroy(object);
  record->~TraceRecord();
}

bool over_aligned(std::size_t align) noexcept { return align > __STDCPP_DEFAULT_NEW_ALIGNMENT__; }

// Memory for an object alone, as a new-expression of its class gets it (no class-specific
// operator new: the generator emits a LoadFn for those), so that `delete` is right for it.
void* allocate_alone(const ObjectOps& ops) {
  return over_aligned(ops.align) ? ::operator new(ops.size, std::align_val_t{ops.align})
                                 : ::operator new(ops.size);
}

void free_alone(void* place, const ObjectOps& ops) noexcept {
  if (over_aligned(ops.align)) {
    ::operator delete(place, std::align_val_t{ops.align});
  } else {
    ::operator delete(place);
  }
}

// An object built alone (construct_loaded), as `delete` would: it is exactly the class its
// ObjectOps are for.
void delete_alone(void* object, const TraceRecord* record) noexcept {
  const ObjectOps& ops = *record->signature().object;
  ops.destroy(object);
  free_alone(object, ops);
}

}  // namespace

void ValueStorage::AlignedDelete::operator()(std::byte* p) const noexcept {
  ::operator delete(p, std::align_val_t{align});
}

void ValueStorage::allocate(const ParamInfo* params, std::size_t count, void** slots) {
  Layout layout = lay_out(params, count, nullptr, 0);
  std::byte* base = inline_;
  if (layout.size > kInline || layout.align > alignof(std::max_align_t)) {
    heap_ = {allocate_aligned(layout.size, layout.align), AlignedDelete{layout.align}};
    base = heap_.get();
  }
  lay_out(params, count, nullptr, 0, base, slots);
}

LoadedArgs::LoadedArgs(const Signature& signature, std::size_t count)
    : signature_(signature), slots_(inline_slots_) {
  if (count > kInlineSlots) {
    heap_slots_ = std::make_unique<void*[]>(count);
    slots_ = heap_slots_.get();
  }
  storage_.allocate(signature.params, count, slots_);
}

LoadedArgs::~LoadedArgs() {
  const ParamInfo* params = signature_.params;
  for (std::size_t i = constructed_; i-- > 0;) {
    if (!params[i].ops->trivial) params[i].ops->destroy_arg(slots_[i]);
  }
}

std::shared_ptr<const TraceRecord> record_loaded(const Entity& entity, const Signature& signature,
                                                 const LoadedArgs& args, std::size_t given) {
  Layout layout = lay_out(signature.params, given, &args, LoadedRecord::table_bytes(given));
  if (layout.align <= alignof(std::max_align_t)) {
    if (layout.size <= 64)
      return std::make_shared<InlineRecord<64>>(entity, signature, args, given);
    if (layout.size <= 160)
      return std::make_shared<InlineRecord<160>>(entity, signature, args, given);
    if (layout.size <= 320)
      return std::make_shared<InlineRecord<320>>(entity, signature, args, given);
    if (layout.size <= 640)
      return std::make_shared<InlineRecord<640>>(entity, signature, args, given);
  }
  return std::make_shared<HeapRecord>(entity, signature, args, given, layout);
}

std::shared_ptr<void> construct_loaded(const Entity& entity, const Signature& signature,
                                       const LoadedArgs& args, std::size_t count, std::size_t given,
                                       bool deletable) {
  const ObjectOps& ops = *signature.object;
  ArgList list(entity, args.slots(), count, nullptr);
  Layout values = lay_out(signature.params, given, &args, LoadedRecord::table_bytes(given));
  constexpr std::size_t kMaxAlign = alignof(std::max_align_t);
  if (!deletable && ops.align <= kMaxAlign && values.align <= kMaxAlign) {
    // The record (with its copies of the arguments), the object, then the control block, as
    // nni::make lays them out (make_traced_in_block).
    std::size_t object = align_up(BlockRecord::storage_offset() + values.size, ops.align);
    std::size_t room = align_up(object + ops.size, kMaxAlign);
    auto* block = static_cast<std::byte*>(::operator new(room + InBlockAllocator<char>::kRoom));
    BlockRecord* record;
    try {
      record = ::new (block) BlockRecord(entity, signature, args, given);
    } catch (...) {
      ::operator delete(block);
      throw;
    }
    try {
      signature.construct(block + object, list);
    } catch (...) {
      record->~BlockRecord();
      ::operator delete(block);
      throw;
    }
    TraceDeleter deleter{std::shared_ptr<const TraceRecord>(std::shared_ptr<void>(), record),
                         nullptr};
    deleter.destroy = &destroy_in_block;
    deleter.in_block = true;
    return std::shared_ptr<void>(block + object, std::move(deleter),
                                 InBlockAllocator<char>(block, block + room));
  }
  // Alone, so that `delete` is right for a std::unique_ptr.
  std::shared_ptr<const TraceRecord> record = record_loaded(entity, signature, args, given);
  void* place = allocate_alone(ops);
  try {
    signature.construct(place, list);
  } catch (...) {
    free_alone(place, ops);
    throw;
  }
  TraceDeleter deleter{std::move(record), nullptr};
  deleter.destroy = &delete_alone;
  // If the control block cannot be allocated, shared_ptr calls the deleter on `place`.
  return std::shared_ptr<void>(place, std::move(deleter));
}

}  // namespace nni::detail
