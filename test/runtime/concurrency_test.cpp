// Several threads making, dumping and loading against the same registry at once.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "models.h"

namespace {

TEST(Concurrency, EightThreadsMakeDumpAndLoad) {
  const std::string expected =
      nni::dump(nni::make<demo::DataLoader>(nni::make<demo::MNIST>("root", false), 8));
  std::vector<std::thread> threads;
  std::vector<int> mismatches(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 200; ++i) {
        auto dl = nni::make<demo::DataLoader>(nni::make<demo::MNIST>("root", false), 8);
        std::string payload = nni::dump(dl);
        auto back = nni::load<demo::DataLoader>(payload);
        if (payload != expected || nni::dump(back) != expected) ++mismatches[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < 8; ++t) EXPECT_EQ(mismatches[t], 0) << "thread " << t;
}

// Symbol lookups go through a lock-free cache that every registration and unregistration empties
// (runtime/registry.cpp): loads on several threads while another registers and unregisters an
// entity (as loading and unloading a library does) find what is registered at the time, and under
// ThreadSanitizer race with nothing.
TEST(Concurrency, LoadsWhileAnotherThreadRegistersAndUnregisters) {
  using nni::detail::Entity;
  static const Entity extra{
      {"concurrency::Extra", 18}, nni::detail::EntityKind::Function, nullptr, nullptr, 0};
  static const Entity* const extras[] = {&extra};
  const std::string expected =
      nni::dump(nni::make<demo::DataLoader>(nni::make<demo::MNIST>("root", false), 8));
  const std::string extra_payload = R"({"__symbol__": "path:concurrency::Extra"})";
  std::atomic<bool> done{false};
  std::thread registrar([&] {
    for (int i = 0; i < 300; ++i) {
      nni::detail::register_entities(extras, 1);
      nni::detail::unregister_entities(extras, 1);
    }
    done = true;
  });
  std::vector<std::thread> loaders;
  std::vector<int> wrong(4, 0), unknown(4, 0), found(4, 0);
  for (int t = 0; t < 4; ++t) {
    loaders.emplace_back([&, t] {
      while (!done) {
        if (nni::dump(nni::load<demo::DataLoader>(expected)) != expected) ++wrong[t];
        try {
          nni::load<demo::Transform>(extra_payload);
          ++wrong[t];  // the extra entity has no signature: never loads
        } catch (const nni::LoadError& e) {
          std::string what = e.what();
          if (what.find("unknown symbol") != std::string::npos) {
            ++unknown[t];
          } else if (what.find("fit no traced signature") != std::string::npos) {
            ++found[t];
          } else {
            ++wrong[t];
          }
        }
      }
    });
  }
  registrar.join();
  for (auto& th : loaders) th.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(wrong[t], 0) << "thread " << t;
  // Found (and so cached) while registered, unknown once unregistered: the cache is emptied.
  nni::detail::register_entities(extras, 1);
  EXPECT_EQ(nni::detail::find_entity("path:concurrency::Extra"), &extra);
  EXPECT_EQ(nni::detail::find_entity("concurrency::Extra"), &extra);
  nni::detail::unregister_entities(extras, 1);
  EXPECT_EQ(nni::detail::find_entity("concurrency::Extra"), nullptr);
  EXPECT_THROW(
      {
        try {
          nni::load<demo::Transform>(extra_payload);
        } catch (const nni::LoadError& e) {
          EXPECT_NE(std::string(e.what()).find("unknown symbol"), std::string::npos) << e.what();
          throw;
        }
      },
      nni::LoadError);
}

}  // namespace
