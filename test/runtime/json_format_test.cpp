// The writer prints what Python's json.dumps prints (expected strings were produced by Python).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include <nni/trace.h>

namespace {

std::string write_double(double v) {
  std::string out;
  nni::JsonWriter w(out);
  w.number(v);
  return out;
}

std::string write_float(float v) {
  std::string out;
  nni::JsonWriter w(out);
  w.number(v);
  return out;
}

TEST(JsonFormat, DoublesPrintAsPythonRepr) {
  EXPECT_EQ(write_double(1.0), "1.0");
  EXPECT_EQ(write_double(0.1), "0.1");
  EXPECT_EQ(write_double(1e-07), "1e-07");
  EXPECT_EQ(write_double(1e16), "1e+16");
  EXPECT_EQ(write_double(1e15), "1000000000000000.0");
  EXPECT_EQ(write_double(1.2345678901234568e+17), "1.2345678901234568e+17");
  EXPECT_EQ(write_double(12345678901234567.0), "1.2345678901234568e+16");
  EXPECT_EQ(write_double(-0.0), "-0.0");
  EXPECT_EQ(write_double(0.0), "0.0");
  EXPECT_EQ(write_double(123456.789), "123456.789");
  EXPECT_EQ(write_double(1e-4), "0.0001");
  EXPECT_EQ(write_double(1e-5), "1e-05");
  EXPECT_EQ(write_double(5e-324), "5e-324");
  EXPECT_EQ(write_double(1.7976931348623157e308), "1.7976931348623157e+308");
  EXPECT_EQ(write_double(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(write_double(std::nan("")), "NaN");
  EXPECT_EQ(write_double(std::numeric_limits<double>::infinity()), "Infinity");
  EXPECT_EQ(write_double(-std::numeric_limits<double>::infinity()), "-Infinity");
}

TEST(JsonFormat, FloatsPrintTheirOwnShortestDecimal) {
  EXPECT_EQ(write_float(0.1f), "0.1");
  EXPECT_EQ(write_float(1.0f), "1.0");
  EXPECT_EQ(write_float(3.14159f), "3.14159");
  EXPECT_EQ(write_float(1e-7f), "1e-07");
}

TEST(JsonFormat, NanIsAnErrorWithoutAllowNan) {
  std::string out;
  nni::JsonWriter w(out, -1, /*allow_nan=*/false);
  EXPECT_THROW(w.number(std::nan("")), nni::DumpError);
  EXPECT_THROW(w.number(std::numeric_limits<float>::infinity()), nni::DumpError);
}

TEST(JsonFormat, StringsAreEscapedAsPythonEnsureAscii) {
  std::string out;
  nni::JsonWriter w(out);
  w.string("a\"b\\c\n\t\x01\x7f \xc3\xa9 \xf0\x9f\x98\x80 \xe2\x80\xa8");
  EXPECT_EQ(out, R"("a\"b\\c\n\t\u0001\u007f \u00e9 \ud83d\ude00 \u2028")");
}

TEST(JsonFormat, InvalidUtf8IsADumpError) {
  std::string out;
  nni::JsonWriter w(out);
  EXPECT_THROW(w.string("\xff"), nni::DumpError);
  EXPECT_THROW(w.string("\xc3"), nni::DumpError);          // truncated sequence
  EXPECT_THROW(w.string("\xed\xa0\x80"), nni::DumpError);  // an encoded surrogate
}

TEST(JsonFormat, SeparatorsAsPythonWithAndWithoutIndent) {
  auto write = [](int indent) {
    std::string out;
    nni::JsonWriter w(out, indent);
    w.begin_object();
    w.key("a");
    w.begin_array();
    w.integer(1);
    w.integer(2);
    w.end_array();
    w.key("b");
    w.begin_object();
    w.end_object();
    w.key("c");
    w.begin_array();
    w.end_array();
    w.end_object();
    return out;
  };
  // json.dumps({"a": [1, 2], "b": {}, "c": []}) and the same with indent=2
  EXPECT_EQ(write(-1), R"({"a": [1, 2], "b": {}, "c": []})");
  EXPECT_EQ(write(2), "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": {},\n  \"c\": []\n}");
}

}  // namespace
