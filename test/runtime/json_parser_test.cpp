// nni::JsonDocument reads with simdjson and falls back to RapidJSON for what simdjson refuses
// (runtime/json_document.cpp). These tests check that the two give the same tree for what both
// read, that the fallback takes what only RapidJSON reads, and that every refusal is RapidJSON's
// error, as before simdjson. The fuzzer checks the same on arbitrary bytes (fuzz/load_fuzzer.cpp).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <limits>
#include <string>
#include <thread>
#include <vector>

#include "json_tree.h"
#include "json_tree_text.h"
#include "nni/errors.h"
#include "nni/json.h"

namespace {

using nni::JsonDocument;
using nni::JsonNode;
using nni::JsonType;
using nni::detail::JsonParser;

struct Parsed {
  std::string tree;   // empty on error
  std::string error;  // the LoadError's what()
  bool fallback = false;
};

Parsed parse(std::string_view json, JsonParser parser, const nni::LoadLimits& limits = {}) {
  JsonParser previous = nni::detail::set_json_parser(parser);
  std::size_t fallbacks = nni::detail::json_fallback_count();
  Parsed p;
  try {
    JsonDocument doc(json, limits);
    nni_test::write_json_tree(p.tree, doc.root());
  } catch (const nni::LoadError& e) {
    p.error = e.what();
  }
  p.fallback = nni::detail::json_fallback_count() != fallbacks;
  nni::detail::set_json_parser(previous);
  return p;
}

// Parses with simdjson (falling back as needed) and with RapidJSON alone: the same outcome.
Parsed parse_both(std::string_view json, const nni::LoadLimits& limits = {}) {
  Parsed fast = parse(json, JsonParser::Auto, limits);
  Parsed slow = parse(json, JsonParser::RapidJsonOnly, limits);
  EXPECT_EQ(fast.tree, slow.tree) << json;
  EXPECT_EQ(fast.error, slow.error) << json;
  if (json.size() <= limits.max_payload_bytes) {
    EXPECT_TRUE(slow.fallback);
  }
  return fast;
}

const std::string kEvaluator =
    R"({"__symbol__": "path:demo::DataLoader", "__kwargs__": {"dataset": {"__symbol__": )"
    R"("path:demo::MNIST", "__kwargs__": {"root": "data/mnist", "train": false, "download": true, )"
    R"("transform": {"__symbol__": "path:demo::Compose", "__kwargs__": {"transforms": [{)"
    R"("__symbol__": "path:demo::Normalize", "__kwargs__": {"mean": [0.1307], "std": )"
    R"([0.3081]}}]}}}}, "batch_size": 100}})";

TEST(JsonParser, EvaluatorPayloadIsReadBySimdjson) {
  Parsed p = parse_both(kEvaluator);
  EXPECT_FALSE(p.fallback);
  EXPECT_TRUE(p.error.empty()) << p.error;
}

// What simdjson reads itself, to the same tree as RapidJSON.
TEST(JsonParser, SameTreeFromBothParsers) {
  const char* payloads[] = {
      "0",
      "-0",
      "1",
      "-1",
      "9223372036854775807",
      "-9223372036854775808",
      "9223372036854775808",
      "18446744073709551615",
      "0.0",
      "-0.0",
      "0.1",
      "1e-05",
      "1E+2",
      "2.5e-324",
      "4.9e-324",
      "2.4e-324",
      "1e-310",
      "1e-400",
      "2.2250738585072011e-308",
      "1.7976931348623157e308",
      "0.30000000000000004",
      "123456789012345678901234567890e-20",
      "0.1000000000000000055511151231257827021181583404541015625",
      "0e308",
      "1e-99999999999",
      "true",
      "false",
      "null",
      R"("")",
      R"("a\"b\\c\/d\b\f\n\r\t")",
      R"("\u0000\u001f\u007f")",
      R"("\u00e9\u20ac\ud83d\ude00\uDBFF\uDFFF")",
      "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\x7f\"",
      "[]",
      "{}",
      "[[], {}, [[]], {\"\": {}}]",
      R"({"a": 1, "a": 2})",
      " \t\r\n[1 , 2]\n ",
      R"({"k": [1, "s", null, true, false, 2.5, {"n": [0.0, -0.0]}], "e": "1e99"})",
      R"({"__symbol__": "path:types::Text", "__kwargs__": {"s": "\ud800\udc00"}})"};
  for (const char* json : payloads) {
    Parsed p = parse_both(json);
    EXPECT_FALSE(p.fallback) << json;
    EXPECT_TRUE(p.error.empty()) << json << ": " << p.error;
  }
  // A zero double in a payload with an exponent past 308 anywhere (here in a string) goes to
  // RapidJSON, which refuses "0e400" (simdjson reads it as 0): a false alarm costs only time.
  Parsed p = parse_both(R"({"k": [0.0], "e": "1e999"})");
  EXPECT_TRUE(p.fallback);
  EXPECT_TRUE(p.error.empty()) << p.error;
}

