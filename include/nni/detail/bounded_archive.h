// The input side of the binary fallback: reads cereal's portable binary format from the bytes of
// a payload, and refuses any size an archive declares that the remaining bytes cannot hold, so a
// corrupt or hostile payload cannot make cereal allocate what it declares (a 100-byte payload
// declaring a 1 GiB string). cereal's own PortableBinaryInputArchive resizes first and reads
// after.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <ios>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>

#include <cereal/archives/portable_binary.hpp>
#include <cereal/cereal.hpp>

namespace nni::detail {

class BoundedBinaryInputArchive
    : public cereal::InputArchive<BoundedBinaryInputArchive, cereal::AllowEmptyClassElision> {
 public:
  explicit BoundedBinaryInputArchive(std::string_view bytes)
      : cereal::InputArchive<BoundedBinaryInputArchive, cereal::AllowEmptyClassElision>(this),
        rest_(bytes) {
    std::uint8_t writer_little_endian = 0;
    (*this)(writer_little_endian);  // the first byte: the writer's byte order
    swap_ = (writer_little_endian != 0) != is_little_endian();
  }

  std::size_t remaining() const noexcept { return rest_.size(); }

  template <std::streamsize DataSize>
  void loadBinary(void* data, std::streamsize size) {
    auto n = static_cast<std::size_t>(size);
    if (size < 0 || n > rest_.size()) {
      throw cereal::Exception("the binary object ends " + std::to_string(n - rest_.size()) +
                              " bytes early");
    }
    if (n == 0) return;  // an empty container's data() may be null
    std::memcpy(data, rest_.data(), n);
    rest_.remove_prefix(n);
    if (swap_) {
      auto* p = static_cast<unsigned char*>(data);
      for (std::size_t i = 0; i + DataSize <= n; i += DataSize) {
        for (std::size_t a = 0, b = DataSize - 1; a < b; ++a, --b) std::swap(p[i + a], p[i + b]);
      }
    }
  }

 private:
  static bool is_little_endian() noexcept {
    const std::uint16_t one = 1;
    unsigned char first;
    std::memcpy(&first, &one, 1);
    return first == 1;
  }

  std::string_view rest_;
  bool swap_ = false;
};

template <class T>
std::enable_if_t<std::is_arithmetic_v<T>> CEREAL_LOAD_FUNCTION_NAME(BoundedBinaryInputArchive& ar,
                                                                    T& t) {
  ar.template loadBinary<sizeof(T)>(std::addressof(t), sizeof(t));
}

template <class T>
void CEREAL_SERIALIZE_FUNCTION_NAME(BoundedBinaryInputArchive& ar, cereal::NameValuePair<T>& t) {
  ar(t.value);
}

// Every element takes at least one byte, so a count larger than the bytes left is corrupt.
template <class T>
void CEREAL_SERIALIZE_FUNCTION_NAME(BoundedBinaryInputArchive& ar, cereal::SizeTag<T>& t) {
  ar(t.size);
  if (static_cast<std::uint64_t>(t.size) > ar.remaining()) {
    throw cereal::Exception("the binary object declares " + std::to_string(t.size) +
                            " elements with " + std::to_string(ar.remaining()) + " bytes left");
  }
}

template <class T>
void CEREAL_LOAD_FUNCTION_NAME(BoundedBinaryInputArchive& ar, cereal::BinaryData<T>& bd) {
  using Element = std::remove_pointer_t<T>;
  ar.template loadBinary<sizeof(Element)>(bd.data, static_cast<std::streamsize>(bd.size));
}

}  // namespace nni::detail

CEREAL_REGISTER_ARCHIVE(nni::detail::BoundedBinaryInputArchive)

namespace cereal::traits::detail {
// Pairs the archive with the output archive its bytes come from (for cereal's save/load checks);
// PortableBinaryOutputArchive keeps its own input archive for the reverse direction.
template <>
struct get_output_from_input<nni::detail::BoundedBinaryInputArchive> {
  using type = cereal::PortableBinaryOutputArchive;
};
}  // namespace cereal::traits::detail
