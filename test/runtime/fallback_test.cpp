// The binary fallback for untraced types that cereal can serialize, and its size limit.
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "models.h"

namespace {

using types::RawImages;  // untraced, serializable: NNI's "you forgot to trace MNIST" case

TEST(BinaryFallback, SmallObjectRoundTripsAsBase64) {
  RawImages small{"data", {1, 2, 3}};
  std::string payload = nni::dump(small);
  EXPECT_EQ(payload.rfind(R"({"__nni_obj__": ")", 0), 0u) << payload;
  EXPECT_EQ(nni::load_value<RawImages>(payload), small);
}

TEST(BinaryFallback, SharedPtrToUntracedObjectFallsBack) {
  auto p = std::make_shared<RawImages>(RawImages{"x", {9}});
  std::string payload = nni::dump(p);
  auto back = nni::load_value<std::shared_ptr<RawImages>>(payload);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, *p);
}

TEST(BinaryFallback, SixtyThousandImagesArePayloadTooLarge) {
  RawImages mnist{"data/mnist", std::vector<std::uint8_t>(60000 * 28 * 28, 7)};
  try {
    nni::dump(mnist);
    FAIL() << "no PayloadTooLarge";
  } catch (const nni::PayloadTooLarge& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("RawImages"), std::string::npos) << what;
    EXPECT_NE(what.find("trace it with [[nni::trace]]"), std::string::npos) << what;
  }
}

TEST(BinaryFallback, LimitIsAnOptionAndMinusOneDisablesIt) {
  RawImages medium{"m", std::vector<std::uint8_t>(10000, 1)};
  nni::DumpOptions options;
  EXPECT_THROW(nni::dump(medium, options), nni::PayloadTooLarge);
  options.pickle_size_limit = 20000;
  EXPECT_NO_THROW(nni::dump(medium, options));
  options.pickle_size_limit = -1;
  EXPECT_EQ(nni::load_value<RawImages>(nni::dump(medium, options)), medium);
}

TEST(BinaryFallback, DefaultLimitIs4096UnlessTheEnvironmentSetsIt) {
  // The test runner sets no PICKLE_SIZE_LIMIT; fallback_env_test checks the variable.
  if (std::getenv("PICKLE_SIZE_LIMIT") == nullptr) {
    EXPECT_EQ(nni::DumpOptions{}.pickle_size_limit, 4096);
  } else {
    EXPECT_EQ(nni::DumpOptions{}.pickle_size_limit, std::atol(std::getenv("PICKLE_SIZE_LIMIT")));
  }
}

TEST(BinaryFallback, CorruptBytesAreALoadError) {
  EXPECT_THROW(nni::load_value<RawImages>(R"({"__nni_obj__": "AAAA"})"), nni::LoadError);
  EXPECT_THROW(nni::load_value<RawImages>(R"({"__nni_obj__": "not base64!"})"), nni::LoadError);
  EXPECT_THROW(nni::load_value<RawImages>(R"({"__nni_obj__": 1})"), nni::LoadError);
  EXPECT_THROW(nni::load_value<RawImages>(R"([1])"), nni::LoadError);
}

TEST(BinaryFallback, DeclaredSizesBeyondThePayloadAreRefusedBeforeAllocating) {
  // The fuzzer's finding: 14 bytes that declare a 1 GiB string. Refused at once, with no
  // gigabyte allocated (under ASan an allocation that size would be reported).
  try {
    nni::load_value<RawImages>(R"({"__nni_obj__": "AQAAAEAAAAAAcm9vdA=="})");
    FAIL() << "no LoadError";
  } catch (const nni::LoadError& e) {
    EXPECT_NE(std::string(e.what()).find("bytes left"), std::string::npos) << e.what();
  }
}

}  // namespace
