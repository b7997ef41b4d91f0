// What nni::make, nni::make_unique and loads build is destroyed exactly once, also when a
// constructor throws, and the record outlives nothing it should not (ASan and LSan check the
// memory side: the asan preset runs this file too).
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "objects.h"

namespace {

TEST(Lifetime, MakeDestroysTheObjectWhenTheLastOwnerGoes) {
  ASSERT_EQ(objs::Fragile::live, 0);
  {
    auto made = nni::make<objs::Fragile>(std::vector<int>{1, 2, 3});
    EXPECT_EQ(objs::Fragile::live, 1);
    std::shared_ptr<objs::Fragile> copy = made.shared();
    made = nni::Traced<objs::Fragile>();
    EXPECT_EQ(objs::Fragile::live, 1);
    // The record is still there for the remaining owner.
    EXPECT_EQ(nni::dump(copy),
              R"({"__symbol__": "path:objs::Fragile", "__kwargs__": {"values": [1, 2, 3]}})");
  }
  EXPECT_EQ(objs::Fragile::live, 0);
}

TEST(Lifetime, AWeakPointerOutlivesTheObjectButNotItsDestruction) {
  std::weak_ptr<objs::Fragile> weak;
  {
    auto made = nni::make<objs::Fragile>(std::vector<int>{4});
    weak = made.shared();
    EXPECT_FALSE(weak.expired());
  }
  EXPECT_TRUE(weak.expired());
  EXPECT_EQ(objs::Fragile::live, 0);
  EXPECT_EQ(weak.lock(), nullptr);
}

TEST(Lifetime, AThrowingConstructorLeavesNothingBehind) {
  EXPECT_THROW(nni::make<objs::Fragile>(std::vector<int>(1000, 7), true), std::runtime_error);
  EXPECT_THROW(nni::make_unique<objs::Fragile>(std::vector<int>(1000, 7), true),
               std::runtime_error);
  EXPECT_THROW(
      nni::load<objs::Fragile>(
          R"({"__symbol__": "path:objs::Fragile", "__kwargs__": {"values": [1, 2], "fail": true}})"),
      std::runtime_error);
  EXPECT_EQ(objs::Fragile::live, 0);
}

TEST(Lifetime, MakeUniqueGivesAnObjectAUniquePtrCanDelete) {
  {
    nni::Unique<objs::Fragile> unique = nni::make_unique<objs::Fragile>(std::vector<int>{5});
    EXPECT_EQ(objs::Fragile::live, 1);
    std::unique_ptr<objs::Fragile> owned = std::move(unique).release_unique();
    EXPECT_EQ(owned->values(), std::vector<int>{5});
  }
  EXPECT_EQ(objs::Fragile::live, 0);
}

TEST(Lifetime, LoadedObjectsAreDestroyedOnce) {
  {
    auto loaded = nni::load<objs::Fragile>(
        R"({"__symbol__": "path:objs::Fragile", "__kwargs__": {"values": [9, 8]}})");
    EXPECT_EQ(objs::Fragile::live, 1);
    EXPECT_EQ(loaded->values(), (std::vector<int>{9, 8}));
    EXPECT_EQ(nni::dump(loaded),
              R"({"__symbol__": "path:objs::Fragile", "__kwargs__": {"values": [9, 8]}})");
  }
  EXPECT_EQ(objs::Fragile::live, 0);
}

TEST(Lifetime, OverAlignedObjectsKeepTheirAlignment) {
  auto wide = nni::make<objs::Wide>(3);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(wide.get()) % 64, 0u);
  EXPECT_EQ(nni::dump(wide), R"({"__symbol__": "path:objs::Wide", "__kwargs__": {"x": 3}})");
  auto loaded = nni::load<objs::Wide>(nni::dump(wide));
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(loaded.get()) % 64, 0u);
  EXPECT_EQ(loaded->x, 3);
}

TEST(Lifetime, AClassWithItsOwnOperatorNewIsLoadedWithIt) {
  int allocations = objs::Pooled::allocations, deallocations = objs::Pooled::deallocations;
  {
    auto loaded =
        nni::load<objs::Pooled>(R"({"__symbol__": "path:objs::Pooled", "__args__": [4]})");
    EXPECT_EQ(loaded->id, 4);
    EXPECT_EQ(objs::Pooled::allocations, allocations + 1);
  }
  EXPECT_EQ(objs::Pooled::deallocations, deallocations + 1);
}

constexpr const char* kOwner =
    R"({"__symbol__": "path:objs::Owner", "__kwargs__": {)"
    R"("fragile": {"__symbol__": "path:objs::Fragile", "__kwargs__": {"values": [1]}}, )"
    R"("wide": {"__symbol__": "path:objs::Wide", "__kwargs__": {"x": 2}}, )"
    R"("pooled": {"__symbol__": "path:objs::Pooled", "__kwargs__": {"id": 3}}}})";

TEST(Lifetime, ObjectsLoadedForAUniquePtrAreDeletedByIt) {
  int allocations = objs::Pooled::allocations, deallocations = objs::Pooled::deallocations;
  {
    auto owner = nni::load<objs::Owner>(kOwner);
    EXPECT_EQ(objs::Fragile::live, 1);
    EXPECT_EQ(owner->fragile->values(), std::vector<int>{1});
    EXPECT_EQ(owner->wide->x, 2);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(owner->wide.get()) % 64, 0u);
    EXPECT_EQ(owner->pooled->id, 3);
    EXPECT_EQ(objs::Pooled::allocations, allocations + 1);
    EXPECT_EQ(nni::dump(owner), kOwner);
    owner->fragile.reset();  // deleted by the std::unique_ptr, not by a shared_ptr
    EXPECT_EQ(objs::Fragile::live, 0);
  }
  EXPECT_EQ(objs::Pooled::deallocations, deallocations + 1);
}

TEST(Lifetime, AThrowingConstructorForAUniquePtrLeavesNothingBehind) {
  EXPECT_THROW(
      nni::load<objs::Owner>(
          R"({"__symbol__": "path:objs::Owner", "__args__": [)"
          R"({"__symbol__": "path:objs::Fragile", "__args__": [[1], true]}, null, null]})"),
      std::runtime_error);
  EXPECT_EQ(objs::Fragile::live, 0);
}

}  // namespace