// What simdjson refuses and RapidJSON reads, as it did before simdjson.
TEST(JsonParser, FallbackLoadsWhatSimdjsonRefuses) {
  const std::string payloads[] = {
      "NaN",
      "Infinity",
      "-Infinity",
      "[1.5, NaN, -Infinity, Infinity]",
      R"({"__symbol__": "path:types::Floats", "__kwargs__": {"d": NaN}})",
      "18446744073709551616",
      "-9223372036854775809",
      "123456789012345678901234567890",
      "1.7976931348623159e308",
      "100e307",
      "0.0e309",
      "0.000e311",
      std::string("{}\0trailing", 11)};  // RapidJSON stops at a NUL
  for (const std::string& json : payloads) {
    Parsed p = parse_both(json);
    EXPECT_TRUE(p.fallback) << json;
    EXPECT_TRUE(p.error.empty()) << json << ": " << p.error;
  }
  Parsed nan = parse("[NaN]", JsonParser::Auto);
  EXPECT_EQ(nan.tree, "[dnan/7ff8000000000000,]");
  Parsed big = parse("18446744073709551616", JsonParser::Auto);
  EXPECT_EQ(big.tree, "d1.8446744073709552e+19/43f0000000000000");
}

// Every refusal is RapidJSON's, with its message and offset.
TEST(JsonParser, ErrorsAreRapidJsonsErrors) {
  const std::string payloads[] = {"",
                                  " ",
                                  "nul",
                                  "[1,]",
                                  "{\"a\"}",
                                  "[1] [2]",
                                  "01",
                                  "1.",
                                  "-",
                                  "1e",
                                  "+1",
                                  ".5",
                                  "nan",
                                  "0e400",
                                  "-0e400",
                                  "0e309",
                                  "[0.0, 1e400]",
                                  "1e400",
                                  "\xef\xbb\xbf{}",
                                  "[1]\x0c",
                                  R"("\ud800")",
                                  R"("\udc00")",
                                  R"("\u8d3d\ude00")",
                                  R"("\ud800\ue000")",
                                  R"("\ud800\u0041")",
                                  R"("\ud800x")",
                                  R"("\q")",
                                  R"("\u12")",
                                  "\"a\x01\"",
                                  "\"\xff\"",
                                  "\"\xc0\xaf\"",
                                  "\"\xed\xa0\x80\"",
                                  "\"\xf4\x90\x80\x80\"",
                                  "\"abc",
                                  "{\"a\": 1",
                                  std::string(600, '['),
                                  std::string(600, '[') + std::string(600, ']'),
                                  std::string(2000, '[') + std::string(2000, ']')};
  for (const std::string& json : payloads) {
    Parsed p = parse_both(json);
    EXPECT_FALSE(p.error.empty()) << json;
  }
  EXPECT_NE(parse(R"("\ud800")", JsonParser::Auto).error.find("surrogate"), std::string::npos);
  EXPECT_NE(parse(R"("\ude00")", JsonParser::Auto).error.find("lone UTF-16 surrogate"),
            std::string::npos);
}

