// Enums by enumerator name. This file registers the names itself, as generated code does, to
// test the runtime alone; models.h's traced uses of enums test the generator's registration.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include <nni/trace.h>

namespace paint {
enum class Color : unsigned char { RED = 1, GREEN = 2, BLUE = 4 };
}

namespace {

const nni::detail::EnumeratorInfo kColorNames[] = {{"RED", 1}, {"GREEN", 2}, {"BLUE", 4}};
const nni::detail::EnumInfo kColor = {&typeid(paint::Color), "paint", "Color", kColorNames, 3};
const nni::detail::EnumInfo* const kEnums[] = {&kColor};
const nni::detail::EnumRegistration kRegistration(kEnums, 1);

TEST(Enums, ByEnumeratorNameAsJsonTricks) {
  std::string payload = nni::dump(paint::Color::GREEN);
  EXPECT_EQ(payload,
            R"({"__enum__": {"__enum_instance_type__": ["paint", "Color"], "name": "GREEN"}})");
  EXPECT_EQ(nni::load_value<paint::Color>(payload), paint::Color::GREEN);
}

TEST(Enums, UnknownNameIsALoadErrorListingTheNames) {
  try {
    nni::load_value<paint::Color>(
        R"({"__enum__": {"__enum_instance_type__": ["paint", "Color"], "name": "PINK"}})");
    FAIL();
  } catch (const nni::LoadError& e) {
    EXPECT_EQ(e.path(), "/__enum__/name");
    EXPECT_NE(std::string(e.what()).find("RED, GREEN, BLUE"), std::string::npos) << e.what();
  }
}

TEST(Enums, ValueWithoutANameIsADumpError) {
  EXPECT_THROW(nni::dump(static_cast<paint::Color>(3)), nni::DumpError);
}

TEST(Enums, MapKeysAreEnumeratorNames) {
  std::map<paint::Color, int> m{{paint::Color::RED, 1}, {paint::Color::BLUE, 2}};
  EXPECT_EQ(nni::dump(m), R"({"RED": 1, "BLUE": 2})");
  EXPECT_EQ((nni::load_value<std::map<paint::Color, int>>(R"({"RED": 1, "BLUE": 2})")), m);
}

TEST(Enums, WrongEnumTypeIsALoadError) {
  EXPECT_THROW(
      nni::load_value<paint::Color>(
          R"({"__enum__": {"__enum_instance_type__": ["other", "Color"], "name": "RED"}})"),
      nni::LoadError);
}

}  // namespace
