// Custom hooks: a type's own dump/load pair, in json-tricks' __instance_type__ encoding.
#include <gtest/gtest.h>

#include <string>

#include <nni/trace.h>

namespace geo {

struct Point {
  int x = 0, y = 0;
  bool operator==(const Point& o) const { return x == o.x && y == o.y; }
};

// Hooks as members, NNI's _dump / _load.
struct Circle {
  double r = 0;
  nni::Value::Object _dump() const { return {{"r", r}}; }
  static Circle _load(const nni::Value::Object& attributes) {
    return Circle{attributes.at(0).second.as_double()};
  }
};

}  // namespace geo

// Hooks as a specialization beside the type, as fmt::formatter.
template <>
struct nni::Custom<geo::Point> {
  static nni::Value::Object dump(const geo::Point& p) { return {{"x", p.x}, {"y", p.y}}; }
  static geo::Point load(const nni::Value::Object& a) {
    nni::Value v(a);
    return geo::Point{static_cast<int>(v["x"].as_int()), static_cast<int>(v["y"].as_int())};
  }
};

namespace {

TEST(CustomHooks, SpecializationIsEncodedWithInstanceType) {
  std::string payload = nni::dump(geo::Point{1, 2});
  EXPECT_EQ(payload, R"({"__instance_type__": ["geo", "Point"], "attributes": {"x": 1, "y": 2}})");
  EXPECT_EQ(nni::load_value<geo::Point>(payload), (geo::Point{1, 2}));
}

TEST(CustomHooks, MemberHooks) {
  std::string payload = nni::dump(geo::Circle{1.5});
  EXPECT_EQ(payload, R"({"__instance_type__": ["geo", "Circle"], "attributes": {"r": 1.5}})");
  EXPECT_EQ(nni::load_value<geo::Circle>(payload).r, 1.5);
}

TEST(CustomHooks, WrongInstanceTypeIsALoadError) {
  try {
    nni::load_value<geo::Point>(R"({"__instance_type__": ["geo", "Circle"], "attributes": {}})");
    FAIL();
  } catch (const nni::LoadError& e) {
    EXPECT_EQ(e.path(), "/__instance_type__");
  }
  EXPECT_THROW(nni::load_value<geo::Point>(R"({"x": 1})"), nni::LoadError);
}

}  // namespace