// Limits are RapidJSON's errors too (simdjson_convert hands such payloads to it).
TEST(JsonParser, LimitsAreReportedAsBefore) {
  nni::LoadLimits shallow;
  shallow.max_depth = 3;
  EXPECT_TRUE(parse_both("[[[1]]]", shallow).error.empty());
  EXPECT_NE(parse_both("[[[[1]]]]", shallow).error.find("nested deeper than 3"), std::string::npos);
  EXPECT_NE(parse_both(R"({"a": {"b": {"c": {}}}})", shallow).error.find("deeper"),
            std::string::npos);

  nni::LoadLimits short_strings;
  short_strings.max_string_bytes = 4;
  EXPECT_TRUE(parse_both(R"(["abcd", "\u00e9\u00e9"])", short_strings).error.empty());
  EXPECT_NE(parse_both(R"(["abcd", "abcde"])", short_strings).error.find("longer than 4"),
            std::string::npos);
  EXPECT_NE(parse_both(R"({"abcde": 1})", short_strings).error.find("longer than 4"),
            std::string::npos);
  EXPECT_TRUE(parse_both(R"(["\u00e9\u00e9"])", short_strings).error.empty());  // 4 bytes
  EXPECT_FALSE(parse_both(R"(["\u00e9\u00e9\u00e9"])", short_strings).error.empty());

  nni::LoadLimits deep;  // deeper than the runtime's simdjson parser goes (512): RapidJSON reads it
  deep.max_depth = 5000;
  std::string nested = std::string(2000, '[') + std::string(2000, ']');
  Parsed p = parse_both(nested, deep);
  EXPECT_TRUE(p.error.empty()) << p.error;
  EXPECT_TRUE(p.fallback);

  nni::LoadLimits small;
  small.max_payload_bytes = 10;
  EXPECT_NE(parse_both("[1, 2, 3, 4]", small).error.find("max_payload_bytes"), std::string::npos);
}

// Numbers keep their kind: an integer literal that fits 64 bits, or a double.
TEST(JsonParser, NumberSemantics) {
  JsonDocument doc(
      "[-1, 9223372036854775807, 9223372036854775808, 18446744073709551615, 3.0, 2.5, -0, "
      "18446744073709551616]");
  JsonNode a = doc.root();
  EXPECT_TRUE(a[0].is_int64());
  EXPECT_FALSE(a[0].is_uint64());
  EXPECT_TRUE(a[1].is_int64() && a[1].is_uint64());
  EXPECT_FALSE(a[2].is_int64());
  EXPECT_TRUE(a[2].is_uint64());
  EXPECT_EQ(a[3].as_uint64(), std::numeric_limits<std::uint64_t>::max());
  EXPECT_FALSE(a[4].is_int64() || a[4].is_uint64());
  EXPECT_EQ(a[4].as_int64(), 3);
  EXPECT_EQ(a[4].as_uint64(), 3u);
  EXPECT_THROW(a[5].as_int64(), nni::LoadError);
  EXPECT_TRUE(a[6].is_int64());
  EXPECT_EQ(a[6].as_int64(), 0);
  EXPECT_EQ(a[1].as_double(), 9223372036854775807.0);
  EXPECT_EQ(a[3].as_double(), 18446744073709551615.0);
  EXPECT_FALSE(a[7].is_uint64());  // read by RapidJSON, as a double
  EXPECT_EQ(a[7].as_double(), 18446744073709551616.0);
  try {
    (void)a[2].as_int64();
    ADD_FAILURE();
  } catch (const nni::LoadError& e) {
    EXPECT_NE(std::string(e.what()).find("integer 9223372036854775808 is out of range"),
              std::string::npos);
  }
  try {
    (void)a[0].as_uint64();
    ADD_FAILURE();
  } catch (const nni::LoadError& e) {
    EXPECT_NE(std::string(e.what()).find("integer -1 is out of range [0, "), std::string::npos);
  }
}

