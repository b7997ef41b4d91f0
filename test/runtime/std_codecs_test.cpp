// Standard value types in the encodings Python's json and json-tricks use. Expected strings are
// what json_tricks.dumps prints for the equivalent Python values.
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <complex>
#include <deque>
#include <filesystem>
#include <list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <variant>

#include <nni/trace.h>

namespace {

using namespace std::chrono_literals;

template <class T>
void expect_round_trip(const T& value, const std::string& json) {
  EXPECT_EQ(nni::dump(value), json);
  EXPECT_EQ(nni::load_value<T>(json), value) << json;
}

template <class T>
std::string load_error_path(const std::string& json) {
  try {
    nni::load_value<T>(json);
  } catch (const nni::LoadError& e) {
    return e.path() + " | " + e.reason();
  }
  return "no error";
}

TEST(StdCodecs, Integers) {
  expect_round_trip<unsigned char>(255, "255");
  expect_round_trip<short>(-32768, "-32768");
  expect_round_trip<unsigned long long>(18446744073709551615ull, "18446744073709551615");
  EXPECT_EQ(load_error_path<unsigned>("-1"),
            " | integer -1 is out of range [0, 18446744073709551615]");
  EXPECT_EQ(load_error_path<unsigned short>("65536"),
            " | integer 65536 is out of range [0, 65535]");
}

TEST(StdCodecs, Optional) {
  expect_round_trip(std::optional<int>{}, "null");
  expect_round_trip(std::optional<int>{3}, "3");
}

TEST(StdCodecs, SequencesAndTuples) {
  expect_round_trip(std::list<int>{1, 2}, "[1, 2]");
  expect_round_trip(std::deque<std::string>{"a"}, R"(["a"])");
  expect_round_trip(std::array<double, 2>{0.5, 1.0}, "[0.5, 1.0]");
  expect_round_trip(std::pair<int, std::string>{1, "x"}, R"([1, "x"])");
  expect_round_trip(std::tuple<bool, int, double>{true, 2, 3.0}, "[true, 2, 3.0]");
  EXPECT_EQ((load_error_path<std::array<int, 3>>("[1, 2]")),
            " | expected an array of 3 elements, got 2");
  EXPECT_EQ((load_error_path<std::tuple<int, std::string>>(R"([1, 2])")),
            "/1 | expected a string, got 2");
}

TEST(StdCodecs, MapsKeepOrderAndWriteIntegerKeysAsStrings) {
  expect_round_trip(std::map<std::string, int>{{"b", 2}, {"a", 1}}, R"({"a": 1, "b": 2})");
  expect_round_trip(std::map<int, std::string>{{10, "x"}, {-2, "y"}}, R"({"-2": "y", "10": "x"})");
  auto u = nni::load_value<std::unordered_map<std::string, int>>(R"({"x": 1, "y": 2})");
  EXPECT_EQ(u.at("y"), 2);
  EXPECT_EQ((load_error_path<std::map<int, int>>(R"({"1x": 1})")),
            "/1x | expected an integer key, got '1x'");
  EXPECT_EQ((load_error_path<std::map<std::string, int>>(R"({"a": "no"})")),
            "/a | expected an integer, got a string");
}

TEST(StdCodecs, Sets) {
  expect_round_trip(std::set<int>{3, 1, 2}, R"({"__set__": [1, 2, 3]})");
  auto u = nni::load_value<std::unordered_set<std::string>>(R"({"__set__": ["a", "b"]})");
  EXPECT_EQ(u.count("b"), 1u);
  EXPECT_EQ(load_error_path<std::set<int>>("[1]"),
            R"( | expected a set {"__set__": [...]}, got an array)");
  EXPECT_EQ(load_error_path<std::set<int>>(R"({"__set__": [1, "x"]})"),
            "/__set__/1 | expected an integer, got a string");
}

TEST(StdCodecs, Complex) {
  expect_round_trip(std::complex<double>(1, 2), R"({"__complex__": [1.0, 2.0]})");
  expect_round_trip(std::complex<float>(0.1f, -3), R"({"__complex__": [0.1, -3.0]})");
}

TEST(StdCodecs, DurationsAsPythonTimedelta) {
  // timedelta(days=1, seconds=3, microseconds=7), timedelta(seconds=3), timedelta(0),
  // timedelta(microseconds=-1)
  expect_round_trip(std::chrono::microseconds(86400000000 + 3000000 + 7),
                    R"({"__timedelta__": null, "days": 1, "seconds": 3, "microseconds": 7})");
  expect_round_trip(std::chrono::seconds(3), R"({"__timedelta__": null, "seconds": 3})");
  expect_round_trip(std::chrono::milliseconds(0), R"({"__timedelta__": null})");
  expect_round_trip(
      std::chrono::microseconds(-1),
      R"({"__timedelta__": null, "days": -1, "seconds": 86399, "microseconds": 999999})");
  EXPECT_EQ(nni::load_value<std::chrono::hours>(R"({"__timedelta__": null, "days": 1.5})"), 36h);
  EXPECT_EQ(load_error_path<std::chrono::seconds>(R"({"__timedelta__": null, "microseconds": 5})"),
            " | duration of 5 microseconds is not a whole number of the parameter's unit "
            "(std::chrono::duration<long, std::ratio<1l, 1l> >)");
}

TEST(StdCodecs, TimePointsAsNaiveUtcDatetime) {
  using std::chrono::system_clock;
  // datetime(2024, 1, 2, 3, 4, 5, 6) and datetime(1970, 1, 1)
  system_clock::time_point t =
      system_clock::time_point(std::chrono::microseconds(1704164645000006));
  expect_round_trip(
      t,
      R"({"__datetime__": null, "year": 2024, "month": 1, "day": 2, "hour": 3, "minute": 4, "second": 5, "microsecond": 6})");
  expect_round_trip(system_clock::time_point{},
                    R"({"__datetime__": null, "year": 1970, "month": 1, "day": 1})");
  expect_round_trip(
      system_clock::time_point(-1s),
      R"({"__datetime__": null, "year": 1969, "month": 12, "day": 31, "hour": 23, "minute": 59, "second": 59})");
  EXPECT_EQ(load_error_path<system_clock::time_point>(
                R"({"__datetime__": null, "year": 2023, "month": 2, "day": 29})"),
            "/day | day 29 is out of range [1, 28]");
}

TEST(StdCodecs, NDArraysAsJsonTricksNumpy) {
  // numpy.arange(6, dtype=float32).reshape(2, 3), arange(3), and a 0-d array
  expect_round_trip(
      nni::NDArray<float>({2, 3}, {0, 1, 2, 3, 4, 5}),
      R"({"__ndarray__": [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], "dtype": "float32", "shape": [2, 3], "Corder": true})");
  expect_round_trip(nni::NDArray<std::int64_t>({3}, {0, 1, 2}),
                    R"({"__ndarray__": [0, 1, 2], "dtype": "int64", "shape": [3]})");
  expect_round_trip(nni::NDArray<double>({}, {3.5}),
                    R"({"__ndarray__": 3.5, "dtype": "float64", "shape": []})");
  // float32 elements print as numpy's tolist() widens them: array([0.1], float32)
  EXPECT_EQ(nni::dump(nni::NDArray<float>({1}, {0.1f})),
            R"({"__ndarray__": [0.10000000149011612], "dtype": "float32", "shape": [1]})");
  EXPECT_EQ(load_error_path<nni::NDArray<float>>(
                R"({"__ndarray__": [1, 2], "dtype": "int64", "shape": [2]})"),
            "/dtype | expected dtype float32, got int64");
  EXPECT_EQ(
      load_error_path<nni::NDArray<float>>(
          R"({"__ndarray__": [[1.0], [2.0, 3.0]], "dtype": "float32", "shape": [2, 1], "Corder": true})"),
      "/__ndarray__/1 | expected an array of 1 elements (shape), got an array");
  EXPECT_THROW(nni::NDArray<int>({2, 2}, {1, 2, 3}), std::invalid_argument);
}

TEST(StdCodecs, VariantsAsTheirActiveAlternative) {
  using V = std::variant<std::monostate, int, double, std::string, std::vector<int>>;
  expect_round_trip(V{}, "null");
  expect_round_trip(V{3}, "3");
  expect_round_trip(V{3.0}, "3.0");  // a float literal picks the double, not the int
  expect_round_trip(V{std::string("x")}, R"("x")");
  expect_round_trip(V{std::vector<int>{1}}, "[1]");
  using W = std::variant<std::int8_t, std::set<int>>;
  EXPECT_EQ(std::get<1>(nni::load_value<W>(R"({"__set__": [1]})")), std::set<int>{1});
  EXPECT_EQ(load_error_path<W>("300"),
            " | expected a value of one of the variant's alternatives (number, set), got 300");
}

TEST(StdCodecs, Paths) {
  expect_round_trip(std::filesystem::path("a/b"), R"({"__pathlib__": "a/b"})");
}

}  // namespace
