// The non-template halves of the standard-type codecs: json-tricks objects for sets, complex
// numbers, timedelta and datetime, and map keys written as strings.
#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>

#include "nni/std_codecs.h"

namespace nni::detail {

namespace {

constexpr std::int64_t kMicrosPerSecond = 1000000;
constexpr std::int64_t kMicrosPerDay = 86400 * kMicrosPerSecond;

// Floor division, as Python's // does for negative numbers.
std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// Days since 1970-01-01 of a proleptic Gregorian date, and back (era-based civil calendar).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  std::int64_t yoe = y - era * 400;
  std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Civil {
  std::int64_t year;
  unsigned month, day;
};

Civil civil_from_days(std::int64_t z) {
  z += 719468;
  std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  std::int64_t doe = z - era * 146097;
  std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  std::int64_t mp = (5 * doy + 2) / 153;
  unsigned d = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
  unsigned m = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (m <= 2), m, d};
}

bool is_leap(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(std::int64_t y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

void write_field(JsonWriter& w, const char* name, std::int64_t value) {
  if (value == 0) return;  // json-tricks leaves zero fields out
  w.key(name);
  w.integer(value);
}

// The marker member must be there, and be null (json-tricks writes "__timedelta__": null).
void expect_marker(const JsonNode& node, const char* marker, const char* description) {
  if (!node.is(JsonType::Object)) node.fail_expected(description);
  JsonNode value = node.find(marker);
  if (!value) node.fail_expected(description);
  if (!value.is(JsonType::Null)) at_path(marker, [&] { value.fail_expected("null"); });
}

std::int64_t integer_field(const JsonNode& node, std::string_view name) {
  return at_path(name, [&] { return node.as_int64(); });
}

}  // namespace

void throw_wrong_length(std::size_t expected, std::size_t got) {
  throw LoadError("expected an array of " + std::to_string(expected) + " elements, got " +
                  std::to_string(got));
}

std::int64_t parse_int64_key(std::string_view text) {
  std::int64_t v = 0;
  auto r = std::from_chars(text.data(), text.data() + text.size(), v);
  if (r.ec == std::errc::result_out_of_range) {
    throw LoadError("integer key '" + std::string(text) + "' is out of range");
  }
  if (r.ec != std::errc() || r.ptr != text.data() + text.size() || text.empty()) {
    throw LoadError("expected an integer key, got '" + std::string(text) + "'");
  }
  return v;
}

std::uint64_t parse_uint64_key(std::string_view text) {
  std::uint64_t v = 0;
  auto r = std::from_chars(text.data(), text.data() + text.size(), v);
  if (r.ec == std::errc::result_out_of_range || (!text.empty() && text[0] == '-')) {
    throw LoadError("integer key '" + std::string(text) + "' is out of range");
  }
  if (r.ec != std::errc() || r.ptr != text.data() + text.size() || text.empty()) {
    throw LoadError("expected an integer key, got '" + std::string(text) + "'");
  }
  return v;
}

JsonNode tricks_member(const JsonNode& node, const char* marker, const char* description) {
  if (!node.is(JsonType::Object)) node.fail_expected(description);
  JsonNode value = node.find(marker);
  if (!value) node.fail_expected(description);
  for (std::size_t i = 0, n = node.member_count(); i < n; ++i) {
    if (node.member_name(i) != marker) {
      throw LoadError("unexpected key '" + std::string(node.member_name(i)) + "' in " +
                      description);
    }
  }
  return value;
}

void write_timedelta(JsonWriter& w, std::int64_t microseconds) {
  std::int64_t days = floor_div(microseconds, kMicrosPerDay);
  std::int64_t rest = microseconds - days * kMicrosPerDay;
  w.begin_object();
  w.key("__timedelta__");
  w.null();
  write_field(w, "days", days);
  write_field(w, "seconds", rest / kMicrosPerSecond);
  write_field(w, "microseconds", rest % kMicrosPerSecond);
  w.end_object();
}

std::int64_t read_timedelta(const JsonNode& node) {
  const char* description = "a timedelta {\"__timedelta__\": null, \"days\": ...}";
  expect_marker(node, "__timedelta__", description);
  // Python's timedelta(days=1.5) is legal: sum in long double, then round as timedelta() does.
  long double total = 0;
  for (std::size_t i = 0, n = node.member_count(); i < n; ++i) {
    std::string_view name = node.member_name(i);
    long double scale;
    if (name == "__timedelta__") continue;
    if (name == "days") {
      scale = kMicrosPerDay;
    } else if (name == "seconds") {
      scale = kMicrosPerSecond;
    } else if (name == "microseconds") {
      scale = 1;
    } else {
      throw LoadError("unexpected key '" + std::string(name) + "' in " + description);
    }
    JsonNode v = node.member_value(i);
    total += scale * static_cast<long double>(at_path(name, [&] { return v.as_double(); }));
  }
  total = std::nearbyint(total);
  if (!(std::fabs(total) < 9.2e18L)) throw LoadError("timedelta is out of range");
  return static_cast<std::int64_t>(total);
}

void write_datetime(JsonWriter& w, std::int64_t us) {
  std::int64_t days = floor_div(us, kMicrosPerDay);
  std::int64_t rest = us - days * kMicrosPerDay;
  Civil date = civil_from_days(days);
  if (date.year < 1 || date.year > 9999) {
    throw DumpError("time point in year " + std::to_string(date.year) +
                    " is outside Python's datetime range (years 1 to 9999)");
  }
  w.begin_object();
  w.key("__datetime__");
  w.null();
  w.key("year");
  w.integer(date.year);
  w.key("month");
  w.integer(date.month);
  w.key("day");
  w.integer(date.day);
  write_field(w, "hour", rest / (3600 * kMicrosPerSecond));
  write_field(w, "minute", rest / (60 * kMicrosPerSecond) % 60);
  write_field(w, "second", rest / kMicrosPerSecond % 60);
  write_field(w, "microsecond", rest % kMicrosPerSecond);
  w.end_object();
}

std::int64_t read_datetime(const JsonNode& node) {
  const char* description = "a datetime {\"__datetime__\": null, \"year\": ...}";
  expect_marker(node, "__datetime__", description);
  std::int64_t year = -1, month = -1, day = -1, hour = 0, minute = 0, second = 0, micro = 0;
  for (std::size_t i = 0, n = node.member_count(); i < n; ++i) {
    std::string_view name = node.member_name(i);
    JsonNode v = node.member_value(i);
    if (name == "__datetime__") continue;
    std::int64_t* field = name == "year"          ? &year
                          : name == "month"       ? &month
                          : name == "day"         ? &day
                          : name == "hour"        ? &hour
                          : name == "minute"      ? &minute
                          : name == "second"      ? &second
                          : name == "microsecond" ? &micro
                                                  : nullptr;
    if (name == "tzinfo") {
      throw LoadError(
          "datetimes with a time zone are not supported: payloads hold naive UTC "
          "datetimes",
          "/tzinfo");
    }
    if (!field) throw LoadError("unexpected key '" + std::string(name) + "' in " + description);
    *field = integer_field(v, name);
  }
  auto check = [](std::int64_t value, std::int64_t lo, std::int64_t hi, const char* name) {
    if (value < lo || value > hi) {
      if (value == -1 && lo > 0) throw LoadError(std::string("a datetime needs \"") + name + "\"");
      throw load_error_at(std::string(name) + " " + std::to_string(value) + " is out of range [" +
                              std::to_string(lo) + ", " + std::to_string(hi) + "]",
                          {name});
    }
  };
  check(year, 1, 9999, "year");
  check(month, 1, 12, "month");
  check(day, 1, days_in_month(year, static_cast<unsigned>(month)), "day");
  check(hour, 0, 23, "hour");
  check(minute, 0, 59, "minute");
  check(second, 0, 59, "second");
  check(micro, 0, 999999, "microsecond");
  std::int64_t days =
      days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return days * kMicrosPerDay + ((hour * 60 + minute) * 60 + second) * kMicrosPerSecond + micro;
}

}  // namespace nni::detail
