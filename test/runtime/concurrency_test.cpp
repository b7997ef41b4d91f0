// Several threads making, dumping and loading against the same registry at once.
#include <gtest/gtest.h>

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

}  // namespace
