// Enums by enumerator name, with the names the generator registered.
#include <string>

#include "nni/enum_codec.h"
#include "nni/errors.h"

namespace nni::detail {

namespace {

const EnumInfo& info_of(const std::type_info& type, bool loading) {
  const EnumInfo* info = find_enum(type);
  if (!info) {
    std::string message = "the enumerator names of '" + type_name(type) +
                          "' are not registered: use the enum in a traced constructor or "
                          "factory, or trace it with nni_trace_generate";
    if (loading) throw LoadError(message);
    throw DumpError(message);
  }
  return *info;
}

std::string qualified(const EnumInfo& info) {
  std::string module = info.module;
  return module.empty() ? info.name : module + "." + info.name;
}

}  // namespace

std::string_view enum_name(const std::type_info& type, std::int64_t value) {
  const EnumInfo& info = info_of(type, false);
  for (std::size_t i = 0; i < info.enumerator_count; ++i) {
    if (info.enumerators[i].value == value) return info.enumerators[i].name;
  }
  throw DumpError("value " + std::to_string(value) + " is not an enumerator of '" +
                  type_name(type) + "'");
}

std::int64_t enum_value(const std::type_info& type, std::string_view name) {
  const EnumInfo& info = info_of(type, true);
  for (std::size_t i = 0; i < info.enumerator_count; ++i) {
    if (name == info.enumerators[i].name) return info.enumerators[i].value;
  }
  std::string names;
  for (std::size_t i = 0; i < info.enumerator_count; ++i) {
    names += (i ? ", " : "") + std::string(info.enumerators[i].name);
  }
  throw LoadError("'" + std::string(name) + "' is not an enumerator of " + qualified(info) + " (" +
                  names + ")");
}

void write_enum(JsonWriter& w, const std::type_info& type, std::int64_t value) {
  const EnumInfo& info = info_of(type, false);
  std::string_view name = enum_name(type, value);
  w.begin_object();
  w.key("__enum__");
  w.begin_object();
  w.key("__enum_instance_type__");
  w.begin_array();
  w.string(info.module);
  w.string(info.name);
  w.end_array();
  w.key("name");
  w.string(name);
  w.end_object();
  w.end_object();
}

std::int64_t read_enum(const JsonNode& node, const std::type_info& type) {
  const char* description =
      "an enum {\"__enum__\": {\"__enum_instance_type__\": [module, name], \"name\": ...}}";
  if (!node.is(JsonType::Object) || node.member_count() != 1 || !node.find("__enum__")) {
    node.fail_expected(description);
  }
  return at_path("__enum__", [&] {
    JsonNode inner = node.find("__enum__");
    if (!inner.is(JsonType::Object)) inner.fail_expected("an object");
    JsonNode type_node = inner.find("__enum_instance_type__");
    JsonNode name = inner.find("name");
    if (!type_node || !name) inner.fail_expected(description);
    const EnumInfo& info = info_of(type, true);
    at_path("__enum_instance_type__", [&] {
      if (!type_node.is(JsonType::Array) || type_node.size() != 2) {
        type_node.fail_expected("[module, name]");
      }
      std::string written =
          std::string(type_node[0].as_string()) + "." + std::string(type_node[1].as_string());
      if (type_node[0].as_string().empty()) written = std::string(type_node[1].as_string());
      if (written != qualified(info)) {
        throw LoadError("expected a member of enum " + qualified(info) + ", got " + written);
      }
    });
    return at_path("name", [&] { return enum_value(type, name.as_string()); });
  });
}

}  // namespace nni::detail
