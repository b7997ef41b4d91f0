// The binary fallback (NNI's pickle): a type with no codec of its own, that cereal can
// serialize, is written as {"__nni_obj__": "<base64>"} of its cereal portable binary archive,
// within DumpOptions::pickle_size_limit. The payload does not name the C++ type: the loading
// side knows it from the parameter's declared type.
#pragma once

#include <exception>
#include <sstream>  // the dump side's archive writes to a stream
#include <string>
#include <type_traits>
#include <typeinfo>

#include <cereal/archives/portable_binary.hpp>

#include "nni/codec.h"
#include "nni/detail/bounded_archive.h"

namespace nni {

namespace detail {

template <class T>
constexpr bool binary_serializable() {
  // An abstract class is never a value to re-create; asking cereal's traits (the costly part of
  // a std::shared_ptr<Base> parameter's code) would only say so more slowly.
  if constexpr (std::is_abstract_v<T>) {
    return false;
  } else {
    return cereal::traits::is_output_serializable<T, cereal::PortableBinaryOutputArchive>::value &&
           cereal::traits::is_input_serializable<T, BoundedBinaryInputArchive>::value;
  }
}

template <class T>
inline constexpr bool binary_serializable_v = binary_serializable<T>();

// Checks the size limit (PayloadTooLarge names `type`), then writes the base64 object.
void write_binary(JsonWriter& w, const std::string& bytes, const std::type_info& type,
                  DumpContext& ctx);
// The bytes of a {"__nni_obj__": "<base64>"} object.
std::string read_binary(const JsonNode& node);
[[noreturn]] void throw_bad_binary(const std::type_info& type, const char* what);

}  // namespace detail

// The primary template: every type without a codec of its own ends here.
template <class T, class Enable>
struct Codec {
  static_assert(detail::binary_serializable_v<T>,
                "nni: this type has no codec: mark it [[nni::trace]] and pass it as "
                "nni::Traced<T> or std::shared_ptr<T>, specialize nni::Codec<T>, or give it a "
                "cereal serialize() for the size-limited binary fallback");
  static constexpr Kind kind = Kind::Other;

  static void dump(JsonWriter& w, const T& value, DumpContext& ctx) {
    std::ostringstream bytes;
    {
      cereal::PortableBinaryOutputArchive archive(bytes);
      archive(value);
    }
    detail::write_binary(w, bytes.str(), typeid(T), ctx);
  }

  static T load(const JsonNode& node, LoadContext&) {
    static_assert(std::is_default_constructible_v<T>,
                  "nni: the binary fallback loads into a default-constructed T");
    std::string bytes = detail::read_binary(node);
    T value;
    try {
      detail::BoundedBinaryInputArchive archive(bytes);
      archive(value);
    } catch (const std::exception& e) {
      // cereal::Exception for short or corrupt input, and anything the type's own load throws.
      detail::throw_bad_binary(typeid(T), e.what());
    }
    return value;
  }
};

}  // namespace nni