// The one known difference (a fuzzer finding, docs/hardening.md): a number with more than about
// 308 significant digits whose exponent brings it back into range. simdjson reads it as Python
// does; RapidJSON builds the significand in a double first and refuses it, which is what a
// payload that needs the fallback (one with NaN, say) gets.
TEST(JsonParser, LongSignificandsAreReadAsPythonReadsThem) {
  std::string tiny = "[" + std::string(400, '3') + "e-500]";   // 3.3e-101
  std::string small = "[" + std::string(400, '1') + "e-300]";  // 1.1e99
  Parsed fast_tiny = parse(tiny, JsonParser::Auto);
  Parsed fast_small = parse(small, JsonParser::Auto);
  EXPECT_EQ(fast_tiny.error, "");
  EXPECT_EQ(fast_small.error, "");
  JsonDocument doc(small);
  EXPECT_DOUBLE_EQ(doc.root()[0].as_double(), 1.1111111111111111e99);
  for (const std::string& json : {tiny, small}) {
    Parsed slow = parse(json, JsonParser::RapidJsonOnly);
    EXPECT_NE(slow.error.find("Number too big to be stored in double"), std::string::npos)
        << slow.error;
  }
}

// An array's elements, and an object's members, are one block: operator[] is O(1), so reading a
// 1,000,000-element vector is linear.
TEST(JsonParser, ContainersAreContiguous) {
  for (JsonParser parser : {JsonParser::Auto, JsonParser::RapidJsonOnly}) {
    std::string json = "[";
    for (int i = 0; i < 100000; ++i) json += (i ? ", " : "") + std::to_string(i % 7 ? i : -i);
    json += "]";
    JsonParser previous = nni::detail::set_json_parser(parser);
    JsonDocument doc(json);
    nni::detail::set_json_parser(previous);
    JsonNode a = doc.root();
    ASSERT_EQ(a.size(), 100000u);
    const char* first = static_cast<const char*>(a[0].impl());
    for (std::size_t i = 0; i < a.size(); ++i) {
      ASSERT_EQ(static_cast<const char*>(a[i].impl()), first + i * sizeof(nni::detail::JsonValue));
      ASSERT_EQ(a[i].as_int64(),
                i % 7 ? static_cast<std::int64_t>(i) : -static_cast<std::int64_t>(i));
    }
  }
  JsonDocument doc(R"({"a": [1], "b": {"c": 2}, "d": "e"})");
  JsonNode o = doc.root();
  ASSERT_EQ(o.member_count(), 3u);
  EXPECT_EQ(o.member_name(1), "b");
  EXPECT_EQ(o.member_value(1).find("c").as_int64(), 2);
  EXPECT_EQ(o.find("d").as_string(), "e");
  EXPECT_FALSE(o.find("x"));
  EXPECT_FALSE(o.find(""));
}

// A payload past 1 MiB gets fresh simdjson buffers, given back afterwards; later parses on the
// thread still work.
TEST(JsonParser, LargePayloadThenSmallOnes) {
  std::string big = "[";
  for (int i = 0; i < 200000; ++i) big += (i ? ", " : "") + std::to_string(i * 0.25);
  big += "]";
  ASSERT_GT(big.size(), 1u << 20);
  for (int round = 0; round < 2; ++round) {
    Parsed p = parse_both(big);
    EXPECT_FALSE(p.fallback);
    EXPECT_FALSE(parse_both(kEvaluator).fallback);
    EXPECT_TRUE(parse_both(big + "x").fallback);  // refused: RapidJSON's error
  }
}

}  // namespace

// Each thread has its own simdjson parser: threads parsing at once (the tsan preset runs the
// Concurrency suite) get their own trees, through both parsers.
TEST(Concurrency, ThreadsParseJsonAtOnce) {
  std::string big = "{\"v\": [";
  for (int i = 0; i < 150000; ++i) big += (i ? ", " : "") + std::to_string(i);
  big += "]}";
  const std::string payloads[] = {kEvaluator, "[NaN, 1]", big, R"({"s": "\ud83d\ude00"})"};
  std::vector<std::string> expected;
  for (const std::string& p : payloads) expected.push_back(parse(p, JsonParser::Auto).tree);
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 20; ++round) {
        for (std::size_t k = 0; k < std::size(payloads); ++k) {
          std::size_t i = (k + static_cast<std::size_t>(t)) % std::size(payloads);
          if (parse(payloads[i], JsonParser::Auto).tree != expected[i]) ++mismatches[t];
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}
